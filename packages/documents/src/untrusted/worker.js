// A parsing worker of sandbox.ts's pool: it answers one job at a time, for as long as the pool keeps
// it. Our packages are TypeScript consumed as source; tsx compiles them on load, as in apps/cli/bin/xxgk.js.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runJob } = await import('./jobs.ts');
const { limits } = workerData;

parentPort.on('message', async ({ id, job }) => {
  try {
    parentPort.postMessage({ id, ok: true, value: await runJob(job, limits) });
  } catch (error) {
    const domain = error !== null && typeof error === 'object' && error.name === 'DomainError';
    parentPort.postMessage({
      id,
      ok: false,
      domain: domain ? { code: error.code, message: error.message, details: error.details } : null,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
parentPort.postMessage({ ready: true });
