import { DomainError, type Actor } from '@xxgk/core';
import { endSession, findSession, findUserById, touchSession } from '@xxgk/db';
import { iso, type AppContext } from '../context.ts';
import { actorOf } from './actor.ts';
import { sessionIdOf } from './tokens.ts';

export interface ResolvedSession {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly actor: Actor;
  readonly mustChangePassword: boolean;
}

/** Refresh last_seen_at at most this often, so reads don't each cost a write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Finds the person behind a session cookie. Ends the session and refuses (SESSION_EXPIRED) once it
 * has been idle for `sessionIdleMinutes` or has lived `sessionAbsoluteHours`; refuses an unknown,
 * ended session or one whose user is disabled (UNAUTHENTICATED).
 */
export async function resolveSession(ctx: AppContext, token: string): Promise<ResolvedSession> {
  const id = sessionIdOf(token);
  const session = await findSession(ctx.db, id);
  if (session === undefined || session.ended_at !== null) {
    throw new DomainError('UNAUTHENTICATED', '请先登录');
  }
  const now = ctx.now();
  const idleLimit = new Date(session.last_seen_at).getTime() + ctx.security.sessionIdleMinutes * 60_000;
  if (iso(now) >= session.expires_at || now.getTime() >= idleLimit) {
    await endSession(ctx.db, id, iso(now));
    throw new DomainError('SESSION_EXPIRED', '登录已超时，请重新登录');
  }
  const user = await findUserById(ctx.db, session.user_id);
  if (user === undefined || user.status !== 'active') {
    await endSession(ctx.db, id, iso(now));
    throw new DomainError('UNAUTHENTICATED', '请先登录');
  }
  if (now.getTime() - new Date(session.last_seen_at).getTime() >= TOUCH_EVERY_MS) {
    await touchSession(ctx.db, id, iso(now));
  }
  return {
    sessionId: id,
    csrfToken: session.csrf_token,
    expiresAt: session.expires_at,
    actor: await actorOf(ctx.db, user),
    mustChangePassword: user.must_change_password === 1,
  };
}
