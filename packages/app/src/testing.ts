import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from './privacy/personal-data.ts';
import type { Actor } from '@xxgk/core';
import { findUserByUsername } from '@xxgk/db';
import { describeDialects, type TestDatabase } from '@xxgk/db/testing';
import { actorOf } from './auth/actor.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_MAX_UPLOAD_BYTES,
  DEFAULT_SECURITY,
  type AppContext,
  type RequestMeta,
  type SecuritySettings,
} from './context.ts';
import { DiskFileStore } from './files/file-store.ts';

/**
 * The instant every date-dependent test runs at (Monday 2026-11-30, 09:00 in Beijing): the use-case
 * tests' clock, and XXGK_NOW for the servers the HTTP and browser tests start. Tests derive the dates
 * they expect from it (`testToday()`), so the suite passes whatever day the machine thinks it is.
 */
export const TEST_NOW = '2026-11-30T01:00:00.000Z';

/** {@link TEST_NOW} as a Beijing day, YYYY-MM-DD. */
export function testToday(): string {
  return new Date(Date.parse(TEST_NOW) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A clock tests move by hand. */
export class TestClock {
  #now: Date;
  constructor(start = TEST_NOW) {
    this.#now = new Date(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  advanceMinutes(minutes: number): void {
    this.#now = new Date(this.#now.getTime() + minutes * 60_000);
  }
}

export const TEST_META: RequestMeta = { ip: '203.0.113.7', requestId: 'test-request' };

export interface AppTestContext {
  readonly ctx: AppContext;
  readonly clock: TestClock;
  readonly database: TestDatabase;
  /** The actor for a demo (or other existing) username. */
  actor(username: string): Promise<Actor>;
}

export function testContext(database: TestDatabase, security: Partial<SecuritySettings> = {}): AppTestContext {
  const clock = new TestClock();
  const ctx: AppContext = {
    db: database.db,
    dialect: database.dialect,
    security: { ...DEFAULT_SECURITY, ...security },
    files: new DiskFileStore(mkdtempSync(join(tmpdir(), 'xxgk-files-'))),
    maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
    personalData: new PersonalDataCipher(randomBytes(32)),
    now: () => clock.now(),
  };
  return {
    ctx,
    clock,
    database,
    async actor(username) {
      const user = await findUserByUsername(database.db, username);
      if (user === undefined) {
        throw new Error(`no user ${username}`);
      }
      return actorOf(database.db, user);
    },
  };
}

/** Runs use-case tests on SQLite and PostgreSQL, each test with a fresh database and clock. */
export function describeApp(
  name: string,
  body: (t: () => AppTestContext) => void,
  security: Partial<SecuritySettings> = {},
): void {
  describeDialects(name, (database) => {
    let cached: { db: TestDatabase; t: AppTestContext } | undefined;
    body(() => {
      const db = database();
      if (cached?.db !== db) {
        cached = { db, t: testContext(db, security) };
      }
      return cached.t;
    });
  });
}
