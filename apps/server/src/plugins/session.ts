import { timingSafeEqual } from 'node:crypto';
import { resolveSession, type ResolvedSession } from '@xxgk/app';
import { DomainError, isDomainError } from '@xxgk/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerDeps } from '../context.ts';
import { isApiRequest, routePath } from './request-guards.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieName(deps: ServerDeps): string {
  // The __Host- prefix pins the cookie to this host and path / when it travels over HTTPS only.
  return deps.config.cookieSecure ? '__Host-xxgk_session' : 'xxgk_session';
}

export function setSessionCookie(deps: ServerDeps, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookieName(deps), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.cookieSecure,
    signed: true,
    maxAge: deps.config.security.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(deps: ServerDeps, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(deps), { path: '/', secure: deps.config.cookieSecure, sameSite: 'lax' });
}

function sameOrigin(request: FastifyRequest): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  // Fetch metadata, when the browser sends it, is the most precise answer.
  if (fetchSite === 'same-origin') {
    return true;
  }
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
    return false;
  }
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') {
    return origin === undefined;
  }
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie on every request and guards state-changing ones:
 * - every POST/PUT/PATCH/DELETE must come from this origin (Origin / Sec-Fetch-Site);
 * - under /api/, every one but the login itself must carry the session's CSRF token in
 *   the X-CSRF-Token header, and the login must be JSON (which a cross-site form cannot send; the
 *   request guards, plugins/request-guards.ts, refuse any other body on the API).
 * Both decide on the route a request reached, however its path was spelt.
 * Public portal forms carry their own token (added by the issues that add those forms).
 */
export async function registerSession(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.decorateRequest('session', undefined);
  app.decorateRequest('sessionProblem', undefined);

  app.addHook('onRequest', async (request) => {
    // Only the API acts on sessions; the portal and static files need no database round trip.
    if (!isApiRequest(request)) {
      return;
    }
    const raw = request.cookies[sessionCookieName(deps)];
    if (raw === undefined) {
      return;
    }
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || unsigned.value === null) {
      request.sessionProblem = 'invalid';
      return;
    }
    try {
      request.session = await resolveSession(deps.ctx, unsigned.value);
    } catch (error) {
      if (isDomainError(error)) {
        request.sessionProblem = error.code === 'SESSION_EXPIRED' ? 'expired' : 'invalid';
        return;
      }
      throw error;
    }
  });

  app.addHook('preHandler', async (request) => {
    if (!UNSAFE.has(request.method)) {
      return;
    }
    if (!sameOrigin(request)) {
      throw new DomainError('CSRF_REJECTED', '请求来源校验失败：不接受来自其他网站的提交');
    }
    // The route reached, not the URL as spelt: `/%61pi/…` is the API too (issue 18).
    const route = routePath(request);
    if (!route.startsWith('/api/')) {
      return;
    }
    if (route === '/api/auth/login') {
      // No token yet; the request guards took it as JSON only, which a cross-site form cannot send.
      return;
    }
    if (request.session === undefined) {
      return; // requireSession answers 401 with the precise reason
    }
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !tokensEqual(header, request.session.csrfToken)) {
      throw new DomainError('CSRF_REJECTED', '请求校验令牌缺失或无效，请刷新页面后重试');
    }
  });
}

/** The session of a request that must be logged in, or 401 saying why not. */
export function requireSession(request: FastifyRequest): ResolvedSession {
  if (request.session !== undefined) {
    return request.session;
  }
  if (request.sessionProblem === 'expired') {
    throw new DomainError('SESSION_EXPIRED', '登录已超时，请重新登录');
  }
  throw new DomainError('UNAUTHENTICATED', '请先登录');
}

export function metaOf(request: FastifyRequest): { ip: string; requestId: string } {
  return { ip: request.ip, requestId: request.id };
}
