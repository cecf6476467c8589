import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';
import type { Io } from './io.ts';

function capture(input = ''): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), stdin: async () => input };
}

const run = async (args: string[], env: Record<string, string> = {}, input = '') => {
  const io = capture(input);
  const code = await main(args, { XXGK_LOG_LEVEL: 'silent', ...env }, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'xxgk-cli-'));

// Several commands here seed the whole demo: on a busy two-core machine that takes well over 30 s.
vi.setConfig({ testTimeout: 180_000 });

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

const FIXTURES = new URL('../../../fixtures/reports/expected/', import.meta.url);

describe('xxgk rulebook commands', () => {
  it('adds, counts and judges working days on the official calendar', async () => {
    const nowhere = tmp();
    expect(await run(['workdays', 'add', '2024-09-27', '20', '--data', nowhere])).toEqual({
      code: 0,
      out: '2024-10-30',
      err: '',
    });
    expect((await run(['workdays', 'between', '2024-09-27', '2024-10-30', '--data', nowhere])).out).toBe('20');
    expect(await run(['workdays', 'is', '2024-10-12', '--data', nowhere])).toMatchObject({
      code: 0,
      out: '工作日：调休工作日（国庆节调休上班）',
    });
    expect(await run(['workdays', 'is', '2024-10-03', '--data', nowhere])).toMatchObject({
      code: 1,
      out: '休息日：法定节假日（国庆节）',
    });
    const unknown = await run(['workdays', 'add', '2026-12-20', '20', '--data', nowhere, '--json']);
    expect(JSON.parse(unknown.out).warnings[0]).toContain('2027年的法定节假日安排尚未录入');
    expect((await run(['workdays', 'add', '2024-02-30', '20', '--data', nowhere])).code).toBe(64);
  });

  it('follows the calendar overrides of the data directory', async () => {
    const data = tmp();
    await run(['migrate', '--data', data]);
    expect((await run(['calendar', 'set', '2024-10-08', 'holiday', '--note', '本地', '--data', data])).code).toBe(0);
    expect((await run(['workdays', 'add', '2024-09-30', '1', '--data', data])).out).toBe('2024-10-09');
  });

  it('computes a deadline from a ledger on standard input', async () => {
    const ledger = JSON.stringify({
      events: [
        { type: 'received', date: '2024-09-27', channel: 'online', confirmedOn: '2024-09-27' },
        { type: 'extension_approved', date: '2024-10-28', days: 20 },
      ],
    });
    const result = await run(['deadline', '--today', '2024-11-20', '--data', tmp()], {}, ledger);
    expect(result.code).toBe(0);
    const d = JSON.parse(result.out);
    expect(d).toMatchObject({
      due: '2024-11-27',
      correctionNoticeDue: '2024-10-12',
      overdue: false,
      workingDaysLeft: 5,
      warnings: [],
    });
    expect(d.explanation.length).toBeGreaterThan(3);
    const bad = await run(['deadline', '--data', tmp()], {}, JSON.stringify([{ type: 'decided', date: '2024-01-01' }]));
    expect(bad).toMatchObject({ code: 65, err: '台账无效（第1条）：台账中没有“收到申请”记录' });
    expect((await run(['deadline'], {}, 'not json')).code).toBe(64);
  });

  it('prices applications and pages', async () => {
    expect((await run(['fee', 'pages', '2219'])).out).toBe('83460元');
    expect((await run(['fee', 'items', '31'])).out).toBe('2200元');
    const json = JSON.parse((await run(['fee', 'items', '12', '--json'])).out);
    expect(json).toMatchObject({ method: 'per_application', totalFen: 20000, totalYuan: '200' });
    expect(json.lines).toHaveLength(2);
  });

  it('verifies a report JSON and exits 1 on errors', async () => {
    const wrong = await run(['report', 'verify', new URL('hongzequ-2023.json', FIXTURES).pathname]);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('[R4·错误] 行政复议：结果维持＋结果纠正＋其他结果＋尚未审结（11）≠ 总计（0）');
    const right = await run(['report', 'verify', new URL('huaian-shizhengfu-2024.json', FIXTURES).pathname]);
    expect(right).toMatchObject({ code: 0, out: '淮安市人民政府2024年度报告：全部勾稽关系校验通过' });
    const pair = await run([
      'report',
      'verify',
      new URL('hongzequ-2024.json', FIXTURES).pathname,
      '--previous',
      new URL('hongzequ-2023.json', FIXTURES).pathname,
      '--json',
    ]);
    expect(pair.code).toBe(0);
    expect(JSON.parse(pair.out).findings.every((f: { severity: string }) => f.severity !== 'error')).toBe(true);
  });
  it('checks published reports in any form, several at once, with the right exit codes', async () => {
    const pdf = (name: string) => new URL(`../pdf/${name}.pdf`, FIXTURES).pathname;
    const text = new URL('../zhangshu-gongxinju-2023.txt', FIXTURES).pathname;
    const one = await run(['report', 'check', text, '--json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out)).toMatchObject({ agency: '樟树市工信局', year: 2023, findings: [] });
    const many = await run(['report', 'check', pdf('huaian-shizhengfu-2024'), pdf('hongzequ-2023'), '--json']);
    expect(many.code).toBe(1);
    expect(JSON.parse(many.out).map((r: { year: number }) => r.year)).toEqual([2024, 2023]);
    const summary = await run(['report', 'check', pdf('hongzequ-2023')]);
    expect(summary.out).toContain('hongzequ-2023.pdf\t洪泽区人民政府\t2023\t2\t');
    const missing = await run(['report', 'check', '/nonexistent/report.pdf']);
    expect(missing.code).toBe(2);
  });

  it('renders a report-json to each format', async () => {
    const dir = tmp();
    for (const to of ['docx', 'pdf', 'html', 'xlsx']) {
      const out = path.join(dir, `r.${to}`);
      const result = await run([
        'report',
        'render',
        new URL('huaian-shizhengfu-2024.json', FIXTURES).pathname,
        '--to',
        to,
        '-o',
        out,
      ]);
      expect(result.code).toBe(0);
      expect(result.out).toContain(`已生成 ${out}`);
    }
    const back = await run(['report', 'check', path.join(dir, 'r.docx'), '--json']);
    expect(JSON.parse(back.out)).toMatchObject({ agency: '淮安市人民政府', year: 2024, findings: [] });
    expect((await run(['report', 'render', 'x.json', '--to', 'odt', '-o', 'y'])).code).toBe(64);
  });

  it('scans files before publication: text, XLSX and the published reports, with --date, --dict and exit codes', async () => {
    const dir = tmp();
    const { writeFileSync } = await import('node:fs');
    const ExcelJS = (await import('exceljs')).default;
    const { residentIdCheckCharacter } = await import('@xxgk/core');
    const id = `35010219580312001${residentIdCheckCharacter('35010219580312001')}`;
    const notice = path.join(dir, '通知.txt');
    writeFileSync(notice, '根据国家工商行政管理总局有关规定，现通知如下。\n联系人：王老师，13905912345\n');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('名单').addRows([
      ['姓名', '身份证号码'],
      ['王秀英', id],
    ]);
    const list = path.join(dir, '名单.xlsx');
    writeFileSync(list, Buffer.from(await book.xlsx.writeBuffer()));

    const found = await run(['scan', notice, list, '--date', '2026-11-30']);
    expect(found.code).toBe(1);
    expect(found.out).toContain(
      `${notice}:1\t严重\t错敏：机构名称\t“国家工商行政管理总局”已于 2018-04-10 更名为“国家市场监督管理总局”`,
    );
    expect(found.out).toContain(`${notice}:2\t严重\t个人信息：手机号码`);
    expect(found.out).toContain('建议：139****2345');
    expect(found.out).toContain(`${list}:2\t严重\t个人信息：姓名与身份证号并列`);
    expect(found.err).toContain('检查 2 个文件：4 个问题，其中严重 4 个');

    // Before the 2018 reform the old name was right.
    const before = await run(['scan', notice, '--date', '2017-06-01', '--json']);
    const json = JSON.parse(before.out) as { date: string; files: { findings: { check: string }[] }[] };
    expect(json.date).toBe('2017-06-01');
    expect(json.files[0]!.findings.map((f) => f.check)).toEqual(['personal.mobile']);

    // A city's own dictionary file.
    const dict = path.join(dir, 'city.json');
    writeFileSync(
      dict,
      JSON.stringify({
        name: '示例市',
        rules: [
          {
            kind: 'rename',
            text: '有关规定',
            replacement: '管理办法',
            category: 'place',
            severity: 'warning',
            startsOn: '2020-01-01',
          },
        ],
      }),
    );
    expect((await run(['scan', notice, '--dict', dict])).out).toContain('“有关规定”已于 2020-01-01 更名为“管理办法”');
    const badDict = path.join(dir, 'bad.json');
    writeFileSync(
      badDict,
      JSON.stringify({
        name: '坏',
        rules: [{ kind: 'rename', text: 'x', replacement: 'y', category: 'place', severity: 'warning' }],
      }),
    );
    const refused = await run(['scan', notice, '--dict', badDict]);
    expect(refused.code).toBe(64);
    expect(refused.err).toContain('词库有误：坏：请填写更名日期');

    // Real published reports: no severe finding.
    const clean = await run([
      'scan',
      new URL('../zhangshu-gongxinju-2023.txt', FIXTURES).pathname,
      new URL('../pdf/hongzequ-2024.pdf', FIXTURES).pathname,
    ]);
    expect(clean.code).toBe(0);
    expect((await run(['scan', '/nonexistent/a.docx'])).code).toBe(2);
    expect((await run(['scan', notice, '--date', '2026-13-01'])).code).toBe(64);
    expect((await run(['scan'])).code).toBe(64);
  });
});
