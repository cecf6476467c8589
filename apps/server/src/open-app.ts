import { join } from 'node:path';
import { DiskFileStore, PersonalDataCipher, type AppContext } from '@xxgk/app';
import { openDatabase, type Database } from '@xxgk/db';
import type { Config } from './config.ts';

/** Opens the configured database and the use-case context over it. */
export function openApp(config: Config): { database: Database; ctx: AppContext } {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const ctx: AppContext = {
    db: database.db,
    dialect: database.dialect,
    security: config.security,
    files: new DiskFileStore(join(config.dataDir, 'files')),
    maxUploadBytes: config.maxUploadBytes,
    personalData: new PersonalDataCipher(config.dataKey),
    now: () => new Date(),
  };
  return { database, ctx };
}
