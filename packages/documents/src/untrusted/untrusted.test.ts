import { readFileSync } from 'node:fs';
import { DomainError } from '@xxgk/core';
import { describe, expect, it } from 'vitest';
import { craftDocx, HOSTILE } from '../testing.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimitName, type ParseLimits } from './limits.ts';
import { checkUntrustedFile, readFileText, readOfficialDocument, readReportFile, readSheetFile } from './sandbox.ts';

async function refusal(read: Promise<unknown>): Promise<{ limit: unknown; message: string }> {
  try {
    await read;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    expect(e.code).toBe('VALIDATION_FAILED');
    return { limit: e.details['limit'], message: e.message };
  }
  throw new Error('the file was read');
}

describe('untrusted files are read within limits, in a worker', () => {
  it.each<[string, () => Buffer, ParseLimitName, RegExp]>([
    ['three million empty paragraphs', HOSTILE.paragraphs, 'paragraphs', /正文段落超过 100,000 个/u],
    ['200 MB of text in 200 KB', HOSTILE.inflated, 'inflatedBytes', /解压后超过 128 MB/u],
    ['an external entity (XXE)', HOSTILE.xxe, 'unsafe', /DOCTYPE 或实体声明/u],
    ['billion laughs', HOSTILE.laughs, 'unsafe', /DOCTYPE 或实体声明/u],
    ['fifty thousand nested elements', HOSTILE.deep, 'xmlDepth', /嵌套超过 200 层/u],
    ['five thousand parts', HOSTILE.entries, 'zipEntries', /文件超过 2000 个/u],
  ])('refuses %s, naming the limit, as Word import, report and scanner', async (_, make, limit, message) => {
    const bytes = make();
    for (const read of [() => readOfficialDocument(bytes), () => readReportFile('report.docx', bytes)]) {
      const got = await refusal(read());
      expect(got.limit).toBe(limit);
      expect(got.message).toMatch(message);
    }
    const text = await readFileText(bytes, '名单.docx');
    expect(text.status).toBe('unreadable');
    expect(text.message).toMatch(message);
  });

  it('refuses a spreadsheet of too many rows', async () => {
    const got = await refusal(readSheetFile('台账.xlsx', HOSTILE.rows()));
    expect(got).toMatchObject({ limit: 'rows', message: expect.stringMatching(/一个工作表超过 100,000 行/u) });
    await expect(checkUntrustedFile('台账.xlsx', HOSTILE.rows())).rejects.toThrow(/100,000 行/u);
  });

  it('stops a parse that runs past its time, and the next file is read as usual', async () => {
    const slow: ParseLimits = { ...DEFAULT_PARSE_LIMITS, timeMs: 1 };
    const body = '<w:p><w:r><w:t>示例市财政局</w:t></w:r></w:p>'.repeat(20_000);
    const got = await refusal(readOfficialDocument(craftDocx(body), slow));
    expect(got).toMatchObject({ limit: 'timeMs', message: expect.stringMatching(/读取超过 0.001 秒仍未完成/u) });
    const draft = await readOfficialDocument(craftDocx('<w:p><w:r><w:t>关于开展绩效评价的通知</w:t></w:r></w:p>'));
    expect(draft.title).toBe('关于开展绩效评价的通知');
  });

  it('ends a worker that runs out of its heap with a refusal, not a crash', async () => {
    // Within every other limit, but ninety thousand paragraphs of runs need far more than 64 MB to hold.
    const tight: ParseLimits = { ...DEFAULT_PARSE_LIMITS, heapMb: 64 };
    const body = `<w:p>${'<w:r><w:t>政府信息公开</w:t></w:r>'.repeat(12)}</w:p>`.repeat(90_000);
    const got = await refusal(readOfficialDocument(craftDocx(body), tight));
    expect(got).toMatchObject({ limit: 'heapMb', message: expect.stringMatching(/内存超过 64 MB/u) });
  });

  it('reads real reports as before, and a damaged file is a clear refusal', async () => {
    const pdf = readFileSync(new URL('../../../../fixtures/reports/pdf/hongzequ-2023.pdf', import.meta.url));
    const report = await readReportFile('hongzequ-2023.pdf', pdf);
    expect(report).toMatchObject({ agency: '洪泽区人民政府', year: 2023 });
    const damaged = await refusal(readReportFile('broken.docx', Buffer.from('PK\u0003\u0004 not really a zip')));
    expect(damaged).toEqual({ limit: 'corrupt', message: '文件已损坏，未读取（找不到 zip 目录）' });
    const notPdf = await refusal(readReportFile('broken.pdf', Buffer.from('%PDF-1.4 not really')));
    expect(notPdf).toEqual({ limit: undefined, message: '无法读取“broken.pdf”：文件已损坏或不是年度报告' });
  });
});
