import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { claimEmail, findEmail, markEmail, pendingEmailIds, readEmailAttachments } from './email.repository.js';

/** Delivery attempts before a message is marked failed and left for an administrator to look at. */
export const MAX_EMAIL_ATTEMPTS = 5;

export interface Mailer {
  /** True when a mail server is configured; otherwise messages are kept in the database. */
  readonly delivers: boolean;
  /** Sends what is waiting; called after each commit that queued mail and on a timer. */
  flush(): Promise<number>;
  close(): void;
}

export function createMailer(config: Config, db: Db, now: () => Date, log: (error: unknown) => void): Mailer {
  if (!config.smtpUrl) {
    return { delivers: false, flush: async () => 0, close: () => {} };
  }
  const transport = nodemailer.createTransport(config.smtpUrl);
  let running: Promise<number> | null = null;

  async function deliverAll(): Promise<number> {
    let sent = 0;
    for (const { id } of await pendingEmailIds(db, 50)) {
      if (!(await claimEmail(db, id))) continue;
      const email = await findEmail(db, id);
      if (!email) continue;
      try {
        const attachments = await readEmailAttachments(db, id);
        await transport.sendMail({
          from: config.mailFrom,
          to: email.to_address,
          subject: email.subject,
          text: email.body_text,
          headers: { 'Content-Language': email.locale, 'Auto-Submitted': 'auto-generated' },
          messageId: `<email-${email.id}.${email.created_at.replace(/\D/g, '')}@${new URL(config.baseUrl).hostname}>`,
          attachments: attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
        });
        await markEmail(db, id, 'sent', now());
        sent += 1;
      } catch (error) {
        log(error);
        const failed = email.attempts >= MAX_EMAIL_ATTEMPTS;
        await markEmail(db, id, failed ? 'failed' : 'pending', now(), error instanceof Error ? error.message : String(error));
      }
    }
    return sent;
  }

  return {
    delivers: true,
    flush() {
      // One delivery run at a time per process; a flush during a run waits for it and runs again.
      const safely = () =>
        deliverAll().catch((error: unknown) => {
          log(error);
          return 0;
        });
      const next = (running ?? Promise.resolve(0)).then(safely, safely);
      running = next.finally(() => {
        if (running === next) running = null;
      });
      return next;
    },
    close: () => transport.close(),
  };
}
