import { expect, it } from 'vitest';
import { insertMailOnce, listPendingMail, markMailFailed, markMailSent, type NewMail } from './mail-outbox.ts';
import { describeDialects } from './testing.ts';

const NOW = '2026-03-10T02:00:00.000Z';

function mail(key: string): NewMail {
  return {
    to_address: 'a@example.gov.cn',
    subject: `主题 ${key}`,
    body: '正文',
    kind: 'freshness',
    application_id: null,
    dedupe_key: key,
    created_at: NOW,
    sent_at: null,
  };
}

describeDialects('mail outbox repository', (database) => {
  it('queues a key once and hands out what is neither sent nor given up on, oldest first', async () => {
    const { db } = database();
    await insertMailOnce(db, mail('a'));
    await insertMailOnce(db, { ...mail('a'), subject: '重复' });
    await insertMailOnce(db, mail('b'));
    await insertMailOnce(db, mail('c'));
    const [a, b, c] = await listPendingMail(db, { maxAttempts: 2, limit: 10 });
    expect([a?.subject, b?.subject, c?.subject]).toEqual(['主题 a', '主题 b', '主题 c']);
    await markMailSent(db, a!.id, { at: NOW, attempts: 1 });
    await markMailFailed(db, b!.id, { attempts: 2, error: '550 mailbox unavailable' });
    await markMailFailed(db, c!.id, { attempts: 1, error: 'timeout' });
    const pending = await listPendingMail(db, { maxAttempts: 2, limit: 10 });
    expect(pending.map((m) => [m.dedupe_key, m.attempts, m.last_error])).toEqual([['c', 1, 'timeout']]);
    expect(await listPendingMail(db, { maxAttempts: 5, limit: 1 })).toHaveLength(1);
  });
});
