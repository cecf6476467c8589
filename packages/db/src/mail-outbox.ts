import type { Insertable } from 'kysely';
import type { Executor } from './connection.ts';
import type { MailOutboxRow, MailOutboxTable } from './schema.ts';

export type NewMail = Omit<Insertable<MailOutboxTable>, 'id' | 'attempts' | 'last_error'>;

/** Queues a message, once per dedupe key: a second message with the same key is dropped. */
export async function insertMailOnce(ex: Executor, mail: NewMail): Promise<void> {
  await ex
    .insertInto('mail_outbox')
    .values(mail)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/** Messages not sent yet and tried fewer than `maxAttempts` times, oldest first. */
export async function listPendingMail(
  ex: Executor,
  { maxAttempts, limit }: { maxAttempts: number; limit: number },
): Promise<MailOutboxRow[]> {
  return ex
    .selectFrom('mail_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('attempts', '<', maxAttempts)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markMailSent(
  ex: Executor,
  id: number,
  { at, attempts }: { at: string; attempts: number },
): Promise<void> {
  await ex.updateTable('mail_outbox').set({ sent_at: at, attempts, last_error: '' }).where('id', '=', id).execute();
}

/** Keeps a message that failed for another try, with why it failed. */
export async function markMailFailed(
  ex: Executor,
  id: number,
  { attempts, error }: { attempts: number; error: string },
): Promise<void> {
  await ex.updateTable('mail_outbox').set({ attempts, last_error: error }).where('id', '=', id).execute();
}
