import type { Executor } from '../../db/database.js';

/** Notices waiting for a user's daily digest, and which e-mail carried them. */

export interface NewDigestItem {
  userId: number;
  purpose: string;
  subject: string;
  text: string;
}

export async function insertDigestItem(db: Executor, item: NewDigestItem, now: Date): Promise<void> {
  await db
    .insertInto('digest_items')
    .values({ user_id: item.userId, purpose: item.purpose, subject: item.subject, body_text: item.text, created_at: now.toISOString(), email_id: null })
    .execute();
}

/**
 * Users with notices since `since` waiting for their digest (erased accounts have no address to send
 * to). The bound matters: when old e-mails are pruned, their items' email_id is set to null again.
 */
export async function usersWithPendingDigest(db: Executor, since: Date): Promise<number[]> {
  const rows = await db
    .selectFrom('digest_items')
    .innerJoin('users', 'users.id', 'digest_items.user_id')
    .select('digest_items.user_id')
    .distinct()
    .where('digest_items.email_id', 'is', null)
    .where('digest_items.created_at', '>=', since.toISOString())
    .where('users.status', '!=', 'erased')
    .orderBy('digest_items.user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

export interface PendingDigestItem {
  id: number;
  purpose: string;
  subject: string;
  text: string;
  createdAt: string;
}

export async function pendingDigestItems(db: Executor, userId: number, since: Date): Promise<PendingDigestItem[]> {
  const rows = await db
    .selectFrom('digest_items')
    .select(['id', 'purpose', 'subject', 'body_text', 'created_at'])
    .where('user_id', '=', userId)
    .where('email_id', 'is', null)
    .where('created_at', '>=', since.toISOString())
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, purpose: r.purpose, subject: r.subject, text: r.body_text, createdAt: r.created_at }));
}

/** Marks items as sent in a digest; an item another run already marked keeps its e-mail. */
export async function markDigested(db: Executor, itemIds: readonly number[], emailId: number): Promise<void> {
  if (itemIds.length === 0) return;
  await db.updateTable('digest_items').set({ email_id: emailId }).where('id', 'in', [...itemIds]).where('email_id', 'is', null).execute();
}
