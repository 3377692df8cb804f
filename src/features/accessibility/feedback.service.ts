import { randomInt } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import type { Locale } from '../../i18n/locales.js';
import type { FeedbackInput } from './feedback.form.js';
import { insertFeedback } from './feedback.repository.js';

// Letters and digits that cannot be mistaken for each other when read aloud or copied by hand.
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A reference such as PA-20261128-K7Q3MZ: the date in Helsinki and six random characters. */
export function feedbackReference(now: Date): string {
  const random = Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `PA-${helsinkiDate(now).replaceAll('-', '')}-${random}`;
}

/**
 * Stores accessibility feedback and returns its reference. The reference is shown to the sender only
 * after the transaction has committed, so an acknowledged feedback is never lost.
 */
export async function submitFeedback(db: Db, input: FeedbackInput, locale: Locale, now: Date): Promise<string> {
  const reference = feedbackReference(now);
  await db.transaction().execute((trx) =>
    insertFeedback(trx, { ...input, reference, receivedAt: now.toISOString(), locale }),
  );
  return reference;
}
