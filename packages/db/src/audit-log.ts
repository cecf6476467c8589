import { createHash } from 'node:crypto';
import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from './connection.ts';
import type { AuditLogRow, AuditOutcome } from './schema.ts';

/**
 * The audit log: append-only, every entry chained to the one before by a SHA-256 over its content
 * and the previous entry's hash. Editing or deleting any entry breaks the chain from that point,
 * which {@link verifyAuditChain} finds.
 */
export interface AuditEntry {
  readonly at: string;
  readonly actorUserId: number | null;
  readonly actorName: string;
  readonly agencyId: number | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly outcome: AuditOutcome;
  readonly note?: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly ip?: string;
  readonly requestId?: string;
}

/** The hash of the (imagined) entry before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

type HashedFields = Omit<AuditLogRow, 'id' | 'hash'>;

/** SHA-256 over the entry's fields in a fixed order; the id is left out because the database assigns it. */
export function auditHash(row: HashedFields): string {
  const canonical = JSON.stringify([
    row.prev_hash,
    row.at,
    row.actor_user_id,
    row.actor_name,
    row.agency_id,
    row.action,
    row.target_type,
    row.target_id,
    row.outcome,
    row.note,
    row.before_json,
    row.after_json,
    row.ip,
    row.request_id,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/**
 * Appends one entry. Call it inside the transaction that makes the change, so that the change and
 * its record commit or roll back together. On PostgreSQL an advisory lock held to the end of the
 * transaction keeps two writers from chaining onto the same predecessor; SQLite has one writer.
 */
export async function appendAudit(ex: Executor, entry: AuditEntry): Promise<AuditLogRow> {
  if (!ex.isTransaction) {
    return ex.transaction().execute((trx) => appendAudit(trx, entry));
  }
  if (ex.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(ex);
  }
  const last = await ex.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const fields: HashedFields = {
    prev_hash: last?.hash ?? GENESIS_HASH,
    at: entry.at,
    actor_user_id: entry.actorUserId,
    actor_name: entry.actorName,
    agency_id: entry.agencyId,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    outcome: entry.outcome,
    note: entry.note ?? '',
    before_json: toJson(entry.before),
    after_json: toJson(entry.after),
    ip: entry.ip ?? '',
    request_id: entry.requestId ?? '',
  };
  return ex
    .insertInto('audit_log')
    .values({ ...fields, hash: auditHash(fields) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An arbitrary constant naming the audit chain's advisory lock. */
const AUDIT_LOCK_KEY = 7_461_001;

export interface AuditFilter {
  /** Only entries about agencies at or below this path (entries with no agency are left out). */
  readonly underPath?: string;
  readonly agencyId?: number;
  readonly action?: string;
  readonly actor?: string;
  readonly outcome?: AuditOutcome;
  /** Inclusive lower bound on `at` (ISO instant or date). */
  readonly from?: string;
  /** Exclusive upper bound on `at`. */
  readonly to?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface AuditPage {
  readonly total: number;
  readonly rows: (AuditLogRow & { agency_name: string | null })[];
}

export async function listAudit(ex: Executor, filter: AuditFilter): Promise<AuditPage> {
  let query = ex.selectFrom('audit_log').leftJoin('agencies', 'agencies.id', 'audit_log.agency_id');
  if (filter.underPath !== undefined) {
    query = query.where('agencies.path', 'like', `${filter.underPath}%`);
  }
  if (filter.agencyId !== undefined) {
    query = query.where('audit_log.agency_id', '=', filter.agencyId);
  }
  if (filter.action !== undefined) {
    query = query.where('audit_log.action', 'like', `${filter.action}%`);
  }
  if (filter.actor !== undefined) {
    query = query.where('audit_log.actor_name', 'like', `%${filter.actor}%`);
  }
  if (filter.outcome !== undefined) {
    query = query.where('audit_log.outcome', '=', filter.outcome);
  }
  if (filter.from !== undefined) {
    query = query.where('audit_log.at', '>=', filter.from);
  }
  if (filter.to !== undefined) {
    query = query.where('audit_log.at', '<', filter.to);
  }
  const { total } = await query
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('audit_log')
    .select('agencies.name as agency_name')
    .orderBy('audit_log.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { total, rows };
}

export interface ChainBreak {
  readonly id: number;
  readonly reason: 'content-changed' | 'link-broken';
  /** Chinese explanation for the operator. */
  readonly message: string;
}

export interface ChainVerification {
  readonly checked: number;
  readonly breaks: readonly ChainBreak[];
  readonly lastHash: string;
}

/**
 * Walks the whole chain in id order. An entry whose stored hash does not match its content was
 * edited; an entry whose prev_hash is not its predecessor's hash follows a deleted or edited entry.
 */
export async function verifyAuditChain(ex: Executor, batchSize = 1000): Promise<ChainVerification> {
  const breaks: ChainBreak[] = [];
  let previous = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await ex
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) {
      break;
    }
    for (const row of rows) {
      checked += 1;
      if (row.prev_hash !== previous) {
        breaks.push({
          id: row.id,
          reason: 'link-broken',
          message: `第 ${row.id} 条的前序哈希与上一条不符：其前有记录被删除或篡改`,
        });
      }
      const { id: _id, hash, ...fields } = row;
      if (auditHash(fields) !== hash) {
        breaks.push({
          id: row.id,
          reason: 'content-changed',
          message: `第 ${row.id} 条的内容与其哈希不符：记录已被修改`,
        });
      }
      previous = hash;
      afterId = row.id;
    }
  }
  return { checked, breaks, lastHash: previous };
}
