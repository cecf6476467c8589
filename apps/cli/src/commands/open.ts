import type { AppContext } from '@xxgk/app';
import { migrateToLatest, type Database } from '@xxgk/db';
import { loadConfig, type Config } from '@xxgk/server/config';
import { openApp } from '@xxgk/server/open-app';

type Env = Readonly<Record<string, string | undefined>>;

/** Loads the config, opens and migrates the database, runs `work`, and always closes the database. */
export async function withApp<T>(
  env: Env,
  dataDir: string | undefined,
  work: (app: { config: Config; database: Database; ctx: AppContext }) => Promise<T>,
): Promise<T> {
  const config = loadConfig(env, { dataDir });
  const { database, ctx } = openApp(config);
  try {
    await migrateToLatest(database);
    return await work({ config, database, ctx });
  } finally {
    await database.destroy();
  }
}
