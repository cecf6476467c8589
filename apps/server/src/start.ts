import {
  applyDueNormativeEnds,
  closeUnpaidFees,
  purgePersonalData,
  queueDeadlineReminders,
  queueReportReminders,
  deliverQueuedMail,
  publishDueItems,
  queueFreshnessWarningsDaily,
  scanPublishedDaily,
  seedWholeDemo,
  type AppContext,
} from '@xxgk/app';
import { countAgencies, migrateToLatest, type Database } from '@xxgk/db';
import { openApp } from './open-app.ts';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { buildServer } from './server.ts';

export interface StartOptions {
  /** Seed 示例市 when the database has no agencies yet. */
  readonly demo: boolean;
  readonly logger?: boolean;
}

export interface Started {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly database: Database;
  /** The use-case context the server runs on (for scripts driving it in process). */
  readonly ctx: AppContext;
  readonly seeded: boolean;
  stop(): Promise<void>;
}

/** Migrates, optionally seeds the demo, and listens. `stop` drains requests, then closes the database. */
export async function startServer(config: Config, options: StartOptions): Promise<Started> {
  const { database, ctx } = openApp(config);
  await migrateToLatest(database);
  let seeded = false;
  if (options.demo && (await countAgencies(database.db)) === 0) {
    await seedWholeDemo(ctx);
    seeded = true;
  }
  const app = await buildServer({ config, database, ctx }, { logger: options.logger ?? true });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  // 定时发布 and the day's 废止/失效: once a minute (and once now).
  const publishDue = async () => {
    try {
      const ids = await publishDueItems(ctx, { ip: '', requestId: 'scheduler' });
      const ended = await applyDueNormativeEnds(ctx);
      const lapsed = await closeUnpaidFees(ctx);
      const purged = await purgePersonalData(ctx);
      await queueDeadlineReminders(ctx);
      await queueReportReminders(ctx);
      await queueFreshnessWarningsDaily(ctx);
      await deliverQueuedMail(ctx);
      if (ids.length > 0 || ended.length > 0 || lapsed.length > 0 || purged.length > 0) {
        app.log.info(
          { published: ids, validityChanged: ended, feesLapsed: lapsed, personalDataPurged: purged },
          'scheduled changes applied',
        );
      }
    } catch (error) {
      app.log.error({ err: error }, 'scheduled changes failed');
    }
  };
  // The nightly scan of everything published (once a Beijing day; the first minute after a restart
  // on a day it has not run), kept apart from the minute's work so a long scan delays nothing else.
  let scanning = false;
  const scanDaily = async () => {
    if (scanning) {
      return;
    }
    scanning = true;
    try {
      const run = await scanPublishedDaily(ctx);
      if (run !== null) {
        app.log.info(run, 'daily scan of published items done');
      }
    } catch (error) {
      app.log.error({ err: error }, 'daily scan failed');
    } finally {
      scanning = false;
    }
  };
  void publishDue();
  const timer = setInterval(() => {
    void publishDue();
    void scanDaily();
  }, 60_000);
  timer.unref();
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    app,
    url: `http://${shownHost}:${port}`,
    database,
    ctx,
    seeded,
    async stop() {
      clearInterval(timer);
      await app.close();
      await database.destroy();
    },
  };
}
