import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it, vi } from 'vitest';

/**
 * The house's lint fences bite: each rule in eslint.config.js is shown an offending line in a file
 * where it applies (the text is linted as if it were that file; nothing is written).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: ROOT });
// The first lint of a package loads its TypeScript project: slow on a busy two-core machine.
vi.setConfig({ testTimeout: 120_000 });

async function messages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('lint: the layers point one way (core ← db ← app ← server, cli; documents over core)', () => {
  it.each([
    ['packages/db/src/items.ts', '@xxgk/app', /db 只能依赖 @xxgk\/core/u],
    ['packages/db/src/items.ts', '@xxgk/documents', /db 只能依赖 @xxgk\/core/u],
    ['packages/documents/src/render/html.ts', '@xxgk/db', /documents 只能依赖 @xxgk\/core/u],
    ['packages/documents/src/render/html.ts', '@xxgk/app/context', /documents 只能依赖 @xxgk\/core/u],
    ['packages/app/src/context.ts', '@xxgk/server/config', /app 不得依赖服务端或命令行/u],
    ['packages/app/src/users/create-user.ts', '@xxgk/cli', /app 不得依赖服务端或命令行/u],
    ['apps/server/src/server.ts', '@xxgk/cli', /服务端不得依赖命令行/u],
    ['packages/core/src/index.ts', '@xxgk/db', /core 只能是纯函数/u],
    ['apps/admin/src/api.ts', '@xxgk/server', /管理端只能引用 @xxgk\/core/u],
  ])('%s may not import %s', async (file, module, message) => {
    const found = await messages(file, `import * as m from '${module}';\nexport { m };\n`);
    expect(found).toEqual([expect.stringMatching(/^no-restricted-imports: /u)]);
    expect(found[0]).toMatch(message);
  });

  it('lets each layer import the one below it', async () => {
    for (const [file, module] of [
      ['packages/db/src/items.ts', '@xxgk/core'],
      ['packages/app/src/context.ts', '@xxgk/db'],
      ['apps/server/src/server.ts', '@xxgk/app'],
    ] as const) {
      expect(await messages(file, `import * as m from '${module}';\nexport { m };\n`), file).toEqual([]);
    }
  });
});

describe('lint: untrusted files are read in the sandbox', () => {
  it('refuses the in-process readers in app, server and CLI code, and allows the sandboxed ones', async () => {
    const inProcess = "import { importReport } from '@xxgk/documents';\nexport const read = importReport;\n";
    for (const file of ['packages/app/src/reports/check-published-reports.ts', 'apps/cli/src/commands/documents.ts']) {
      expect(await messages(file, inProcess), file).toEqual([
        expect.stringMatching(/^no-restricted-imports: .*不受信任的文件须在沙箱中读取/u),
      ]);
    }
    const sandboxed = "import { readReportFile } from '@xxgk/documents';\nexport const read = readReportFile;\n";
    expect(await messages('packages/app/src/reports/check-published-reports.ts', sandboxed)).toEqual([]);
  });
});

describe('lint: one clock', () => {
  it('refuses the wall clock in code and tests', async () => {
    for (const [file, line] of [
      ['packages/app/src/context.ts', 'export const today = new Date();\n'],
      ['apps/server/src/server.test.ts', 'export const t = Date.now();\n'],
      ['e2e/admin.test.ts', 'export const t = Date.now();\n'],
    ] as const) {
      expect(await messages(file, line), file).toEqual([
        expect.stringMatching(/^no-restricted-syntax: 不得直接读取系统时钟/u),
      ]);
    }
  });

  it('refuses a literal date in a browser test, and lets one derived from TEST_NOW pass', async () => {
    const literal = await messages('e2e/admin.test.ts', "export const title = '检查情况通报（2026年11月）';\n");
    expect(literal).toEqual([expect.stringMatching(/^no-restricted-syntax: 浏览器测试不写死日期/u)]);
    const iso = await messages('e2e/admin.test.ts', 'export const day = `2026-12-31`;\n');
    expect(iso).toEqual([expect.stringMatching(/^no-restricted-syntax: 浏览器测试不写死日期/u)]);
    const derived = await messages('e2e/admin.test.ts', 'const year = 2026;\nexport const day = `${year}-12-31`;\n');
    expect(derived).toEqual([]);
  });

  it('lets a date with an explicit argument through', async () => {
    expect(
      await messages('packages/app/src/context.ts', "export const d = new Date('2026-11-30T01:00:00Z');\n"),
    ).toEqual([]);
  });
});
