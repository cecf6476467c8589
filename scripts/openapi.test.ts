import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DOCUMENT_FILE, documentSource, openApiDocument, SCHEMA_FILE, schemaSource } from './openapi.ts';

// Building the whole server and formatting a large file: slow on a busy two-core machine.
vi.setConfig({ testTimeout: 180_000 });

/** Where two texts first part, as `line N` with both lines, to point the developer at the change. */
function firstDifference(committed: string, generated: string): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  const at = a.findIndex((line, i) => line !== b[i]);
  const n = at === -1 ? a.length : at;
  return `第 ${n + 1} 行 / line ${n + 1}:\n  已提交 / committed: ${a[n] ?? '(文件结束)'}\n  应为 / generated:   ${b[n] ?? '(文件结束)'}`;
}

function stale(file: string, difference: string): string {
  return `${path.relative(process.cwd(), file)} 与服务端的路由定义不一致，请运行 npm run gen:api 并提交生成的文件 / is stale: run \`npm run gen:api\` and commit the result.\n${difference}`;
}

describe("the admin's client types follow the server's OpenAPI document", () => {
  it('match the committed openapi.json and schema.ts (else: npm run gen:api)', async () => {
    const document = await openApiDocument();
    const json = await documentSource(document);
    const committedJson = readFileSync(DOCUMENT_FILE, 'utf8');
    expect(committedJson === json, stale(DOCUMENT_FILE, firstDifference(committedJson, json))).toBe(true);

    const schema = await schemaSource(document);
    const committedSchema = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committedSchema === schema, stale(SCHEMA_FILE, firstDifference(committedSchema, schema))).toBe(true);
  });
});
