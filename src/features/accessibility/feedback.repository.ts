import type { Executor } from '../../db/database.js';
import type { AccessibilityFeedbackRow } from '../../db/schema.js';
import type { Locale } from '../../i18n/locales.js';
import type { FeedbackInput } from './feedback.form.js';

export async function insertFeedback(
  db: Executor,
  feedback: FeedbackInput & { reference: string; receivedAt: string; locale: Locale },
): Promise<void> {
  await db
    .insertInto('accessibility_feedback')
    .values({
      reference: feedback.reference,
      received_at: feedback.receivedAt,
      locale: feedback.locale,
      page_url: feedback.pageUrl,
      name: feedback.name,
      email: feedback.email,
      message: feedback.message,
    })
    .execute();
}

export async function findFeedbackByReference(db: Executor, reference: string): Promise<AccessibilityFeedbackRow | undefined> {
  return db.selectFrom('accessibility_feedback').selectAll().where('reference', '=', reference).executeTakeFirst();
}
