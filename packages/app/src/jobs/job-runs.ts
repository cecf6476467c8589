import { shanghaiDate } from '@xxgk/core';
import type { Executor } from '@xxgk/db';

/**
 * Daily jobs run from the server's minute timer (the nightly scan, the freshness warnings): each
 * records when it last ran, so it runs once a Beijing day and a restart does not run it again.
 */
export async function ranToday(ex: Executor, name: string, now: Date): Promise<boolean> {
  const last = await ex.selectFrom('job_runs').select('last_run_at').where('name', '=', name).executeTakeFirst();
  return last !== undefined && shanghaiDate(new Date(last.last_run_at)) === shanghaiDate(now);
}

export async function recordJobRun(ex: Executor, name: string, at: string): Promise<void> {
  await ex
    .insertInto('job_runs')
    .values({ name, last_run_at: at })
    .onConflict((oc) => oc.column('name').doUpdateSet({ last_run_at: at }))
    .execute();
}
