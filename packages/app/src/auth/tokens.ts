import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a cookie or a CSRF token: 256 bits, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored under the SHA-256 of their token, never the token itself. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
