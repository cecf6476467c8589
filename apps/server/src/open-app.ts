import { join } from 'node:path';
import {
  DEFAULT_APPLICATION_SETTINGS,
  DiskFileStore,
  httpLinkProbe,
  PersonalDataCipher,
  SmtpMailer,
  type AppContext,
} from '@xxgk/app';
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
    ...(config.smtp === null
      ? {}
      : { mail: { mailer: new SmtpMailer(config.smtp.url, config.smtp.from), publicUrl: config.publicUrl } }),
    personalData: new PersonalDataCipher(config.dataKey),
    applicationSettings: {
      ...DEFAULT_APPLICATION_SETTINGS,
      personalDataRetentionYears: config.personalDataRetentionYears,
    },
    errorReportWorkingDays: config.errorReportWorkingDays,
    ...(config.checkExternalLinks ? { linkProbe: httpLinkProbe() } : {}),
    now: config.now,
  };
  return { database, ctx };
}
