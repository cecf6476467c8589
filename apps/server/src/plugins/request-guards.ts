import { DomainError, type FieldIssue } from '@xxgk/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The path a request reached as the router matched it (`/api/items/:id`), so every guard decides on
 * the route, never on how the URL was spelled: the router decodes `/%61pi/auth/login` to
 * `/api/auth/login`, and a check of the raw URL's prefix would wave it through (issue 18). A request
 * no route matched is judged by its decoded path.
 */
export function routePath(request: FastifyRequest): string {
  const matched = request.routeOptions.url;
  if (matched !== undefined) {
    return matched;
  }
  const raw = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Whether a request reached the JSON API. */
export function isApiRequest(request: FastifyRequest): boolean {
  return routePath(request).startsWith('/api/');
}

function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Where in a parsed value the first U+0000 is (`application.infoTitle`, `tags.2`), or undefined. */
export function nulPath(value: unknown): string | undefined {
  // A walk with its own stack: a JSON body may nest deeper than the call stack goes.
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: current, path } = next;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) {
        return path;
      }
    } else if (Array.isArray(current)) {
      current.forEach((entry: unknown, index) => stack.push({ value: entry, path: join(path, String(index)) }));
    } else if (typeof current === 'object' && current !== null && !Buffer.isBuffer(current)) {
      for (const [key, entry] of Object.entries(current)) {
        if (key.includes('\u0000')) {
          return join(path, key.replaceAll('\u0000', ''));
        }
        stack.push({ value: entry, path: join(path, key) });
      }
    }
  }
  return undefined;
}

/**
 * Refuses a value holding U+0000 with a 400 in Chinese. No text the platform keeps may hold one: PostgreSQL
 * cannot store it (a 500 instead of an answer), SQLite would keep it and cut it short elsewhere.
 */
export function refuseNul(value: unknown): void {
  const path = nulPath(value);
  if (path === undefined) {
    return;
  }
  const issue: FieldIssue = { path, message: '含有空字符（U+0000），请删除后重新提交' };
  throw new DomainError('VALIDATION_FAILED', '提交的内容含有空字符（U+0000），请删除后重新提交', {
    issues: [issue],
  });
}

/**
 * Two guards every request passes, on the route it reached:
 * - the API takes JSON, and multipart only where a route says it consumes it: a form a page on another
 *   site can send (urlencoded, text/plain) is refused with a 415 before it is parsed — whatever the
 *   spelling of the path (the login especially: it needs no CSRF token, so JSON is its guard);
 * - no U+0000 in the query, the path parameters or the body, refused with a 400 before validation
 *   (multipart fields are read by their routes, which call {@link refuseNul} themselves).
 */
export function registerRequestGuards(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!BODY_METHODS.has(request.method) || !isApiRequest(request)) {
      return;
    }
    const type = mediaTypeOf(request.headers['content-type']);
    if (type === '' || type === 'application/json') {
      return;
    }
    const consumes = request.routeOptions.schema?.consumes ?? [];
    if (consumes.includes(type)) {
      return;
    }
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      consumes.length === 0 ? '接口只接受 JSON 格式的请求' : `接口只接受 JSON 或 ${consumes.join('、')} 格式的请求`,
    );
  });

  app.addHook('preValidation', async (request) => {
    refuseNul(request.params);
    refuseNul(request.query);
    refuseNul(request.body);
  });
}
