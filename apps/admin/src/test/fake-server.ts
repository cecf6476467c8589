/**
 * A fake of the server for component tests: `fetch` answers from a list of routes, each typed by the
 * OpenAPI document (api/schema.ts) — so a fixture that no longer matches the server's answer fails the
 * type check like a screen would. Every request is recorded.
 */
import { vi } from 'vitest';
import type { Json, Method, PathWith } from '../api/types.ts';

export interface Call {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

interface Answer {
  readonly status: number;
  readonly body?: unknown;
}

export interface FakeRoute {
  readonly method: string;
  readonly template: string;
  answer(call: Call): Answer;
}

function route(method: string, template: string, reply: (call: Call) => unknown): FakeRoute {
  return { method, template, answer: (call) => ({ status: 200, body: reply(call) }) };
}

/** A 200 answer with the route's JSON body, as the server's schema declares it. */
export const answer = {
  get: <P extends PathWith<'get'>>(path: P, body: Json<P, 'get'>) => route('GET', path, () => body),
  post: <P extends PathWith<'post'>>(path: P, reply: (call: Call) => Json<P, 'post'>) => route('POST', path, reply),
};

/** A refusal as the server writes it: a stable code, a Chinese message and field issues. */
export function refuse(
  method: Uppercase<Method>,
  template: string,
  status: number,
  error: { code: string; message: string; issues?: { path: string; message: string }[] },
): FakeRoute {
  return {
    method,
    template,
    answer: () => ({ status, body: { error: { issues: [], requestId: 'test', ...error } } }),
  };
}

function matches(template: string, path: string): boolean {
  const pattern = template.replace(/[.*+?^$()|[\]\\]/gu, '\\$&').replace(/\{\w+\}/gu, '[^/]+');
  return new RegExp(`^${pattern}$`, 'u').test(path);
}

/** Replaces `fetch` with the fake server until the test ends; unknown routes answer 404. */
export function fakeServer(routes: readonly FakeRoute[]): { calls: Call[] } {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://admin.test',
    );
    const method = (init.method ?? 'GET').toUpperCase();
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const call: Call = { method, path: url.pathname, query: url.searchParams, body };
    calls.push(call);
    const found = routes.find((r) => r.method === method && matches(r.template, url.pathname));
    const { status, body: out } = found?.answer(call) ?? {
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: `没有这个接口：${method} ${url.pathname}`, issues: [] } },
    };
    return status === 204
      ? new Response(null, { status })
      : new Response(JSON.stringify(out), { status, headers: { 'content-type': 'application/json' } });
  });
  return { calls };
}
