import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import type { Io } from './io.ts';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const run = async (args: string[], env: Record<string, string> = {}) => {
  const io = capture();
  const code = await main(args, { XXGK_LOG_LEVEL: 'silent', ...env }, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'xxgk-cli-'));

describe('xxgk (SQLite data directory)', () => {
  it('prints help in Chinese and English', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('启动平台（门户、管理端、API）/ start the platform');
    expect((await run(['serve', '--help'])).out).toContain('--demo');
  });

  it('rejects unknown commands and flags with a usage exit code', async () => {
    expect((await run(['frobnicate'])).code).toBe(64);
    const bad = await run(['migrate', '--nope']);
    expect(bad.code).toBe(64);
    expect(bad.err).toContain('用法错误');
  });

  it('stops on bad configuration, naming the variable', async () => {
    const result = await run(['migrate', '--data', tmp()], { DATABASE_URL: 'mysql://db' });
    expect(result.code).toBe(78);
    expect(result.err).toContain('DATABASE_URL 必须以 postgres:// 开头');
  });

  it('migrates, seeds the demo once, and verifies an intact audit log', async () => {
    const data = tmp();
    expect((await run(['migrate', '--data', data])).out).toContain('0001-house');
    expect((await run(['migrate', '--data', data])).out).toContain('已是最新');
    const seeded = await run(['seed', '--demo', '--data', data]);
    expect(seeded.code).toBe(0);
    expect(seeded.out).toContain('supervisor');
    const again = await run(['seed', '--demo', '--data', data]);
    expect(again.code).toBe(65);
    expect(again.err).toContain('数据库中已有机关数据');
    const verified = await run(['audit', 'verify', '--data', data]);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/审计日志完整：已校验 \d+ 条/);
  });

  it('reports a row edited by hand in SQLite', async () => {
    const data = tmp();
    await run(['seed', '--demo', '--data', data]);
    const sqlite = new BetterSqlite3(path.join(data, 'xxgk.sqlite'));
    sqlite.exec('drop trigger audit_log_no_update');
    sqlite.prepare("update audit_log set actor_name = '某人' where id = 5").run();
    sqlite.close();
    const result = await run(['audit', 'verify', '--data', data]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('第 5 条的内容与其哈希不符：记录已被修改');
  });

  it('creates a user with a generated password and resets it', async () => {
    const data = tmp();
    await run(['seed', '--demo', '--data', data]);
    const created = await run([
      'user',
      'create',
      '--data',
      data,
      '--username',
      'tjj.editor',
      '--name',
      '统计局信息员',
      '--agency',
      '1',
      '--role',
      'editor,application_handler',
    ]);
    expect(created.code).toBe(0);
    expect(created.out).toContain('角色 / roles: 信息员、依申请经办人');
    expect(created.out).toMatch(/初始密码 \/ initial password: \S{16}/);
    const reset = await run([
      'user',
      'reset-password',
      '--data',
      data,
      '--username',
      'tjj.editor',
      '--password',
      'Another#2026x',
    ]);
    expect(reset.code).toBe(0);
    const missing = await run(['user', 'reset-password', '--data', data, '--username', 'nobody']);
    expect(missing.code).toBe(66);
    const weak = await run([
      'user',
      'create',
      '--data',
      data,
      '--username',
      'w.x',
      '--name',
      '某',
      '--agency',
      '1',
      '--password',
      'short',
    ]);
    expect(weak.code).toBe(65);
    expect(weak.err).toContain('密码至少需要10个字符');
  });
});
