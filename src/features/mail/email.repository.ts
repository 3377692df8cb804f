import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { EmailMessageRow, EmailStatus } from '../../db/schema.js';
import { enqueueOutbox } from '../../jobs/outbox.repository.js';

export interface NewEmail {
  userId: number | null;
  to: string;
  locale: string;
  purpose: string;
  subject: string;
  text: string;
  /** The one-click unsubscribe address of a subscription message; sent as List-Unsubscribe. */
  listUnsubscribe?: string | null;
}

/**
 * Writes an e-mail in the transaction of the change it reports: with a mail server configured it
 * waits in the outbox for delivery ("pending"); without one it is kept for administrators to read
 * ("kept") and never enters the outbox.
 */
export async function queueEmail(db: Executor, email: NewEmail, deliver: boolean, at: Date): Promise<number> {
  const row = await db
    .insertInto('email_messages')
    .values({
      user_id: email.userId,
      to_address: email.to,
      locale: email.locale,
      purpose: email.purpose,
      subject: email.subject,
      body_text: email.text,
      status: deliver ? 'pending' : 'kept',
      created_at: at.toISOString(),
      list_unsubscribe: email.listUnsubscribe ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (deliver) await enqueueOutbox(db, { kind: 'email', idempotencyKey: `email-${row.id}`, refId: row.id }, at);
  return row.id;
}

export interface NewEmailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/**
 * Attaches files to a queued e-mail, in the same transaction that queued it: the message and its
 * attachments are delivered together or not at all.
 */
export async function attachToEmail(db: Executor, emailId: number, attachments: readonly NewEmailAttachment[]): Promise<void> {
  if (attachments.length === 0) return;
  await db
    .insertInto('email_attachments')
    .values(
      attachments.map((a) => ({
        email_id: emailId,
        filename: a.filename,
        content_type: a.contentType,
        content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
      })),
    )
    .execute();
}

export interface EmailAttachmentContent {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** The files of a message, with their bytes, in the order they were attached: what the mailer sends. */
export async function readEmailAttachments(db: Executor, emailId: number): Promise<EmailAttachmentContent[]> {
  const rows = await db.selectFrom('email_attachments').select(['filename', 'content_type', 'content']).where('email_id', '=', emailId).orderBy('id').execute();
  return rows.map((r) => ({ filename: r.filename, contentType: r.content_type, content: Buffer.from(r.content) }));
}

export interface EmailAttachmentInfo {
  id: number;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

/** The files of a message without their bytes: what the administrators' page lists. */
export async function listEmailAttachments(db: Executor, emailId: number): Promise<EmailAttachmentInfo[]> {
  const rows = await db
    .selectFrom('email_attachments')
    .select(['id', 'filename', 'content_type', sql<number>`length(content)`.as('size_bytes')])
    .where('email_id', '=', emailId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, filename: r.filename, contentType: r.content_type, sizeBytes: Number(r.size_bytes) }));
}

export function findEmail(db: Executor, id: number): Promise<EmailMessageRow | undefined> {
  return db.selectFrom('email_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Mirrors an outbox attempt on the message, for the administrators' list: sent, failed for good, or waiting again. */
export async function recordEmailAttempt(
  db: Executor,
  id: number,
  attempt: { status: EmailStatus; attempts: number; error: string | null; at: Date },
): Promise<void> {
  await db
    .updateTable('email_messages')
    .set({ status: attempt.status, attempts: attempt.attempts, last_error: attempt.error, ...(attempt.status === 'sent' ? { sent_at: attempt.at.toISOString() } : {}) })
    .where('id', '=', id)
    .execute();
}

export interface EmailFilter {
  to?: string | undefined;
  purpose?: string | undefined;
  before?: number | undefined;
  limit: number;
}

export async function listEmails(db: Executor, filter: EmailFilter): Promise<EmailMessageRow[]> {
  let query = db.selectFrom('email_messages').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.to) query = query.where('to_address', '=', filter.to.trim().toLowerCase());
  if (filter.purpose) query = query.where('purpose', '=', filter.purpose);
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  return query.execute();
}
