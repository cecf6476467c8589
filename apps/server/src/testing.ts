import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '@xxgk/app';
import { TEST_NOW, testContext } from '@xxgk/app/testing';
import type { TestDatabase } from '@xxgk/db/testing';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from './config.ts';
import { buildServer } from './server.ts';

export interface HttpTest {
  readonly app: FastifyInstance;
  readonly database: TestDatabase;
  /** Logs in and returns the cookie header and CSRF token to send with later requests. */
  login(
    username: string,
    password?: string,
  ): Promise<{ cookie: string; csrf: string; response: LightMyRequestResponse }>;
}

/** A server over a seeded test database, for `inject`-driven HTTP tests. */
export async function httpTest(database: TestDatabase): Promise<HttpTest> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xxgk-http-'));
  const config = loadConfig({ XXGK_LOG_LEVEL: 'silent', XXGK_NOW: TEST_NOW }, { dataDir });
  const { ctx } = testContext(database);
  await seedDemo(ctx);
  const app = await buildServer({ config, database, ctx }, { logger: false });
  return {
    app,
    database,
    async login(username, password = 'Shili@2026') {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      const setCookie = response.headers['set-cookie'];
      const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
      const cookie = (first ?? '').split(';')[0] ?? '';
      const csrf = response.statusCode === 200 ? (response.json() as { csrfToken: string }).csrfToken : '';
      return { cookie, csrf, response };
    },
  };
}
