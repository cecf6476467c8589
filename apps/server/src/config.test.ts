import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'xxgk-config-'));

describe('loadConfig', () => {
  it('has safe defaults', () => {
    const config = loadConfig({}, { dataDir: tmp() });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, cookieSecure: false });
    expect(config.security.sessionIdleMinutes).toBe(30);
  });

  it('keeps a generated session secret in the data directory, readable by its owner only', () => {
    const dir = tmp();
    const first = loadConfig({}, { dataDir: dir });
    const second = loadConfig({}, { dataDir: dir });
    expect(first.sessionSecret).toBe(second.sessionSecret);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(first.sessionSecret);
    expect(statSync(path.join(dir, 'session-secret')).mode & 0o077).toBe(0);
  });

  it('stops on a bad value, naming the variable in Chinese and English', () => {
    expect(() => loadConfig({ XXGK_PORT: 'abc', DATABASE_URL: 'mysql://x' }, { dataDir: tmp() })).toThrow(ConfigError);
    try {
      loadConfig({ XXGK_PORT: 'abc', DATABASE_URL: 'mysql://x' }, { dataDir: tmp() });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('XXGK_PORT 必须是 1–65535 之间的整数 / must be an integer from 1 to 65535 (got "abc")');
      expect(message).toContain('DATABASE_URL 必须以 postgres:// 开头');
    }
  });

  it('requires a session secret in production and turns on Secure cookies there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, { dataDir: tmp() })).toThrow(/XXGK_SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production' }, { dataDir: tmp() })).toThrow(/XXGK_DATA_KEY/);
    const key = 'ab'.repeat(32);
    const config = loadConfig(
      { NODE_ENV: 'production', XXGK_SESSION_SECRET: 'x'.repeat(40), XXGK_DATA_KEY: key },
      { dataDir: tmp() },
    );
    expect(config.cookieSecure).toBe(true);
    expect(config.dataKey.toString('hex')).toBe(key);
  });

  it('keeps a generated personal-data key in the data directory in development, and refuses a short one', () => {
    const dir = tmp();
    const first = loadConfig({}, { dataDir: dir }).dataKey;
    expect(first).toHaveLength(32);
    expect(loadConfig({}, { dataDir: dir }).dataKey.equals(first)).toBe(true);
    expect(() => loadConfig({ XXGK_DATA_KEY: 'too-short' }, { dataDir: dir })).toThrow(/XXGK_DATA_KEY/);
  });

  it('lets flags win over the environment', () => {
    expect(loadConfig({ XXGK_PORT: '4000' }, { port: 5000, dataDir: tmp() }).port).toBe(5000);
  });
});
