/**
 * Portal throughput and search latency on the demo (about 3,000 published items), SQLite by default:
 *   npx tsx bench/portal.ts [seconds]            (DATABASE_URL=postgres://… for PostgreSQL)
 * 1. In-process search latency: 200 queries (two-character words, multi-word, with filters) through
 *    the same use case the page calls, uncached — p50 / p95 / max.
 * 2. HTTP with autocannon, 50 connections: /healthz as the machine's baseline, an item page, item pages across 300 items, a search page,
 *    and searches across 40 different queries. The portal's page cache is on, as in production; the
 *    rotating runs show the cost when pages are first rendered.
 * Not a test: the figures go to the issue note.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { searchItems } from '@xxgk/app';
import { listPublishedItems } from '@xxgk/db';
import { loadConfig, startServer } from '@xxgk/server';

const seconds = Number(process.argv[2] ?? 10);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-'));
const config = loadConfig({ ...process.env, XXGK_LOG_LEVEL: 'warn' }, { dataDir, port: 0, host: '127.0.0.1' });
const started = Date.now();
const server = await startServer(config, { demo: true, logger: false });
console.log(
  `demo ready in ${((Date.now() - started) / 1000).toFixed(1)} s on ${server.database.dialect}, Node ${process.version}`,
);

const db = server.database.db;
const all = await listPublishedItems(db, {}, { limit: 100_000, offset: 0 });
console.log(`${all.total} published items`);

const words = [
  '预算',
  '招聘',
  '规划',
  '安全',
  '教育',
  '补贴',
  '采购',
  '统计',
  '社区',
  '医疗',
  '公路',
  '住房',
  '环境',
  '就业',
  '食品',
];
const queries = [
  ...words,
  ...words.map((w, i) => `${w} ${words[(i + 3) % words.length] ?? ''}`),
  '政府采购 中标结果公告',
  '老旧小区改造',
  '部门预算公开',
  '行政处罚决定信息公示',
];
const { ctx } = server;
const timings: number[] = [];
for (let i = 0; i < 200; i += 1) {
  const q = queries[i % queries.length] ?? '预算';
  const agencyId = i % 3 === 0 ? all.rows[i]?.agency_id : undefined;
  const t = performance.now();
  await searchItems(ctx, { q, agencyId, year: i % 5 === 0 ? 2025 : undefined, page: 1 + (i % 2) });
  timings.push(performance.now() - t);
}
timings.sort((a, b) => a - b);
const at = (p: number) => (timings[Math.min(timings.length - 1, Math.floor(p * timings.length))] ?? 0).toFixed(1);
console.log(`search (in process, uncached, 200 queries): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(0.999)} ms`);

async function run(title: string, requests: { path: string }[]) {
  const result = await autocannon({ url: server.url, connections: 50, duration: seconds, requests });
  console.log(
    `${title}: ${Math.round(result.requests.average)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `${result.non2xx} non-2xx, ${result.errors} errors`,
  );
}

const ids = all.rows.slice(0, 300).map((r) => r.id);
// The machine's own ceiling for this server (no database, no rendering), to read the rest against.
await run('baseline /healthz', [{ path: '/healthz' }]);
await run('item page (one page)', [{ path: `/items/${ids[0] ?? 1}` }]);
await run(
  'item pages (300 different)',
  ids.map((id) => ({ path: `/items/${id}` })),
);
await run('search page (预算)', [{ path: `/search?q=${encodeURIComponent('预算')}` }]);
await run(
  'search pages (40 different queries)',
  queries.map((q) => ({ path: `/search?q=${encodeURIComponent(q)}` })),
);
await server.stop();
process.exit(0);
