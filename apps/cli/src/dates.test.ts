import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_NOW, testToday } from '@xxgk/app/testing';
import { addDays } from '@xxgk/core';
import { describe, expect, it } from 'vitest';
import type { Io } from './io.ts';
import { main } from './main.ts';

/*
 * Issue 18: a date argument outside the plausible dates (2000-01-01 through next year, as of the
 * command's clock) is a usage error (64), and a computation the calendar refuses — a span of more
 * than ten years, a deferred due date past the rulebook's limit — is bad data (65), at once.
 */

const run = async (args: string[], input = '') => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = { out: (l) => stdout.push(l), err: (l) => stderr.push(l), stdin: async () => input };
  const start = performance.now();
  const code = await main(args, { XXGK_LOG_LEVEL: 'silent', XXGK_NOW: TEST_NOW }, io);
  expect(performance.now() - start).toBeLessThan(5000);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
};

const nowhere = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'xxgk-cli-dates-')), 'none');
const today = testToday();

describe('xxgk with extreme dates', () => {
  it('refuses date arguments outside the plausible range with exit 64, naming the range', async () => {
    const data = nowhere();
    for (const date of ['0001-01-01', '1999-12-31', '9998-12-31', '9999-12-31']) {
      const add = await run(['workdays', 'add', date, '20', '--data', data]);
      expect(add.code).toBe(64);
      expect(add.err).toContain(`起始日期应在 2000-01-01 至 ${Number(today.slice(0, 4)) + 1}-12-31 之间`);
      expect((await run(['workdays', 'between', today, date, '--data', data])).code).toBe(64);
      expect((await run(['workdays', 'is', date, '--data', data])).code).toBe(64);
      expect((await run(['calendar', 'set', date, 'holiday', '--data', data])).code).toBe(64);
      const ledger = JSON.stringify([{ type: 'received', date: today, channel: 'in_person' }]);
      expect((await run(['deadline', '--today', date, '--data', data], ledger)).code).toBe(64);
    }
    expect((await run(['workdays', 'add', addDays(today, -30), '20', '--data', data])).code).toBe(0);
    for (const date of ['0001-01-01', '1949-09-30', '9999-12-31']) {
      const scan = await run(['scan', 'no-such-file.txt', '--date', date]);
      expect(scan.code).toBe(64);
      expect(scan.err).toContain('--date 应在 1949-10-01 至');
    }
  });

  it('refuses computations the calendar bounds with exit 65, quickly', async () => {
    const data = nowhere();
    const many = await run(['workdays', 'add', today, '99999999', '--data', data]);
    expect(many.code).toBe(65);
    expect(many.err).toContain('超出可计算的范围');
    const deferred = await run(
      ['deadline', '--today', today, '--data', data],
      JSON.stringify([
        { type: 'received', date: today, channel: 'in_person' },
        { type: 'deadline_deferred', date: today, newDue: '9999-12-31' },
      ]),
    );
    expect(deferred.code).toBe(65);
    expect(deferred.err).toContain('延后的答复期限（9999-12-31）');
    const settings = await run(
      ['deadline', '--today', today, '--data', data],
      JSON.stringify({
        events: [{ type: 'received', date: today, channel: 'in_person' }],
        settings: { replyDays: 1e9 },
      }),
    );
    expect(settings.code).toBe(65);
  });
});
