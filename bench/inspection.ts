/**
 * The inspection's costs on the demo (about 3,250 published items, XLSX and DOCX attachments), SQLite
 * by default:   npx tsx bench/inspection.ts      (DATABASE_URL=postgres://… for PostgreSQL)
 * 1. The nightly scan of everything published, from cold (attachment text not yet read) and warm
 *    (the text kept from the first run): items per second.
 * 2. The supervisor's dashboard and the monthly report (DOCX and XLSX): milliseconds, median of 5.
 * 3. The scanner alone on one long text (a 5,000-line 名单): lines per second.
 * Not a test: the figures go to the issue note.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectionDashboard, monthlyInspectionFile, scanPublished, NO_REQUEST } from '@xxgk/app';
import { actorOf } from '../packages/app/src/auth/actor.ts';
import { builtInWording, residentIdCheckCharacter, scanText, shanghaiDate } from '@xxgk/core';
import { findUserByUsername } from '@xxgk/db';
import { loadConfig, startServer } from '@xxgk/server';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-'));
const config = loadConfig({ ...process.env, XXGK_LOG_LEVEL: 'warn' }, { dataDir, port: 0, host: '127.0.0.1' });
const started = Date.now();
const server = await startServer(config, { demo: true, logger: false });
console.log(
  `demo ready in ${((Date.now() - started) / 1000).toFixed(1)} s on ${server.database.dialect}, Node ${process.version}`,
);
const { ctx } = server;

const time = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await ctx.db.deleteFrom('attachment_texts').execute();
const [cold, run] = await time(() => scanPublished(ctx));
console.log(
  `nightly scan, cold: ${run.items} items in ${(cold / 1000).toFixed(1)} s = ${((run.items * 1000) / cold).toFixed(0)} items/s`,
);
const [warm] = await time(() => scanPublished(ctx));
console.log(
  `nightly scan, warm: ${run.items} items in ${(warm / 1000).toFixed(1)} s = ${((run.items * 1000) / warm).toFixed(0)} items/s`,
);

const supervisor = await actorOf(ctx.db, (await findUserByUsername(ctx.db, 'supervisor'))!);
const month = shanghaiDate(new Date()).slice(0, 7);
for (const [name, f] of [
  ['dashboard', () => inspectionDashboard(ctx, { actor: supervisor, meta: NO_REQUEST })],
  [
    'monthly report DOCX',
    () => monthlyInspectionFile(ctx, { actor: supervisor, meta: NO_REQUEST, month, format: 'docx' }),
  ],
  [
    'monthly report XLSX',
    () => monthlyInspectionFile(ctx, { actor: supervisor, meta: NO_REQUEST, month, format: 'xlsx' }),
  ],
] as const) {
  const runs: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    runs.push((await time(f as () => Promise<unknown>))[0]);
  }
  console.log(`${name}: median ${median(runs).toFixed(0)} ms`);
}

const lines = Array.from({ length: 5000 }, (_, i) => {
  const first17 = `3501021960${String(1000000 + i).slice(1)}`;
  return `${i + 1}\t王某${i}\t${first17}${residentIdCheckCharacter(first17) ?? '0'}\t深入学习贯彻新时代中国特色社会主义思想，截止目前已完成。`;
}).join('\n');
const dictionary = builtInWording();
const [scanMs, found] = await time(async () => scanText('file', lines, { dictionary, date: '2026-11-30' }));
console.log(
  `scanner: 5,000 lines in ${scanMs.toFixed(0)} ms = ${((5000 * 1000) / scanMs).toFixed(0)} lines/s (${found.length} findings)`,
);

await server.stop();
