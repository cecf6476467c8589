import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockFromEnv, ConfigError, loadConfig } from './config.ts';

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

  it('runs its clock from XXGK_NOW outside production, and refuses it in production', () => {
    const config = loadConfig({ XXGK_NOW: '2030-02-01T09:00:00+08:00' }, { dataDir: tmp() });
    const first = config.now().getTime();
    expect(first).toBeGreaterThanOrEqual(Date.parse('2030-02-01T01:00:00Z'));
    expect(first).toBeLessThan(Date.parse('2030-02-01T01:01:00Z'));
    // A day alone means 09:00 that morning in Beijing.
    const day = loadConfig({ XXGK_NOW: '2027-01-04' }, { dataDir: tmp() }).now().getTime();
    expect(day - Date.parse('2027-01-04T01:00:00Z')).toBeLessThan(60_000);
    expect(clockFromEnv({ XXGK_NOW: '2027-01-04' })().getTime() - Date.parse('2027-01-04T01:00:00Z')).toBeLessThan(
      60_000,
    );
    const key = 'ab'.repeat(32);
    expect(() =>
      loadConfig(
        {
          NODE_ENV: 'production',
          XXGK_SESSION_SECRET: 'x'.repeat(40),
          XXGK_DATA_KEY: key,
          XXGK_PUBLIC_URL: 'https://xxgk.example.gov.cn',
          XXGK_NOW: '2027-01-04',
        },
        { dataDir: tmp() },
      ),
    ).toThrow(/生产环境不得设置 XXGK_NOW/u);
    for (const bad of ['tomorrow', '9999-12-31', '1970-01-01', '2026-13-01']) {
      expect(() => loadConfig({ XXGK_NOW: bad }, { dataDir: tmp() }), bad).toThrow(/XXGK_NOW 应为2000—2099年间的时刻/u);
    }
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
    expect(() => loadConfig({ NODE_ENV: 'production' }, { dataDir: tmp() })).toThrow(
      /生产环境必须设置 XXGK_PUBLIC_URL/u,
    );
    expect(() => loadConfig({ XXGK_PUBLIC_URL: 'evil.example/x' }, { dataDir: tmp() })).toThrow(
      /XXGK_PUBLIC_URL 应为 http:\/\/ 或 https:\/\/ 开头的网址/u,
    );
    const key = 'ab'.repeat(32);
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        XXGK_SESSION_SECRET: 'x'.repeat(40),
        XXGK_DATA_KEY: key,
        XXGK_PUBLIC_URL: 'https://xxgk.example.gov.cn/',
      },
      { dataDir: tmp() },
    );
    expect(config.publicUrl).toBe('https://xxgk.example.gov.cn');
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
