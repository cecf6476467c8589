import type { Executor } from './connection.ts';
import type { SessionRow } from './schema.ts';

export async function insertSession(ex: Executor, session: SessionRow): Promise<void> {
  await ex.insertInto('sessions').values(session).execute();
}

export async function findSession(ex: Executor, id: string): Promise<SessionRow | undefined> {
  return ex.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(ex: Executor, id: string, at: string): Promise<void> {
  await ex.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function endSession(ex: Executor, id: string, at: string): Promise<void> {
  await ex.updateTable('sessions').set({ ended_at: at }).where('id', '=', id).where('ended_at', 'is', null).execute();
}

/**
 * Ends every open session of a user: after a password reset, disabling or a role change; `except`
 * keeps one open (the session a user changed their own password in).
 */
export async function endSessionsOfUser(
  ex: Executor,
  userId: number,
  at: string,
  options: { except?: string } = {},
): Promise<number> {
  let query = ex
    .updateTable('sessions')
    .set({ ended_at: at })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null);
  if (options.except !== undefined) {
    query = query.where('id', '!=', options.except);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
