import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTILE } from '@xxgk/documents/testing';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/xxgk.js', import.meta.url));

/** The real command in its own process, as an operator runs it (an abort would show as 134). */
function xxgk(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', XXGK_LOG_LEVEL: 'silent' },
    timeout: 120_000,
  });
  return { code: result.status, signal: result.signal, err: result.stderr };
}

describe('xxgk on hostile files', () => {
  it('scan and report check refuse a paragraph bomb and a zip bomb with exit 2, naming the limit', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xxgk-hostile-'));
    const paragraphs = path.join(dir, '通知.docx');
    const inflated = path.join(dir, '年报.docx');
    writeFileSync(paragraphs, HOSTILE.paragraphs());
    writeFileSync(inflated, HOSTILE.inflated());

    const scanned = xxgk(['scan', paragraphs, inflated]);
    expect(scanned).toMatchObject({ code: 2, signal: null });
    expect(scanned.err).toContain('正文段落超过 100,000 个');
    expect(scanned.err).toContain('解压后超过 128 MB');

    const checked = xxgk(['report', 'check', inflated]);
    expect(checked).toMatchObject({ code: 2, signal: null });
    expect(checked.err).toContain(`无法读取 ${inflated}：文件超出安全读取限制，未读取：解压后超过 128 MB`);
  });
});
