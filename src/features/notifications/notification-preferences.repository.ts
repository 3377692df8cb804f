import type { Executor } from '../../db/database.js';
import type { NotificationDelivery } from '../../db/schema-notifications.js';

/** What a user has chosen to be told by e-mail, and how. */
export interface NotificationPreferences {
  deadlineReminders: boolean;
  reviewAssignments: boolean;
  reportNotices: boolean;
  delivery: NotificationDelivery;
}

/** A user who never opened the preferences page gets everything, each notice as it happens. */
export const defaultPreferences: Readonly<NotificationPreferences> = Object.freeze({
  deadlineReminders: true,
  reviewAssignments: true,
  reportNotices: true,
  delivery: 'immediate',
});

export function isDelivery(value: unknown): value is NotificationDelivery {
  return value === 'immediate' || value === 'daily';
}

export async function findNotificationPreferences(db: Executor, userId: number): Promise<NotificationPreferences> {
  const row = await db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (!row) return { ...defaultPreferences };
  return {
    deadlineReminders: Number(row.deadline_reminders) === 1,
    reviewAssignments: Number(row.review_assignments) === 1,
    reportNotices: Number(row.report_notices) === 1,
    delivery: isDelivery(row.delivery) ? row.delivery : 'immediate',
  };
}

export async function saveNotificationPreferences(db: Executor, userId: number, preferences: NotificationPreferences, now: Date): Promise<void> {
  const values = {
    deadline_reminders: preferences.deadlineReminders ? 1 : 0,
    review_assignments: preferences.reviewAssignments ? 1 : 0,
    report_notices: preferences.reportNotices ? 1 : 0,
    delivery: preferences.delivery,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}
