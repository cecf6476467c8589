import { shanghaiDate } from '@xxgk/core';
import { findJobRunAt, upsertJobRun, type Executor } from '@xxgk/db';

/**
 * Daily jobs run from the server's minute timer (the nightly scan, the freshness warnings): each
 * records when it last ran, so it runs once a Beijing day and a restart does not run it again.
 */
export async function ranToday(ex: Executor, name: string, now: Date): Promise<boolean> {
  const last = await findJobRunAt(ex, name);
  return last !== undefined && shanghaiDate(new Date(last)) === shanghaiDate(now);
}

export async function recordJobRun(ex: Executor, name: string, at: string): Promise<void> {
  await upsertJobRun(ex, name, at);
}
