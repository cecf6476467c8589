import { DEMO_PASSWORD, DEMO_USERS, type DemoLogin } from '@xxgk/app';
import { ROLE_LABELS } from '@xxgk/core';
import { loadConfig, startServer } from '@xxgk/server';
import { EXIT, type Io } from '../io.ts';

export function printLogins(io: Io, logins: readonly DemoLogin[]): void {
  io.out('');
  io.out('演示账号（密码均为 / every password is ' + DEMO_PASSWORD + '）：');
  const width = Math.max(...logins.map((l) => l.username.length));
  for (const l of logins) {
    io.out(`  ${l.username.padEnd(width)}  ${l.displayName} — ${l.roles}`);
  }
}

export interface ServeOptions {
  readonly port: number | undefined;
  readonly host: string | undefined;
  readonly dataDir: string | undefined;
  readonly demo: boolean;
}

/** Starts the platform and resolves when it has been stopped by a signal. */
export async function serve(
  env: Readonly<Record<string, string | undefined>>,
  io: Io,
  options: ServeOptions,
): Promise<number> {
  const config = loadConfig(env, { port: options.port, host: options.host, dataDir: options.dataDir });
  const started = await startServer(config, { demo: options.demo });
  io.out('');
  io.out(`xxgk 已启动 / running  （数据库 / database: ${started.database.dialect}, ${started.database.location}）`);
  io.out(`  门户 / portal:    ${started.url}/`);
  io.out(`  管理端 / admin:   ${started.url}/admin/`);
  io.out(`  接口文档 / API:   ${started.url}/api/docs`);
  if (options.demo && !started.seeded) {
    io.out('');
    io.out('数据库中已有数据，未再导入演示数据 / the database was not empty, so the demo was not loaded again');
  }
  if (options.demo) {
    printLogins(
      io,
      DEMO_USERS.map((u) => ({
        username: u.username,
        password: DEMO_PASSWORD,
        displayName: u.displayName,
        roles: u.roles.map((r) => ROLE_LABELS[r]).join('、'),
      })),
    );
  }
  io.out('');
  io.out('按 Ctrl+C 停止 / press Ctrl+C to stop');
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        return;
      }
      stopping = true;
      started.app.log.info({ signal }, 'shutting down');
      started.stop().then(resolve, (error: unknown) => {
        io.err(`关闭时出错 / error while stopping: ${String(error)}`);
        resolve();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return EXIT.ok;
}
