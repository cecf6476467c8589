import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { appendAudit, GENESIS_HASH, listAudit, verifyAuditChain, type AuditEntry } from './audit-log.ts';
import { describeDialects } from './testing.ts';

function entry(action: string, at: string): AuditEntry {
  return {
    at,
    actorUserId: null,
    actorName: '系统',
    agencyId: null,
    action,
    targetType: 'test',
    targetId: '1',
    outcome: 'ok',
    after: { 名称: '示例' },
  };
}

describeDialects('audit log', (database) => {
  it('chains each entry to the one before', async () => {
    const { db } = database();
    const first = await appendAudit(db, entry('a', '2026-01-01T00:00:00.000Z'));
    const second = await appendAudit(db, entry('b', '2026-01-02T00:00:00.000Z'));
    expect(first.prev_hash).toBe(GENESIS_HASH);
    expect(second.prev_hash).toBe(first.hash);
    const result = await verifyAuditChain(db);
    expect(result).toEqual({ checked: 2, breaks: [], lastHash: second.hash });
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    const { db } = database();
    await appendAudit(db, entry('a', '2026-01-01T00:00:00.000Z'));
    await expect(db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('finds an entry edited behind the trigger’s back', async () => {
    const { db, dialect } = database();
    await appendAudit(db, entry('a', '2026-01-01T00:00:00.000Z'));
    const target = await appendAudit(db, entry('b', '2026-01-02T00:00:00.000Z'));
    await appendAudit(db, entry('c', '2026-01-03T00:00:00.000Z'));
    if (dialect === 'sqlite') {
      await sql`drop trigger audit_log_no_update`.execute(db);
    } else {
      await sql`drop trigger audit_log_append_only on audit_log`.execute(db);
    }
    await db.updateTable('audit_log').set({ actor_name: '张三' }).where('id', '=', target.id).execute();
    const result = await verifyAuditChain(db);
    expect(result.breaks).toEqual([
      { id: target.id, reason: 'content-changed', message: `第 ${target.id} 条的内容与其哈希不符：记录已被修改` },
    ]);
  });

  it('finds a deleted entry from the broken link after it', async () => {
    const { db, dialect } = database();
    await appendAudit(db, entry('a', '2026-01-01T00:00:00.000Z'));
    const gone = await appendAudit(db, entry('b', '2026-01-02T00:00:00.000Z'));
    const after = await appendAudit(db, entry('c', '2026-01-03T00:00:00.000Z'));
    if (dialect === 'sqlite') {
      await sql`drop trigger audit_log_no_delete`.execute(db);
    } else {
      await sql`drop trigger audit_log_append_only on audit_log`.execute(db);
    }
    await db.deleteFrom('audit_log').where('id', '=', gone.id).execute();
    const result = await verifyAuditChain(db);
    expect(result.breaks.map((b) => [b.id, b.reason])).toEqual([[after.id, 'link-broken']]);
  });

  it('keeps the chain whole under concurrent writers', async () => {
    const { db } = database();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db
          .transaction()
          .execute((trx) => appendAudit(trx, entry(`w${i}`, `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`))),
      ),
    );
    const result = await verifyAuditChain(db, 5);
    expect(result.checked).toBe(12);
    expect(result.breaks).toEqual([]);
  });

  it('filters and pages, newest first', async () => {
    const { db } = database();
    for (let i = 0; i < 5; i++) {
      await appendAudit(db, entry(i % 2 === 0 ? 'user.create' : 'agency.update', `2026-01-0${i + 1}T00:00:00.000Z`));
    }
    const page = await listAudit(db, { action: 'user.', limit: 2, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.at)).toEqual(['2026-01-05T00:00:00.000Z', '2026-01-03T00:00:00.000Z']);
  });
});
