import { insertMailOnce, listPendingMail, markMailFailed, markMailSent, type Executor } from '@xxgk/db';
import nodemailer, { type Transporter } from 'nodemailer';
import { iso, type AppContext } from '../context.ts';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Sends one message; throws when the server refuses it (the outbox then tries again). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** E-mail through an SMTP server (XXGK_SMTP_URL, e.g. `smtps://user:pass@smtp.example.gov.cn:465`). */
export class SmtpMailer implements Mailer {
  readonly #transport: Transporter;
  readonly #from: string;
  constructor(url: string, from: string) {
    this.#transport = nodemailer.createTransport(url);
    this.#from = from;
  }
  async send(message: MailMessage): Promise<void> {
    await this.#transport.sendMail({ from: this.#from, to: message.to, subject: message.subject, text: message.text });
  }
}

/** Mail is configured: who sends it, and the address links in it start with. */
export interface MailSettings {
  readonly mailer: Mailer;
  /** The platform's public address, e.g. `https://xxgk.example.gov.cn` (no trailing slash). */
  readonly publicUrl: string;
}

export interface QueuedMail extends MailMessage {
  readonly kind:
    'new_application' | 'status_change' | 'due_soon' | 'overdue' | 'report_due' | 'freshness' | 'error_report';
  readonly applicationId: number | null;
  /** The same key is queued once. */
  readonly dedupeKey: string;
}

/** Queues a message in the caller's transaction; nothing when mail is not configured. */
export async function queueMail(ex: Executor, ctx: AppContext, mail: QueuedMail): Promise<void> {
  if (ctx.mail === undefined || mail.to.trim() === '') {
    return;
  }
  await insertMailOnce(ex, {
    to_address: mail.to,
    subject: mail.subject,
    body: mail.text,
    kind: mail.kind,
    application_id: mail.applicationId,
    dedupe_key: mail.dedupeKey,
    created_at: iso(ctx.now()),
    sent_at: null,
  });
}

/** A message that failed this many times is left for a person to look at (last_error says why). */
export const MAX_MAIL_ATTEMPTS = 5;

/** Sends what is queued (the server's minute timer). Returns how many went out. */
export async function deliverQueuedMail(ctx: AppContext, batch = 50): Promise<number> {
  if (ctx.mail === undefined) {
    return 0;
  }
  const pending = await listPendingMail(ctx.db, { maxAttempts: MAX_MAIL_ATTEMPTS, limit: batch });
  let sent = 0;
  for (const mail of pending) {
    try {
      await ctx.mail.mailer.send({ to: mail.to_address, subject: mail.subject, text: mail.body });
      await markMailSent(ctx.db, mail.id, { at: iso(ctx.now()), attempts: mail.attempts + 1 });
      sent += 1;
    } catch (error) {
      await markMailFailed(ctx.db, mail.id, {
        attempts: mail.attempts + 1,
        error: error instanceof Error ? error.message.slice(0, 500) : String(error),
      });
    }
  }
  return sent;
}
