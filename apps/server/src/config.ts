import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_SECURITY, type SecuritySettings } from '@xxgk/app/context';

/**
 * The one configuration object, built and validated at start-up from the environment (and the CLI's
 * flags, which win). Nothing else reads process.env. A bad value stops start-up with a message in
 * Chinese and English naming the variable.
 */
export interface Config {
  readonly host: string;
  readonly port: number;
  /** Directory of the SQLite database, the generated session secret and (later) uploaded files. */
  readonly dataDir: string;
  /** `postgres://…` to use PostgreSQL; unset for the embedded SQLite database. */
  readonly databaseUrl: string | undefined;
  readonly sessionSecret: string;
  /** Whether the session cookie carries `Secure` (on by default in production; needs HTTPS in front). */
  readonly cookieSecure: boolean;
  /** Trust X-Forwarded-For from the reverse proxy (nginx) for client addresses. */
  readonly trustProxy: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly production: boolean;
  /** Where the built admin SPA lives. */
  readonly adminDist: string;
  /** Requests per minute one address may make to the login endpoint. */
  readonly loginRateLimit: number;
  /** Seals applicants' personal data at rest (XXGK_DATA_KEY: 32 bytes as 64 hex digits or base64). */
  readonly dataKey: Buffer;
  /** Years after 归档 when applicants' personal data are erased; null keeps them (XXGK_PERSONAL_DATA_RETENTION_YEARS). */
  readonly personalDataRetentionYears: number | null;
  /** Working days an agency has to answer a 我要纠错 report (XXGK_ERROR_REPORT_WORKING_DAYS; no statute fixes it). */
  readonly errorReportWorkingDays: number;
  /** The nightly scan tries links to other sites (XXGK_CHECK_EXTERNAL_LINKS; off where the server has no outbound access). */
  readonly checkExternalLinks: boolean;
  /** E-mail notices: the SMTP server (XXGK_SMTP_URL), the sender (XXGK_MAIL_FROM); none when unset. */
  readonly smtp: { readonly url: string; readonly from: string } | null;
  /** The address the public reaches the platform at, for links in e-mail (XXGK_PUBLIC_URL). */
  readonly publicUrl: string;
  /** Largest uploaded file, in bytes (XXGK_MAX_UPLOAD_MB). */
  readonly maxUploadBytes: number;
  readonly security: SecuritySettings;
  /**
   * The one clock of the server, the CLI and the demo seed: the wall clock, or — outside production —
   * a clock that starts at XXGK_NOW and runs on from there, so a demo or a test sees the same day
   * whatever day the machine thinks it is.
   */
  readonly now: () => Date;
}

export interface ConfigOverrides {
  readonly port?: number | undefined;
  readonly host?: string | undefined;
  readonly dataDir?: string | undefined;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`配置错误 / Configuration error:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

type Env = Readonly<Record<string, string | undefined>>;

class Reader {
  readonly problems: string[] = [];
  readonly #env: Env;
  constructor(env: Env) {
    this.#env = env;
  }

  string(name: string, fallback: string): string {
    const value = this.#env[name];
    return value === undefined || value === '' ? fallback : value;
  }

  optional(name: string): string | undefined {
    const value = this.#env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.#env[name];
    if (raw === undefined || raw === '') {
      return fallback;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(
        `${name} 必须是 ${min}–${max} 之间的整数 / must be an integer from ${min} to ${max} (got "${raw}")`,
      );
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.#env[name];
    if (raw === undefined || raw === '') {
      return fallback;
    }
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) {
      return true;
    }
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) {
      return false;
    }
    this.problems.push(`${name} 必须是 true 或 false / must be true or false (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const raw = this.#env[name];
    if (raw === undefined || raw === '') {
      return fallback;
    }
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(
        `${name} 必须是 ${allowed.join('、')} 之一 / must be one of ${allowed.join(', ')} (got "${raw}")`,
      );
      return fallback;
    }
    return raw as T;
  }
}

/**
 * Builds the configuration. In production (NODE_ENV=production) XXGK_SESSION_SECRET must be set;
 * elsewhere a random one is made once and kept in the data directory, so sessions survive restarts.
 */
export function loadConfig(env: Env, overrides: ConfigOverrides = {}): Config {
  const r = new Reader(env);
  const production = env['NODE_ENV'] === 'production';
  const port = overrides.port ?? r.int('XXGK_PORT', r.int('PORT', 3000, 1, 65535), 1, 65535);
  // --port 0 asks the system for any free port (tests use it).
  if (
    overrides.port !== undefined &&
    (!Number.isInteger(overrides.port) || overrides.port < 0 || overrides.port > 65535)
  ) {
    r.problems.push(`--port 必须是 0–65535 之间的整数 / must be an integer from 0 to 65535 (got "${overrides.port}")`);
  }
  const host = overrides.host ?? r.string('XXGK_HOST', '127.0.0.1');
  const dataDir = path.resolve(overrides.dataDir ?? r.string('XXGK_DATA_DIR', './data'));
  const databaseUrl = r.optional('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    r.problems.push(
      'DATABASE_URL 必须以 postgres:// 开头；留空则使用内置 SQLite / must start with postgres:// (leave it unset for the embedded SQLite)',
    );
  }
  let sessionSecret = r.optional('XXGK_SESSION_SECRET');
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    r.problems.push('XXGK_SESSION_SECRET 至少需要32个字符 / must be at least 32 characters');
  }
  if (sessionSecret === undefined && production) {
    r.problems.push('生产环境必须设置 XXGK_SESSION_SECRET / XXGK_SESSION_SECRET is required when NODE_ENV=production');
  }
  const dataKeyText = r.optional('XXGK_DATA_KEY');
  const dataKey = dataKeyText === undefined ? undefined : parseDataKey(dataKeyText);
  if (dataKeyText !== undefined && dataKey === undefined) {
    r.problems.push(
      'XXGK_DATA_KEY 应为32字节密钥（64位十六进制或 base64）/ must be a 32-byte key (64 hex digits or base64)',
    );
  }
  if (dataKeyText === undefined && production) {
    r.problems.push(
      '生产环境必须设置 XXGK_DATA_KEY（个人信息加密密钥）/ XXGK_DATA_KEY is required when NODE_ENV=production',
    );
  }
  const cookieSecure = r.bool('XXGK_COOKIE_SECURE', production);
  const trustProxy = r.bool('XXGK_TRUST_PROXY', false);
  const logLevel = r.oneOf('XXGK_LOG_LEVEL', 'info', [
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const);
  const adminDist = path.resolve(r.string('XXGK_ADMIN_DIST', path.join(REPO_ROOT, 'apps/admin/dist')));
  const loginRateLimit = r.int('XXGK_LOGIN_RATE_LIMIT', 20, 1, 10_000);
  const smtpUrl = r.optional('XXGK_SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\/.+/u.test(smtpUrl)) {
    r.problems.push('XXGK_SMTP_URL 应以 smtp:// 或 smtps:// 开头 / must start with smtp:// or smtps://');
  }
  const mailFrom = r.string('XXGK_MAIL_FROM', '政府信息公开平台 <noreply@localhost>');
  const publicUrl = r.optional('XXGK_PUBLIC_URL');
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/u.test(publicUrl)) {
    r.problems.push(
      `XXGK_PUBLIC_URL 应为 http:// 或 https:// 开头的网址，如 https://xxgk.example.gov.cn / must be an http(s) URL (got "${publicUrl}")`,
    );
  }
  if (production && publicUrl === undefined) {
    // Feeds, the sitemap and e-mails carry absolute links: they must not come from a request's Host.
    r.problems.push(
      '生产环境必须设置 XXGK_PUBLIC_URL（公众访问本平台的地址）/ XXGK_PUBLIC_URL is required when NODE_ENV=production',
    );
  }
  const retention = r.int('XXGK_PERSONAL_DATA_RETENTION_YEARS', 0, 0, 100);
  const errorReportWorkingDays = r.int('XXGK_ERROR_REPORT_WORKING_DAYS', 5, 1, 60);
  const checkExternalLinks = r.bool('XXGK_CHECK_EXTERNAL_LINKS', false);
  const now = clockOf(r.optional('XXGK_NOW'), production, r.problems);
  const maxUploadBytes = r.int('XXGK_MAX_UPLOAD_MB', DEFAULT_MAX_UPLOAD_BYTES / 1048576, 1, 1024) * 1048576;
  const d = DEFAULT_SECURITY;
  const security: SecuritySettings = {
    passwordPolicy: {
      minLength: r.int('XXGK_PASSWORD_MIN_LENGTH', d.passwordPolicy.minLength, 6, 128),
      minClasses: r.int('XXGK_PASSWORD_MIN_CLASSES', d.passwordPolicy.minClasses, 1, 4),
      forbidUsername: r.bool('XXGK_PASSWORD_FORBID_USERNAME', d.passwordPolicy.forbidUsername),
    },
    maxFailedLogins: r.int('XXGK_LOGIN_MAX_FAILURES', d.maxFailedLogins, 1, 100),
    lockoutMinutes: r.int('XXGK_LOGIN_LOCKOUT_MINUTES', d.lockoutMinutes, 1, 24 * 60),
    ipFailureLimit: r.int('XXGK_LOGIN_IP_FAILURE_LIMIT', d.ipFailureLimit, 1, 100_000),
    ipWindowMinutes: r.int('XXGK_LOGIN_IP_WINDOW_MINUTES', d.ipWindowMinutes, 1, 24 * 60),
    sessionIdleMinutes: r.int('XXGK_SESSION_IDLE_MINUTES', d.sessionIdleMinutes, 1, 24 * 60),
    sessionAbsoluteHours: r.int('XXGK_SESSION_ABSOLUTE_HOURS', d.sessionAbsoluteHours, 1, 24 * 30),
  };
  if (r.problems.length > 0) {
    throw new ConfigError(r.problems);
  }
  sessionSecret ??= persistedSecret(dataDir);
  return {
    dataKey: dataKey ?? Buffer.from(persistedSecret(dataDir, 'data-key', 32), 'base64url'),
    host,
    port,
    dataDir,
    databaseUrl,
    sessionSecret,
    cookieSecure,
    trustProxy,
    logLevel,
    production,
    adminDist,
    loginRateLimit,
    maxUploadBytes,
    personalDataRetentionYears: retention === 0 ? null : retention,
    errorReportWorkingDays,
    checkExternalLinks,
    smtp: smtpUrl === undefined ? null : { url: smtpUrl, from: mailFrom },
    publicUrl: (publicUrl ?? `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`).replace(
      /\/+$/u,
      '',
    ),
    security,
    now,
  };
}

/** The configured clock alone, for commands that need the day but no database (`xxgk scan`, `xxgk deadline`). */
export function clockFromEnv(env: Env): () => Date {
  const problems: string[] = [];
  const now = clockOf(env['XXGK_NOW'] === '' ? undefined : env['XXGK_NOW'], env['NODE_ENV'] === 'production', problems);
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return now;
}

/** The earliest and latest instants XXGK_NOW may name: a plausible working life of the platform. */
const CLOCK_RANGE = { from: Date.parse('2000-01-01T00:00:00+08:00'), to: Date.parse('2100-01-01T00:00:00+08:00') };

/**
 * XXGK_NOW: an ISO 8601 instant (`2026-11-30T09:00:00+08:00`) or a Beijing day (`2026-11-30`, taken as
 * 09:00 that morning). The clock starts there when the process starts and runs on in real time, so
 * sessions, rate limits and timers behave as usual. Refused in production: there the wall clock rules.
 */
function clockOf(raw: string | undefined, production: boolean, problems: string[]): () => Date {
  // The one place the server reads the machine's clock; everything else asks config.now / ctx.now().
  // eslint-disable-next-line no-restricted-syntax
  const wall = (): Date => new Date();
  if (raw === undefined) {
    return wall;
  }
  if (production) {
    problems.push('生产环境不得设置 XXGK_NOW / XXGK_NOW is refused when NODE_ENV=production');
    return wall;
  }
  const start = /^\d{4}-\d{2}-\d{2}$/u.test(raw) ? Date.parse(`${raw}T09:00:00+08:00`) : Date.parse(raw);
  if (Number.isNaN(start) || start < CLOCK_RANGE.from || start >= CLOCK_RANGE.to) {
    problems.push(
      `XXGK_NOW 应为2000—2099年间的时刻（如 2026-11-30T09:00:00+08:00）或日期 / must be an ISO instant or a date from 2000 to 2099 (got "${raw}")`,
    );
    return wall;
  }
  const offset = start - wall().getTime();
  return () => new Date(wall().getTime() + offset);
}

/** A random secret made on first start and kept (mode 0600) in the data directory. */
function persistedSecret(dataDir: string, name = 'session-secret', bytes = 48): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) {
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(bytes).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** A 32-byte key written as 64 hex digits or as base64 / base64url. */
function parseDataKey(text: string): Buffer | undefined {
  const key = /^[0-9a-fA-F]{64}$/u.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  return key.length === 32 ? key : undefined;
}
