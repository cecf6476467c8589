import { readFileSync, statSync } from 'node:fs';
import { DEFAULT_PARSE_LIMITS, fileRejected } from '@xxgk/documents';
import { ConfigError } from '@xxgk/server/config';
import { isDomainError, type ErrorCode } from '@xxgk/core';

/** Where commands write; tests pass their own. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** All of standard input (for `xxgk deadline < ledger.json`). */
  stdin(): Promise<string>;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  async stdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) {
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  },
};

export class UsageError extends Error {}

/**
 * Exit codes (sysexits.h where one fits): 0 done; 1 a check found a problem (audit verify);
 * 64 wrong usage; 65 bad input data; 66 not found; 69 database unavailable; 77 not allowed;
 * 78 bad configuration; 70 anything else.
 */
export const EXIT = {
  ok: 0,
  problem: 1,
  usage: 64,
  data: 65,
  notFound: 66,
  unavailable: 69,
  software: 70,
  noPerm: 77,
  config: 78,
} as const;

const CODE_EXITS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: EXIT.data,
  WEAK_PASSWORD: EXIT.data,
  INVALID_USCC: EXIT.data,
  CONFLICT: EXIT.data,
  AGENCY_CYCLE: EXIT.data,
  NOT_FOUND: EXIT.notFound,
  FORBIDDEN: EXIT.noPerm,
  AUDIT_CHAIN_BROKEN: EXIT.problem,
};

/** Prints an error the way an operator needs it, and picks the exit code. */
export function reportError(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    io.err(`用法错误 / usage: ${error.message}`);
    io.err('运行 xxgk --help 查看帮助 / run xxgk --help for help');
    return EXIT.usage;
  }
  if (error instanceof ConfigError) {
    io.err(error.message);
    return EXIT.config;
  }
  if (isDomainError(error)) {
    io.err(`错误 [${error.code}]：${error.message}`);
    return CODE_EXITS[error.code] ?? EXIT.software;
  }
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000') {
    io.err(`无法连接数据库 / cannot reach the database: ${(error as Error).message}`);
    return EXIT.unavailable;
  }
  io.err(`意外错误 / unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return EXIT.software;
}

/**
 * Reads a file named on the command line for parsing, refusing one larger than the parse limit before
 * it is read into memory (the parse itself runs in @xxgk/documents' sandbox).
 */
export function readInputFile(file: string): Buffer {
  const size = statSync(file).size;
  if (size > DEFAULT_PARSE_LIMITS.inputBytes) {
    throw fileRejected('inputBytes', DEFAULT_PARSE_LIMITS, `${(size / 1048576).toFixed(0)} MB`);
  }
  return readFileSync(file);
}
