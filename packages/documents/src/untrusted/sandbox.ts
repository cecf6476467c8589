import { Worker } from 'node:worker_threads';
import { DomainError, type ErrorCode } from '@xxgk/core';
import type { FileText } from '../import/file-text.ts';
import type { ParseJob, ParseResults } from './jobs.ts';
import { DEFAULT_PARSE_LIMITS, fileRejected, type ParseLimits } from './limits.ts';

/**
 * Parses untrusted files in worker threads, with each worker's heap capped (`resourceLimits`) and each
 * file's time limited (its worker is terminated), so a hostile file costs at most one worker and gets
 * a clear refusal naming the limit, while the server goes on serving. A small pool: two workers at
 * most (the machines have two cores), kept while in use and idle ones not holding the process open;
 * up to {@link MAX_WAITING} files wait their turn, and past that a file is refused as busy. A worker
 * that hit a limit is never reused.
 */
const CONCURRENT = 2;
const MAX_WAITING = 32;

interface WorkerAnswer {
  readonly id: number;
  readonly ok: boolean;
  readonly value?: unknown;
  readonly domain?: { code: ErrorCode; message: string; details: Record<string, unknown> } | null;
  readonly message?: string;
}

interface PoolWorker {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  /** The job under way, if any. */
  current:
    | {
        readonly id: number;
        /** Ends the job; `healthy` when the worker answered and can take the next file. */
        settle(outcome: { value: unknown } | { error: unknown }, healthy: boolean): void;
      }
    | undefined;
}

class ParsePool {
  readonly #limits: ParseLimits;
  readonly #idle: PoolWorker[] = [];
  readonly #waiting: ((w: PoolWorker) => void)[] = [];
  #size = 0;
  #nextId = 1;

  constructor(limits: ParseLimits) {
    this.#limits = limits;
  }

  async run(job: ParseJob): Promise<unknown> {
    const w = await this.#take();
    // A worker that does not even start in time counts against the same limit as a slow parse.
    let startTimer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        w.ready,
        new Promise((_, reject) => {
          startTimer = setTimeout(() => reject(fileRejected('timeMs', this.#limits)), this.#limits.timeMs);
        }),
      ]);
    } catch (error) {
      this.#discard(w);
      throw error;
    } finally {
      clearTimeout(startTimer);
    }
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        w.current = undefined;
        this.#discard(w);
        reject(fileRejected('timeMs', this.#limits));
      }, this.#limits.timeMs);
      w.current = {
        id,
        settle: (outcome, healthy) => {
          clearTimeout(timer);
          w.current = undefined;
          if ('error' in outcome) {
            reject(outcome.error);
          } else {
            resolve(outcome.value);
          }
          if (healthy) {
            this.#give(w);
          }
        },
      };
      w.worker.ref();
      w.worker.postMessage({ id, job });
    });
  }

  async #take(): Promise<PoolWorker> {
    const idle = this.#idle.pop();
    if (idle !== undefined) {
      return idle;
    }
    if (this.#size < CONCURRENT) {
      return this.#spawn();
    }
    if (this.#waiting.length >= MAX_WAITING) {
      throw new DomainError('TOO_MANY_ATTEMPTS', '正在读取的文件过多，请稍后再试');
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #give(w: PoolWorker): void {
    const next = this.#waiting.shift();
    if (next !== undefined) {
      next(w);
      return;
    }
    w.worker.unref();
    this.#idle.push(w);
  }

  /** Ends a worker that failed or overran, and lets a waiting file start a fresh one. */
  #discard(w: PoolWorker): void {
    const at = this.#idle.indexOf(w);
    if (at >= 0) {
      this.#idle.splice(at, 1);
    }
    this.#size--;
    void w.worker.terminate();
    const next = this.#waiting.shift();
    if (next !== undefined) {
      next(this.#spawn());
    }
  }

  #spawn(): PoolWorker {
    this.#size++;
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: { limits: this.#limits },
      resourceLimits: { maxOldGenerationSizeMb: this.#limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 },
      stdout: false,
      stderr: false,
    });
    let started: () => void = () => undefined;
    let failed: (error: unknown) => void = () => undefined;
    const w: PoolWorker = {
      worker,
      current: undefined,
      ready: new Promise<void>((resolve, reject) => {
        started = resolve;
        failed = reject;
      }),
    };
    w.ready.catch(() => undefined);
    worker.on('message', (answer: WorkerAnswer | { ready: true }) => {
      if ('ready' in answer) {
        started();
        return;
      }
      if (w.current === undefined || w.current.id !== answer.id) {
        return;
      }
      if (answer.ok) {
        w.current.settle({ value: answer.value }, true);
      } else if (answer.domain) {
        const { code, message, details } = answer.domain;
        w.current.settle({ error: new DomainError(code, message, { details }) }, true);
      } else {
        w.current.settle({ error: new Error(answer.message ?? '读取失败') }, true);
      }
    });
    const died = (error: unknown) => {
      failed(error);
      const current = w.current;
      if (current !== undefined) {
        w.current = undefined;
        current.settle({ error }, false);
      }
      if (this.#idle.includes(w) || current !== undefined) {
        this.#discard(w);
      }
    };
    worker.on('error', (error: Error & { code?: string }) => {
      died(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap|memory/iu.test(error.message)
          ? fileRejected('heapMb', this.#limits)
          : error,
      );
    });
    worker.on('exit', (code) => {
      died(code === 0 ? new Error('读取进程意外结束') : fileRejected('heapMb', this.#limits));
    });
    return w;
  }
}

const pools = new Map<ParseLimits, ParsePool>();

/** Runs one job in the pool for these limits. */
export async function runInSandbox<K extends ParseJob['kind']>(
  job: Extract<ParseJob, { kind: K }>,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<ParseResults[K]> {
  if (job.bytes.byteLength > limits.inputBytes) {
    throw fileRejected('inputBytes', limits);
  }
  let pool = pools.get(limits);
  if (pool === undefined) {
    pool = new ParsePool(limits);
    pools.set(limits, pool);
  }
  try {
    return (await pool.run(job)) as ParseResults[K];
  } catch (error) {
    if (error instanceof DomainError) {
      throw error;
    }
    // A parser's own complaint (a damaged file): the user's mistake, not the server's. The parser's
    // words mean nothing to the user; they go to the log with the error's cause and details.
    const what = 'fileName' in job ? `“${job.fileName}”` : '该文件';
    const why = job.kind === 'report' ? '文件已损坏或不是年度报告' : '文件已损坏或格式不符';
    throw new DomainError('VALIDATION_FAILED', `无法读取${what}：${why}`, {
      cause: error,
      details: { parser: error instanceof Error ? error.message.slice(0, 200) : String(error) },
    });
  }
}

/** Reads a published annual report (DOCX, PDF, HTML, text) in the sandbox. */
export function readReportFile(fileName: string, bytes: Uint8Array, limits?: ParseLimits) {
  return runInSandbox({ kind: 'report', fileName, bytes }, limits);
}

/**
 * The text of a file for the scanner, in the sandbox. A file refused for a limit is `unreadable`,
 * with the limit named, like any other file that cannot be read.
 */
export async function readFileText(
  bytes: Uint8Array,
  fileName: string,
  mediaType = '',
  limits?: ParseLimits,
): Promise<FileText> {
  try {
    return await runInSandbox({ kind: 'fileText', fileName, mediaType, bytes }, limits);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'VALIDATION_FAILED') {
      return { status: 'unreadable', text: '', message: `附件“${fileName}”未读取：${error.message}` };
    }
    throw error;
  }
}

/** Reads a 公文 in Word format into an item draft, in the sandbox. */
export function readOfficialDocument(bytes: Uint8Array, limits?: ParseLimits) {
  return runInSandbox({ kind: 'officialDocument', bytes }, limits);
}

/** The first sheet of an uploaded XLSX or CSV as rows of text, in the sandbox. */
export function readSheetFile(fileName: string, bytes: Uint8Array, limits?: ParseLimits) {
  return runInSandbox({ kind: 'sheet', fileName, bytes }, limits);
}

/** Checks an uploaded file within the limits (a zip container's entries, size and XML) without reading it. */
export async function checkUntrustedFile(fileName: string, bytes: Uint8Array, limits?: ParseLimits): Promise<void> {
  await runInSandbox({ kind: 'preflight', fileName, bytes }, limits);
}
