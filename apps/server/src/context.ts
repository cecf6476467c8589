import type { AppContext, ResolvedSession } from '@xxgk/app';
import type { Database } from '@xxgk/db';
import type { Config } from './config.ts';

/** What the server is built from: the validated config, an open, migrated database, the use-case context. */
export interface ServerDeps {
  readonly config: Config;
  readonly database: Database;
  readonly ctx: AppContext;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The session behind the cookie, once resolved; undefined when there is none or it failed. */
    session: ResolvedSession | undefined;
    /** Why the cookie did not give a session (expired, unknown), to answer precisely. */
    sessionProblem: 'expired' | 'invalid' | undefined;
  }
}
