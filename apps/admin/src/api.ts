/** The admin's one way to call the server: JSON in and out, the CSRF token on every change. */

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

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
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
    return undefined as T;
  }
  const data = (await response.json().catch(() => ({}))) as {
    error?: { code: string; message: string; issues?: FieldIssue[] };
  };
  if (!response.ok) {
    const error = data.error ?? { code: 'INTERNAL', message: `服务器返回错误（${response.status}）` };
    if (response.status === 401 && url !== '/api/auth/login' && url !== '/api/auth/me') {
      onUnauthenticated?.();
    }
    throw new ApiError(response.status, error.code, error.message, error.issues ?? []);
  }
  return data as T;
}

/** Turns field issues into Ant Design form errors. */
export function formErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(error instanceof ApiError)) {
    return [];
  }
  return error.issues.filter((i) => i.path !== '').map((i) => ({ name: i.path.split('.'), errors: [i.message] }));
}

/** Uploads one file (with form fields) as multipart/form-data; errors as for {@link api}. */
export async function apiUpload<T>(url: string, file: File, fields: Record<string, string> = {}): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    form.append(name, value);
  }
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试', []);
  }
  const data = (await response.json().catch(() => ({}))) as {
    error?: { code: string; message: string; issues?: FieldIssue[] };
  };
  if (!response.ok) {
    const error = data.error ?? { code: 'INTERNAL', message: `服务器返回错误（${response.status}）` };
    throw new ApiError(response.status, error.code, error.message, error.issues ?? []);
  }
  return data as T;
}
