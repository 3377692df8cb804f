import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { emailBackoff } from '../../domain/retry-backoff.js';
import type { OutboxHandler } from '../../jobs/dispatcher.js';
import { findEmail, readEmailAttachments, recordEmailAttempt } from './email.repository.js';

/** Delivery attempts before a message is marked failed and left for an administrator to look at. */
export const MAX_EMAIL_ATTEMPTS = emailBackoff.maxAttempts;

export interface Mailer {
  /** True when a mail server is configured; otherwise messages are kept in the database and never enter the outbox. */
  readonly delivers: boolean;
  /** Sends the e-mail rows of the outbox over SMTP; absent without a mail server. */
  readonly handler: OutboxHandler | null;
  close(): void;
}

/**
 * The outbox's e-mail channel. The message's Message-ID is made from its outbox idempotency key, so a
 * message sent again after a lost lease is recognisably the same message to the receiving server.
 */
export function createMailer(config: Config, db: Db): Mailer {
  if (!config.smtpUrl) return { delivers: false, handler: null, close: () => {} };
  const transport = nodemailer.createTransport(config.smtpUrl);
  const host = new URL(config.baseUrl).hostname;
  const handler: OutboxHandler = {
    backoff: emailBackoff,
    async deliver(row) {
      const email = row.ref_id === null ? undefined : await findEmail(db, row.ref_id);
      if (!email) return { ok: false, error: `e-mail ${row.ref_id} no longer exists`, permanent: true };
      const attachments = await readEmailAttachments(db, email.id);
      const headers: Record<string, string> = { 'Content-Language': email.locale, 'Auto-Submitted': 'auto-generated' };
      if (email.list_unsubscribe) {
        headers['List-Unsubscribe'] = `<${email.list_unsubscribe}>`;
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }
      try {
        await transport.sendMail({
          from: config.mailFrom,
          to: email.to_address,
          subject: email.subject,
          text: email.body_text,
          headers,
          messageId: `<${row.idempotency_key.replace(/[^A-Za-z0-9._-]/g, '.')}.${email.created_at.replace(/\D/g, '')}@${host}>`,
          attachments: attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
        });
        return { ok: true };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // A mailbox that does not exist (5xx) will not appear on retry; a busy server (4xx) or a broken connection may recover.
        return { ok: false, error: error instanceof Error ? error.message : String(error), permanent: false, detail: code };
      }
    },
    async settle(trx, row, { outcome, attempt, final, now }) {
      if (row.ref_id === null) return;
      await recordEmailAttempt(trx, row.ref_id, {
        status: outcome.ok ? 'sent' : final ? 'failed' : 'pending',
        attempts: attempt,
        error: outcome.ok ? null : outcome.error,
        at: now,
      });
    },
  };
  return { delivers: true, handler, close: () => transport.close() };
}
