import type { Db } from '../../db/database.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { findNotificationPreferences, saveNotificationPreferences, type NotificationPreferences } from './notification-preferences.repository.js';

/** Saves a user's own choices, with an audit entry of what they were and are (no personal data in either). */
export async function updateNotificationPreferences(db: Db, actor: Actor, userId: number, preferences: NotificationPreferences, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findNotificationPreferences(trx, userId);
    await saveNotificationPreferences(trx, userId, preferences, now);
    await appendAudit(trx, actor, { action: 'user.notifications-updated', entityType: 'user', entityId: userId, before: { ...before }, after: { ...preferences } }, now);
  });
}
