import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPLICANT_CATEGORIES, OUTCOME_CODES } from '../outcomes.ts';
import { checkReport, hasErrors } from './check-report.ts';
import { countApplications, type ApplicationRecord } from './counting.ts';
import { emptyReport, SECTION_TITLES, type AnnualReport, type Finding } from './model.ts';

const SECTIONS = SECTION_TITLES.map((title, i) => ({ number: i + 1, title, text: '' }));

/** A report that reconciles: 5 new, 1 carried over, 4 decided, 2 carried forward. */
function good(): AnnualReport {
  const r = emptyReport({ year: 2024, agency: '示例市财政局' });
  r.sections = structuredClone(SECTIONS);
  const a = r.applications!;
  a.newReceived = [4, 1, 0, 0, 0, 0, 5];
  a.carriedOver = [1, 0, 0, 0, 0, 0, 1];
  a.results.granted = [2, 1, 0, 0, 0, 0, 3];
  a.results.unableToProvide.notHeld = [1, 0, 0, 0, 0, 0, 1];
  a.results.total = [3, 1, 0, 0, 0, 0, 4];
  a.carriedForward = [2, 0, 0, 0, 0, 0, 2];
  r.appeals!.reconsideration = [1, 0, 0, 1, 2];
  return r;
}

const rules = (findings: Finding[]) => findings.map((f) => f.rule);

describe('cross-checks on a report that reconciles', () => {
  it('find nothing', () => {
    expect(checkReport(good())).toEqual([]);
  });
});

describe('each rule catches its own break (docs/rules.md#cross-checks)', () => {
  it('R1: 一+二 = 三（七）+四, per column (the rule printed in table 三)', () => {
    const r = good();
    r.applications!.newReceived = [5, 1, 0, 0, 0, 0, 6];
    const f = checkReport(r).filter((x) => x.rule === 'R1');
    expect(f).toEqual([
      {
        rule: 'R1',
        severity: 'error',
        cells: [
          'applications.newReceived[0]',
          'applications.carriedOver[0]',
          'applications.results.total[0]',
          'applications.carriedForward[0]',
        ],
        message: '自然人列：一（5）＋二（1）≠ 三（七）总计（3）＋四（2）',
        expected: 6,
        actual: 5,
      },
      expect.objectContaining({ rule: 'R1', message: '总计列：一（6）＋二（1）≠ 三（七）总计（4）＋四（2）' }),
    ]);
  });

  it('R2: 总计 is the sum of the six applicant columns', () => {
    const r = good();
    r.applications!.results.granted = [2, 1, 0, 0, 0, 0, 4];
    expect(checkReport(r).find((x) => x.rule === 'R2')).toMatchObject({
      message: '三（一）予以公开：自然人至其他六列之和（3）≠ 总计（4）',
      expected: 3,
      actual: 4,
    });
  });

  it('R3: （七）总计 is the sum of the 21 outcome rows', () => {
    const r = good();
    r.applications!.results.denied.stateSecret = [1, 0, 0, 0, 0, 0, 1];
    const f = checkReport(r).filter((x) => x.rule === 'R3');
    expect(f.map((x) => x.message)).toEqual([
      '自然人列：办理结果（一）至（六）各项之和（4）≠（七）总计（3）',
      '总计列：办理结果（一）至（六）各项之和（5）≠（七）总计（4）',
    ]);
  });

  it('R4: table 四 totals, each group separately', () => {
    const r = good();
    r.appeals!.litigationDirect = [1, 1, 0, 0, 1];
    expect(checkReport(r).filter((x) => x.rule === 'R4')).toEqual([
      {
        rule: 'R4',
        severity: 'error',
        cells: [
          'appeals.litigationDirect[0]',
          'appeals.litigationDirect[1]',
          'appeals.litigationDirect[2]',
          'appeals.litigationDirect[3]',
          'appeals.litigationDirect[4]',
        ],
        message: '行政诉讼（未经复议直接起诉）：结果维持＋结果纠正＋其他结果＋尚未审结（2）≠ 总计（1）',
        expected: 2,
        actual: 1,
      },
    ]);
  });

  it('R5: this year’s 上年结转 is last year’s 结转下年度 (with the previous report only)', () => {
    const previous = good();
    previous.applications!.carriedForward = [1, 0, 0, 0, 0, 0, 1];
    expect(rules(checkReport(good(), { previous }))).not.toContain('R5');
    previous.applications!.carriedForward = [2, 0, 0, 0, 0, 0, 2];
    expect(checkReport(good(), { previous }).filter((x) => x.rule === 'R5')).toHaveLength(2);
    expect(checkReport(good(), { previous }).find((x) => x.rule === 'R5')).toMatchObject({
      severity: 'warning',
      message: '自然人列：本年“二、上年结转”（1）与上年报告“四、结转下年度继续办理”（2）不一致',
    });
    expect(rules(checkReport(good()))).not.toContain('R5');
  });

  it('R6: numbers quoted in 总体情况 match the tables', () => {
    const r = good();
    r.sections[0]!.text =
      '2024年，我局共受理政府信息公开申请7件，办结4件，结转下年度2件；发生行政复议2件，行政诉讼0件。';
    const f = checkReport(r).filter((x) => x.rule === 'R6');
    expect(f).toEqual([
      {
        rule: 'R6',
        severity: 'warning',
        cells: ['applications.newReceived[6]'],
        message: '总体情况称「我局共受理政府信息公开申请7件」，表三 一、本年新收为 5 件',
        expected: 7,
        actual: 5,
      },
    ]);
  });

  it('R7: blanks are warned about, negatives and fractions refused', () => {
    const r = good();
    r.applications!.results.granted = [2, 1, null, 0, 0, 0, 3];
    r.appeals!.reconsideration = [1, 0, 0, 1.5, 2.5];
    const f = checkReport(r).filter((x) => x.rule === 'R7');
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ['warning', '三（一）予以公开·科研机构为空，按0计；应填写0'],
      ['error', '行政复议·尚未审结（1.5）应为非负整数'],
      ['error', '行政复议·总计（2.5）应为非负整数'],
    ]);
  });

  it('R8: documents in force roll forward from last year', () => {
    const previous = good();
    previous.active!.normativeDocuments = { issued: 2, abolished: 0, inForce: 10 };
    const r = good();
    r.active!.normativeDocuments = { issued: 3, abolished: 1, inForce: 11 };
    expect(checkReport(r, { previous }).find((x) => x.rule === 'R8')).toMatchObject({
      severity: 'warning',
      message: '行政规范性文件：上年现行有效（10）＋本年制发（3）－本年废止（1）＝12，与本年现行有效件数（11）不符',
      expected: 12,
      actual: 11,
    });
    r.active!.normativeDocuments = { issued: 3, abolished: 1, inForce: 12 };
    expect(rules(checkReport(r, { previous }))).not.toContain('R8');
  });

  it('R9: unpaid-fee closures must be reported in section 六', () => {
    const r = good();
    r.applications!.results.other.feeUnpaid = [1, 0, 0, 0, 0, 0, 1];
    r.applications!.results.granted = [1, 1, 0, 0, 0, 0, 2];
    r.sections[5]!.text = '无其他需要报告的事项。';
    expect(checkReport(r).find((x) => x.rule === 'R9')?.message).toBe(
      '表三（六）2 有 1 件因逾期未缴费不再处理，但“六、其他需要报告的事项”未说明信息处理费的收费通知和收取情况',
    );
    r.sections[5]!.text = '本年度发出收费通知1件，实际收取信息处理费0元。';
    expect(rules(checkReport(r))).not.toContain('R9');
  });

  it('R10: last year’s pending appeals are not lost', () => {
    const previous = good();
    previous.appeals!.reconsideration = [0, 0, 0, 3, 3];
    expect(checkReport(good(), { previous }).find((x) => x.rule === 'R10')).toMatchObject({
      severity: 'info',
      message: '行政复议：上年尚未审结 3 件，本年总计仅 2 件，请核实上年未审结案件的结果是否已计入',
    });
  });

  it('R11: six parts in order, the statutory or template titles, every table present', () => {
    const r = good();
    r.sections[4]!.title = '5、 政府信息公开工作存在的主要问题及改进情况';
    expect(rules(checkReport(r))).not.toContain('R11');
    r.sections[1]!.title = '二、公开情况';
    r.sections.pop();
    r.active!.fees = null;
    expect(
      checkReport(r)
        .filter((x) => x.rule === 'R11')
        .map((x) => x.message),
    ).toEqual([
      '报告应依次包含一至六共六个部分，实际为：一、二、三、四、五',
      '第二部分标题「二、公开情况」与格式规定的「二、主动公开政府信息情况」不符',
      '表二缺少「第二十条第（八）项 行政事业性收费」',
    ]);
  });

  it('R12: published by 31 January (departments) or 31 March (governments), 条例 第四十九条', () => {
    expect(checkReport(good(), { publishedOn: '2025-01-31', level: 'department' })).toEqual([]);
    expect(checkReport(good(), { publishedOn: '2025-02-01', level: 'department' })[0]?.message).toBe(
      '政府部门的2024年度报告应于2025-01-31前公布（《政府信息公开条例》第四十九条），实际公布于2025-02-01',
    );
    expect(checkReport(good(), { publishedOn: '2025-03-31', level: 'government' })).toEqual([]);
  });

  it('hasErrors tells errors from warnings', () => {
    expect(hasErrors([{ rule: 'R6', severity: 'warning', cells: [], message: '' }])).toBe(false);
  });
});

describe('the counting rule (docs/rules.md#report-counting) makes R1–R3 hold by construction', () => {
  const record = fc.record({
    applicant: fc.constantFrom(...APPLICANT_CATEGORIES),
    received: fc.integer({ min: 0, max: 3 * 365 }),
    decidedAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    outcome: fc.constantFrom(...OUTCOME_CODES),
  });
  const day = (n: number) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

  it('for any set of applications across 2023–2025, the 2024 table reconciles', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), (items) => {
        const records: ApplicationRecord[] = items.map((x) => ({
          applicant: x.applicant,
          receivedOn: day(x.received),
          outcome: x.decidedAfter === null ? null : { code: x.outcome, decidedOn: day(x.received + x.decidedAfter) },
        }));
        const report = emptyReport({ year: 2024, agency: '测试' });
        report.sections = structuredClone(SECTIONS);
        report.applications = countApplications(records, 2024);
        return checkReport(report).length === 0;
      }),
    );
  });

  it('counts an application received in 2023 and decided in 2024 as carried over, then decided', () => {
    const a = countApplications(
      [
        {
          applicant: 'natural_person',
          receivedOn: '2023-12-20',
          outcome: { code: 'granted', decidedOn: '2024-01-10' },
        },
        { applicant: 'commercial_enterprise', receivedOn: '2024-12-25', outcome: null },
        {
          applicant: 'natural_person',
          receivedOn: '2024-03-01',
          outcome: { code: 'partiallyGranted', decidedOn: '2024-03-20' },
        },
        {
          applicant: 'natural_person',
          receivedOn: '2022-03-01',
          outcome: { code: 'granted', decidedOn: '2022-03-20' },
        },
      ],
      2024,
    )!;
    expect(a.carriedOver).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(a.newReceived).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(a.results.granted).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(a.results.partiallyGranted).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(a.carriedForward).toEqual([0, 1, 0, 0, 0, 0, 1]);
  });
});

interface ExpectedFinding extends Finding {
  mustReport: boolean;
}

function fixture(name: string): Omit<AnnualReport, 'findings'> & { findings: ExpectedFinding[] } {
  return JSON.parse(
    readFileSync(new URL(`../../../../fixtures/reports/expected/${name}.json`, import.meta.url), 'utf8'),
  );
}

/** The checker's findings on a fixture: every mustReport finding, and nothing the fixture does not list. */
function verifyFixture(name: string, previous?: string) {
  const report = fixture(name);
  const listed = report.findings;
  const found = checkReport({ ...report, findings: [] }, previous === undefined ? {} : { previous: fixture(previous) });
  const strip = (f: Finding) => ({
    rule: f.rule,
    severity: f.severity,
    cells: f.cells,
    message: f.message,
    expected: f.expected,
    actual: f.actual,
  });
  for (const must of listed.filter((f) => f.mustReport)) {
    expect(found.map(strip)).toContainEqual(strip(must));
  }
  for (const f of found) {
    expect(listed.map((l) => [l.rule, l.severity, l.cells.join()])).toContainEqual([
      f.rule,
      f.severity,
      f.cells.join(),
    ]);
  }
  return found;
}

describe('the published reports in fixtures/ verify with exactly their listed findings', () => {
  it('hongzequ-2023: the two R4 errors in table 四', () => {
    expect(verifyFixture('hongzequ-2023').filter((f) => f.severity === 'error')).toHaveLength(2);
  });
  it('hongzequ-2024, with 2023 as the previous year (R5 and R8 hold)', () => {
    expect(hasErrors(verifyFixture('hongzequ-2024', 'hongzequ-2023'))).toBe(false);
  });
  it('huaian-shizhengfu-2024: nothing', () => {
    expect(verifyFixture('huaian-shizhengfu-2024')).toEqual([]);
  });
  it('zhangshu-gongxinju-2023: nothing, though part 五 is numbered 5、', () => {
    expect(verifyFixture('zhangshu-gongxinju-2023')).toEqual([]);
  });
});

describe('tables 二 and 四 from registers', () => {
  it('count appeals filed in the year or still pending from before, by result (R4 holds)', async () => {
    const { countAppeals } = await import('./counting.ts');
    const appeals = countAppeals(
      [
        { kind: 'reconsideration', filedOn: '2023-11-01', result: { outcome: 'upheld', concludedOn: '2024-01-20' } },
        { kind: 'reconsideration', filedOn: '2024-03-01', result: { outcome: 'corrected', concludedOn: '2024-05-01' } },
        { kind: 'reconsideration', filedOn: '2024-12-01', result: null },
        { kind: 'litigationDirect', filedOn: '2024-06-01', result: { outcome: 'other', concludedOn: '2025-02-01' } },
        {
          kind: 'litigationAfterReconsideration',
          filedOn: '2022-01-01',
          result: { outcome: 'upheld', concludedOn: '2022-06-01' },
        },
      ],
      2024,
    );
    expect(appeals).toEqual({
      reconsideration: [1, 1, 0, 1, 3],
      litigationDirect: [0, 0, 0, 1, 1],
      litigationAfterReconsideration: [0, 0, 0, 0, 0],
    });
    const r = good();
    r.appeals = appeals;
    expect(checkReport(r).filter((f) => f.rule === 'R4')).toEqual([]);
  });

  it('count documents issued, abolished and in force, so that R8 holds year to year', async () => {
    const { countActiveDisclosure } = await import('./counting.ts');
    const docs = [
      { kind: 'normativeDocument' as const, issuedOn: '2022-05-01', abolishedOn: null },
      { kind: 'normativeDocument' as const, issuedOn: '2023-03-01', abolishedOn: '2024-06-30' },
      { kind: 'normativeDocument' as const, issuedOn: '2024-02-01', abolishedOn: null },
      { kind: 'normativeDocument' as const, issuedOn: '2024-04-01', abolishedOn: '2024-10-01' },
      { kind: 'regulation' as const, issuedOn: '2025-01-05', abolishedOn: null },
    ];
    const counts = { licensing: 136, penalties: 0, coercion: 0, feesFen: 12_345_600 };
    const y2023 = countActiveDisclosure(docs, counts, 2023);
    const y2024 = countActiveDisclosure(docs, counts, 2024);
    expect(y2024.normativeDocuments).toEqual({ issued: 2, abolished: 2, inForce: 2 });
    expect(y2024.regulations).toEqual({ issued: 0, abolished: 0, inForce: 0 });
    expect(y2024.fees).toEqual({ amountWanYuan: 12.3456 });
    const previous = good();
    previous.active = y2023;
    const r = good();
    r.active = y2024;
    expect(checkReport(r, { previous }).filter((f) => f.rule === 'R8')).toEqual([]);
  });
});
