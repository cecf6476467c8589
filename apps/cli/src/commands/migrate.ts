import { migrateToLatest } from '@xxgk/db';
import { loadConfig } from '@xxgk/server/config';
import { openApp } from '@xxgk/server/open-app';
import { EXIT, type Io } from '../io.ts';

export async function migrate(
  env: Readonly<Record<string, string | undefined>>,
  io: Io,
  options: { dataDir: string | undefined },
) {
  const config = loadConfig(env, { dataDir: options.dataDir });
  const { database } = openApp(config);
  try {
    const { applied } = await migrateToLatest(database);
    io.out(`数据库 / database: ${database.location}`);
    io.out(
      applied.length === 0 ? '已是最新，无需迁移 / already up to date' : `已执行迁移 / applied: ${applied.join(', ')}`,
    );
    return EXIT.ok;
  } finally {
    await database.destroy();
  }
}
