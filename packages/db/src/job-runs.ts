import type { Executor } from './connection.ts';

/** When the daily job `name` last ran (an instant), or undefined if it never has. */
export async function findJobRunAt(ex: Executor, name: string): Promise<string | undefined> {
  const row = await ex.selectFrom('job_runs').select('last_run_at').where('name', '=', name).executeTakeFirst();
  return row?.last_run_at;
}

/** Records that the daily job `name` ran at `at`. */
export async function upsertJobRun(ex: Executor, name: string, at: string): Promise<void> {
  await ex
    .insertInto('job_runs')
    .values({ name, last_run_at: at })
    .onConflict((oc) => oc.column('name').doUpdateSet({ last_run_at: at }))
    .execute();
}
