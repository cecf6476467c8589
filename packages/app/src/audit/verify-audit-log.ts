import { verifyAuditChain, type ChainVerification } from '@xxgk/db';
import type { AppContext } from '../context.ts';

/** Walks the whole hash chain; `xxgk audit verify` prints the result and exits 1 on any break. */
export function verifyAuditLog(ctx: AppContext): Promise<ChainVerification> {
  return verifyAuditChain(ctx.db);
}
