/** The admin's one way to call the server: JSON in and out, the CSRF token on every change. */
import type { Init, InitArgs, Json, PathWith } from './api/types.ts';

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];
  constructor(status: number, code: string, message: string, issues: FieldIssue[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

let csrfToken = '';
let onUnauthenticated: (() => void) | undefined;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The session's CSRF token, for requests made outside `api` (uploads with progress). */
export function currentCsrfToken(): string {
  return csrfToken;
}

/** Called when any request finds the session gone (expired or logged out elsewhere). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One request: JSON in and out, the CSRF token on every change, errors as {@link ApiError}. */
async function request(method: HttpMethod, url: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET') {
    headers['x-csrf-token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试', []);
  }
  if (response.status === 204) {
    return undefined;
  }
  const data: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = errorOf(data) ?? { code: 'INTERNAL', message: `服务器返回错误（${response.status}）` };
    if (response.status === 401 && url !== '/api/auth/login' && url !== '/api/auth/me') {
      onUnauthenticated?.();
    }
    throw new ApiError(response.status, error.code, error.message, error.issues ?? []);
  }
  return data;
}

/** The server's error body (`{ error: { code, message, issues } }`), when that is what came back. */
function errorOf(data: unknown): { code: string; message: string; issues?: FieldIssue[] } | undefined {
  if (typeof data !== 'object' || data === null || !('error' in data)) {
    return undefined;
  }
  const error = data.error;
  if (typeof error !== 'object' || error === null || !('code' in error) || !('message' in error)) {
    return undefined;
  }
  const { code, message } = error;
  if (typeof code !== 'string' || typeof message !== 'string') {
    return undefined;
  }
  const issues = 'issues' in error && Array.isArray(error.issues) ? error.issues.filter(isFieldIssue) : [];
  return { code, message, issues };
}

function isFieldIssue(issue: unknown): issue is FieldIssue {
  return (
    typeof issue === 'object' &&
    issue !== null &&
    'path' in issue &&
    typeof issue.path === 'string' &&
    'message' in issue &&
    typeof issue.message === 'string'
  );
}

type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | null | undefined;

/** `/api/items/{id}` with `{ id: 5 }` and a query → `/api/items/5?…`; undefined query values are left out. */
export function urlOf(
  template: string,
  init: { path?: Readonly<Record<string, string | number>>; query?: Readonly<Record<string, QueryValue>> } = {},
): string {
  const path = template.replace(/\{(\w+)\}/gu, (_, name: string) => {
    const value = init.path?.[name];
    if (value === undefined) {
      throw new Error(`缺少路径参数 ${name}：${template}`);
    }
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(init.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null) {
        query.append(name, String(v));
      }
    }
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

interface AnyInit {
  path?: Readonly<Record<string, string | number>>;
  query?: Readonly<Record<string, QueryValue>>;
  body?: unknown;
}

/*
 * Each verb is typed by its overload (path template → init → answer, from the server's OpenAPI
 * document) and runs through its implementation, which sees plain strings and objects.
 */
function get<P extends PathWith<'get'>>(path: P, ...init: InitArgs<P, 'get'>): Promise<Json<P, 'get'>>;
function get(path: string, init?: AnyInit): Promise<unknown> {
  return request('GET', urlOf(path, init));
}

function post<P extends PathWith<'post'>>(path: P, ...init: InitArgs<P, 'post'>): Promise<Json<P, 'post'>>;
function post(path: string, init?: AnyInit): Promise<unknown> {
  return request('POST', urlOf(path, init), init?.body);
}

function put<P extends PathWith<'put'>>(path: P, ...init: InitArgs<P, 'put'>): Promise<Json<P, 'put'>>;
function put(path: string, init?: AnyInit): Promise<unknown> {
  return request('PUT', urlOf(path, init), init?.body);
}

function del<P extends PathWith<'delete'>>(path: P, ...init: InitArgs<P, 'delete'>): Promise<Json<P, 'delete'>>;
function del(path: string, init?: AnyInit): Promise<unknown> {
  return request('DELETE', urlOf(path, init), init?.body);
}

/**
 * The server's JSON API, typed by path template from its OpenAPI document (api/schema.ts):
 * `api.get('/api/items/{id}', { path: { id } })`, `api.post('/api/users', { body })`.
 */
export const api = { get, post, put, delete: del };

/** Turns field issues into Ant Design form errors. */
export function formErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(error instanceof ApiError)) {
    return [];
  }
  return error.issues.filter((i) => i.path !== '').map((i) => ({ name: i.path.split('.'), errors: [i.message] }));
}

/**
 * Uploads one file (with form fields) as multipart/form-data to a POST route, typed like {@link api};
 * errors as for {@link api}.
 */
export function apiUpload<P extends PathWith<'post'>>(
  path: P,
  init: Omit<Init<P, 'post'>, 'body'>,
  file: File,
  fields?: Record<string, string>,
): Promise<Json<P, 'post'>>;
export async function apiUpload(
  path: string,
  init: AnyInit,
  file: File,
  fields: Record<string, string> = {},
): Promise<unknown> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    form.append(name, value);
  }
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(urlOf(path, init), {
      method: 'POST',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试', []);
  }
  const data: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = errorOf(data) ?? { code: 'INTERNAL', message: `服务器返回错误（${response.status}）` };
    throw new ApiError(response.status, error.code, error.message, error.issues ?? []);
  }
  return data;
}

/**
 * Uploads one file as {@link apiUpload} does, reporting progress (XMLHttpRequest, which `fetch` cannot).
 * A refusal rejects with the server's message.
 */
export function apiUploadWithProgress<P extends PathWith<'post'>>(
  path: P,
  init: Omit<Init<P, 'post'>, 'body'>,
  file: File,
  onProgress: (percent: number) => void,
): Promise<Json<P, 'post'>>;
export function apiUploadWithProgress(
  path: string,
  init: AnyInit,
  file: File,
  onProgress: (percent: number) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', urlOf(path, init));
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      const body: unknown = JSON.parse(xhr.responseText || '{}');
      if (xhr.status === 200) {
        resolve(body);
      } else {
        const error = errorOf(body);
        reject(
          new ApiError(
            xhr.status,
            error?.code ?? 'INTERNAL',
            error?.message ?? `服务器返回错误（${xhr.status}）`,
            error?.issues ?? [],
          ),
        );
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '网络错误，上传失败', []));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
