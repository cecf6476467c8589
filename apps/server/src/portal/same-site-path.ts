/** A base no real request can have: what resolves against it and keeps its origin stayed on this site. */
const PROBE = 'http://same-site.invalid';

/**
 * A redirect target from a request (`?back=`), kept only when it is a normalised path of this site:
 * it starts with one `/`, holds no control character, space or backslash (browsers drop tabs and
 * newlines and read `\` as `/`, so `/\t/evil.example` and `/\evil.example` lead off-site), and
 * resolves to this origin. Anything else is `fallback`. (OWASP ASVS 5.1.5.)
 */
export function sameSitePath(target: string | undefined, fallback = '/'): string {
  if (target === undefined || target.length > 2_000 || !target.startsWith('/') || target.startsWith('//')) {
    return fallback;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\\\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u.test(target)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(target, PROBE);
  } catch {
    return fallback;
  }
  return url.origin === PROBE ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
