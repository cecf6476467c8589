import type { Executor } from './connection.ts';

export async function recordLoginAttempt(
  ex: Executor,
  attempt: { username: string; ip: string; at: string; succeeded: boolean },
): Promise<void> {
  await ex
    .insertInto('login_attempts')
    .values({ ...attempt, succeeded: attempt.succeeded ? 1 : 0 })
    .execute();
}

/** Failed logins from one address since an instant: the throttle counts these. */
export async function countFailedLoginsFrom(ex: Executor, ip: string, since: string): Promise<number> {
  const row = await ex
    .selectFrom('login_attempts')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .where('ip', '=', ip)
    .where('succeeded', '=', 0)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return row.n;
}
