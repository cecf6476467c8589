import { seedWholeDemo } from '@xxgk/app';
import { EXIT, type Io } from '../io.ts';
import { withApp } from './open.ts';
import { printLogins } from './serve.ts';

export async function seed(
  env: Readonly<Record<string, string | undefined>>,
  io: Io,
  options: { dataDir: string | undefined },
) {
  return withApp(env, options.dataDir, async ({ ctx, database }) => {
    const { logins, published } = await seedWholeDemo(ctx);
    io.out(`已导入示例市演示数据（含 ${published} 条已发布信息）/ demo loaded into ${database.location}`);
    printLogins(io, logins);
    return EXIT.ok;
  });
}
