import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkReport, type AnnualReport } from '@xxgk/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importReport } from './import/import-report.ts';
import { splitDigits } from './import/map-report.ts';
import { renderReportDocx } from './render/docx.ts';
import { renderReportHtml } from './render/html.ts';
import { renderReportPdf } from './render/pdf.ts';
import { renderReportXlsx } from './render/xlsx.ts';

const REPORTS = new URL('../../../fixtures/reports/', import.meta.url);
const expected = (name: string): AnnualReport =>
  JSON.parse(readFileSync(new URL(`expected/${name}.json`, REPORTS), 'utf8'));
const FIXTURES = ['zhangshu-gongxinju-2023', 'hongzequ-2023', 'hongzequ-2024', 'huaian-shizhengfu-2024'];

/** The numbers of a report; a row of blanks and a missing row compare equal (both are "nothing read"). */
function numbers(r: AnnualReport) {
  const fold = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.every((v) => v === null) ? null : value;
    }
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fold(v)]));
    }
    return value;
  };
  return fold({
    format: r.format,
    year: r.year,
    agency: r.agency,
    active: r.active,
    applications: r.applications,
    appeals: r.appeals,
  });
}

describe('importing the published text report (fixtures/)', () => {
  it('reads zhangshu-gongxinju-2023.txt to exactly the expected values, and the checker finds nothing', async () => {
    const report = await importReport(
      'zhangshu-gongxinju-2023.txt',
      readFileSync(new URL('zhangshu-gongxinju-2023.txt', REPORTS)),
    );
    const want = expected('zhangshu-gongxinju-2023');
    expect({ format: report.format, year: report.year, agency: report.agency }).toEqual({
      format: want.format,
      year: want.year,
      agency: want.agency,
    });
    expect(report.active).toEqual(want.active);
    expect(report.applications).toEqual(want.applications);
    expect(report.appeals).toEqual(want.appeals);
    expect(report.sections.map((s) => [s.number, s.title])).toEqual(want.sections.map((s) => [s.number, s.title]));
    expect(report.sections[0]?.text).toContain('2023年我局没有收到受理依申请公开');
    expect(report.source.warnings).toEqual(['第五部分的编号写作「5、」']);
    expect(checkReport(report)).toEqual([]);
  });
});

describe('importing the published PDF reports (fixtures/reports/pdf)', () => {
  it.each(['hongzequ-2023', 'hongzequ-2024', 'huaian-shizhengfu-2024'])(
    'reads %s.pdf to exactly the expected values and findings',
    async (name) => {
      const report = await importReport(`${name}.pdf`, readFileSync(new URL(`pdf/${name}.pdf`, REPORTS)));
      const want = expected(name) as Omit<AnnualReport, 'findings'> & {
        findings: (AnnualReport['findings'][number] & { mustReport: boolean })[];
      };
      expect(report.source.kind).toBe('pdf');
      expect({ format: report.format, year: report.year }).toEqual({ format: want.format, year: want.year });
      expect(report.active).toEqual(want.active);
      expect(report.applications).toEqual(want.applications);
      expect(report.appeals).toEqual(want.appeals);
      expect(report.sections.map((s) => [s.number, s.title])).toEqual(want.sections.map((s) => [s.number, s.title]));
      const found = checkReport(report);
      const key = (f: AnnualReport['findings'][number]) =>
        JSON.stringify([f.rule, f.severity, f.cells, f.message, f.expected, f.actual]);
      // Every finding the fixture requires, and nothing it does not list.
      expect(found.map(key)).toEqual(expect.arrayContaining(want.findings.filter((f) => f.mustReport).map(key)));
      expect(want.findings.map(key)).toEqual(expect.arrayContaining(found.map(key)));
    },
  );

  it('reads the agency from the title (淮安市洪泽区人民政府 is accepted for 洪泽区人民政府)', async () => {
    const report = await importReport('hongzequ-2023.pdf', readFileSync(new URL('pdf/hongzequ-2023.pdf', REPORTS)));
    expect(['洪泽区人民政府', '淮安市洪泽区人民政府']).toContain(report.agency);
  });

  it('says which loose labels and which 2019-layout rows it read', async () => {
    const report = await importReport('hongzequ-2024.pdf', readFileSync(new URL('pdf/hongzequ-2024.pdf', REPORTS)));
    expect(report.source.warnings).toEqual(
      expect.arrayContaining([
        '表三行标签「2.其他法律行政止公开」与规定标签「2.其他法律行政法规禁止公开」不完全一致，按该行读取',
        '表三（六）其他处理只有一行（2019 年试行格式）：1.逾期不补正、2.逾期未缴费记为空，该行计入 3.其他',
      ]),
    );
  });
});

describe('render, then import: the same numbers come back', () => {
  it.each(FIXTURES)('HTML of %s', async (name) => {
    const original = expected(name);
    const html = renderReportHtml(original);
    expect(html).toContain('<th colspan="3" rowspan="3" scope="col">（本列数据的勾稽关系为');
    expect(html).toContain('scope="rowgroup" class="vertical">三、本年度办理结果</th>');
    const back = await importReport('report.html', Buffer.from(html));
    expect(numbers(back)).toEqual(numbers(original));
  });

  it.each(FIXTURES)('DOCX of %s', async (name) => {
    const original = expected(name);
    const back = await importReport('report.docx', await renderReportDocx(original));
    expect(back.source.kind).toBe('docx');
    expect(numbers(back)).toEqual(numbers(original));
  });

  it.each(FIXTURES)('PDF of %s (embedded CJK font, text extractable)', async (name) => {
    const original = expected(name);
    const pdf = await renderReportPdf(original);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const back = await importReport('report.pdf', pdf);
    expect(numbers(back)).toEqual(numbers(original));
  });

  it('XLSX: one sheet per table, numbers stored as numbers', async () => {
    const original = expected('huaian-shizhengfu-2024');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderReportXlsx(original)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['二、主动公开', '三、依申请公开', '四、复议诉讼']);
    const three = book.getWorksheet('三、依申请公开')!;
    expect(three.getCell('A4').value).toBe('一、本年新收政府信息公开申请数量');
    expect(three.getCell('J4').value).toBe(original.applications!.newReceived![6]);
    expect(three.getCell('J27').value).toBe(original.applications!.results.total![6]);
    const four = book.getWorksheet('四、复议诉讼')!;
    expect([1, 2, 3, 4, 5].map((c) => four.getCell(4, c).value)).toEqual(original.appeals!.reconsideration);
  });
});

describe('damaged inputs', () => {
  const base = () => renderReportHtml(expected('huaian-shizhengfu-2024'));

  it('keeps a blanked cell as null, says so, and the checker warns about it', async () => {
    const html = base().replace(/(<td data-cell="applications\.results\.granted\[0\]">)\d+(<\/td>)/, '$1$2');
    const back = await importReport('r.html', Buffer.from(html));
    expect(back.applications!.results.granted![0]).toBeNull();
    expect(back.source.warnings).toContain('表三「（一）予以公开」有空白单元格，按空值读取');
    expect(checkReport(back).some((f) => f.rule === 'R7' && f.cells[0] === 'applications.results.granted[0]')).toBe(
      true,
    );
  });

  it('reads labels with half-width punctuation and a typo, saying which it matched loosely', async () => {
    const html = base()
      .replace('（一）予以公开', '(一)予以公开')
      .replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
    const back = await importReport('r.html', Buffer.from(html));
    expect(numbers(back)).toEqual(numbers(expected('huaian-shizhengfu-2024')));
    expect(back.source.warnings).toContain(
      '表三行标签「2.其他法律行政止公开」与规定标签「2.其他法律行政法规禁止公开」不完全一致，按该行读取',
    );
  });

  it('splits digits run together only when exactly one reading fits the sums', async () => {
    expect(splitDigits('713000074', 7).filter((r) => r.slice(0, 6).reduce((a, b) => a + b, 0) === r[6])).toEqual([
      [71, 3, 0, 0, 0, 0, 74],
    ]);
    const text = readFileSync(new URL('zhangshu-gongxinju-2023.txt', REPORTS), 'utf8');
    // Replace the seven cells of 一、本年新收 with one run-together cell.
    const damaged = text.replace(/(\t一、本年新收政府信息公开申请数量\n)(\t0\n){7}/, '$1\t713000074\n');
    expect(damaged).not.toBe(text);
    const back = await importReport('r.txt', Buffer.from(damaged));
    expect(back.applications!.newReceived).toEqual([71, 3, 0, 0, 0, 0, 74]);
    expect(back.source.warnings.some((w) => w.includes('按勾稽关系唯一可行的拆分读取为 71|3|0|0|0|0|74'))).toBe(true);
    const ambiguous = text.replace(/(\t一、本年新收政府信息公开申请数量\n)(\t0\n){7}/, '$1\t110100012\n');
    const unread = await importReport('r.txt', Buffer.from(ambiguous));
    expect(unread.applications!.newReceived).toEqual([null, null, null, null, null, null, null]);
    expect(unread.source.warnings.some((w) => w.includes('有多种符合勾稽关系的拆分，未读取'))).toBe(true);
  });

  it('ignores a web page’s navigation and footer around the report', async () => {
    const page = base()
      .replace(
        '<body>',
        '<body><nav><a href="/">首页</a> 一、总体情况 政府信息公开</nav><div class="header">网站头部</div>',
      )
      .replace('</body>', '<footer>版权所有 联系我们 12345</footer></body>');
    const back = await importReport('r.html', Buffer.from(page));
    expect(numbers(back)).toEqual(numbers(expected('huaian-shizhengfu-2024')));
  });
});

describe('the 2019 (试行) format', () => {
  it('reads its table 二 under active2019 and the single （六） row into other.other', async () => {
    const original = expected('hongzequ-2023');
    let html = renderReportHtml(original);
    const table2019 = `<table><tr><th colspan="4">第二十条第（一）项</th></tr>
<tr><th>信息内容</th><th>本年新制作数量</th><th>本年新公开数量</th><th>对外公开总数量</th></tr>
<tr><th>规章</th><td>0</td><td>0</td><td>0</td></tr><tr><th>规范性文件</th><td>2</td><td>2</td><td>15</td></tr></table>
<table><tr><th>信息内容</th><th>上一年项目数量</th><th>本年增/减</th><th>处理决定数量</th></tr>
<tr><th>行政许可</th><td>120</td><td>-3</td><td>550</td></tr><tr><th>其他对外管理服务事项</th><td>10</td><td>0</td><td>20</td></tr>
<tr><th>行政处罚</th><td>60</td><td>2</td><td>4119</td></tr><tr><th>行政强制</th><td>8</td><td>0</td><td>195</td></tr></table>
<table><tr><th>信息内容</th><th>上一年项目数量</th><th>本年增/减</th></tr><tr><th>行政事业性收费</th><td>5</td><td>0</td></tr></table>
<table><tr><th>信息内容</th><th>采购项目数量</th><th>采购总金额</th></tr><tr><th>政府集中采购</th><td>12</td><td>340.5</td></tr></table>`;
    html = html.replace(/<table class="report-table" id="item-1">[\s\S]*?id="item-8">[\s\S]*?<\/table>/, table2019);
    // The 2019 layout: （六）其他处理 is one row with its own numbers.
    html = html.replace(
      /<tr><th rowspan="3" scope="rowgroup">（六）其他处理<\/th><th scope="row">1\.[^<]*<\/th>((?:<td[^>]*>[^<]*<\/td>){7})<\/tr>[\s\S]*?3\.其他<\/th>((?:<td[^>]*>[^<]*<\/td>){7})<\/tr>/,
      '<tr><th colspan="2" scope="row">（六）其他处理</th>$2</tr>',
    );
    const back = await importReport('r2019.html', Buffer.from(html));
    expect(back.format).toBe('2019');
    expect(back.active).toBeNull();
    expect(back.active2019).toEqual({
      规章: [0, 0, 0],
      规范性文件: [2, 2, 15],
      行政许可: [120, -3, 550],
      其他对外管理服务事项: [10, 0, 20],
      行政处罚: [60, 2, 4119],
      行政强制: [8, 0, 195],
      行政事业性收费: [5, 0],
      政府集中采购: [12, 340.5],
    });
    expect(back.applications!.results.other).toEqual({
      correctionOverdue: null,
      feeUnpaid: null,
      other: [0, 0, 0, 0, 0, 0, 0],
    });
    expect(back.applications!.results.total).toEqual(original.applications!.results.total);
    expect(
      checkReport(back)
        .filter((f) => f.rule === 'R11')
        .map((f) => f.message),
    ).toEqual([]);
  });
});

describe('our DOCX in LibreOffice (how Word and WPS compatibility is checked here)', () => {
  it('converts to PDF without complaint, and that PDF reads back to the same numbers', async () => {
    const original = expected('huaian-shizhengfu-2024');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xxgk-lo-'));
    writeFileSync(path.join(dir, 'report.docx'), await renderReportDocx(original));
    // Debian's libreoffice-writer-nogui, installed by .ci/run.
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path.join(dir, 'report.docx'),
      ],
      {
        timeout: 120_000,
        stdio: 'ignore',
      },
    );
    const back = await importReport('report.pdf', readFileSync(path.join(dir, 'report.pdf')));
    expect(numbers(back)).toEqual(numbers(original));
  }, 150_000);
});
