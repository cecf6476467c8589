/**
 * Stable error codes. Core and app throw {@link DomainError} with one of these; the server maps
 * each code to an HTTP status and a Chinese message in exactly one table (apps/server/src/errors.ts),
 * and the CLI maps them to exit codes. Never throw HTTP errors below the edges.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'TOO_MANY_ATTEMPTS',
  'SESSION_EXPIRED',
  'CSRF_REJECTED',
  /** A request body in a format the endpoint does not take (the API takes JSON, uploads multipart). */
  'UNSUPPORTED_MEDIA_TYPE',
  'WEAK_PASSWORD',
  'INVALID_USCC',
  'AGENCY_CYCLE',
  'AUDIT_CHAIN_BROKEN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one input field, in Chinese, for forms to show beside the field. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly FieldIssue[];
  readonly details: Readonly<Record<string, unknown>>;

  /**
   * @param code    stable code from {@link ERROR_CODES}
   * @param message a precise Chinese message for the person who caused it
   */
  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: readonly FieldIssue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
