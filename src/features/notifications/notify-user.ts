import type { Executor } from '../../db/database.js';
import { pagePath } from '../../http/page-paths.js';
import type { Locale } from '../../i18n/locales.js';
import { queueEmail } from '../mail/email.repository.js';
import { insertDigestItem } from './digest-items.repository.js';
import { nextDigestAt } from './digest-schedule.js';
import { findNotificationPreferences, type NotificationPreferences } from './notification-preferences.repository.js';

/**
 * The notices a user may switch off or take in the daily digest. Receipts, decisions, security
 * messages (passwords, invitations) and the chair handover are not among them: those are always
 * sent at once, with queueEmail.
 */
export type NotificationKind = 'deadline-reminder' | 'review-assigned' | 'report-notice';

const switchOf: Record<NotificationKind, keyof Omit<NotificationPreferences, 'delivery'>> = {
  'deadline-reminder': 'deadlineReminders',
  'review-assigned': 'reviewAssignments',
  'report-notice': 'reportNotices',
};

export interface UserNotification {
  /** Null for a notice to an address without an account: it is queued as an e-mail, as always. */
  userId: number | null;
  kind: NotificationKind;
  /** The e-mail's purpose (email_messages.purpose), e.g. 'review-assigned'. */
  purpose: string;
  subject: string;
  text: string;
  to: string;
  locale: string;
  /** When the notice is no use any more (a reminder of a deadline): if the next digest would come later, it is sent at once. */
  staleAt?: string;
}

/** What became of a notice: switched off by the user, kept for the digest, or queued as an e-mail. */
export type NotifyOutcome = 'off' | 'digest' | 'queued';

/** Tells a user something as they have chosen, in the caller's transaction. */
export async function notifyUser(trx: Executor, notice: UserNotification, ctx: { deliverMail: boolean }, now: Date): Promise<NotifyOutcome> {
  const email = { userId: notice.userId, to: notice.to, locale: notice.locale, purpose: notice.purpose, subject: notice.subject, text: notice.text };
  if (notice.userId === null) {
    await queueEmail(trx, email, ctx.deliverMail, now);
    return 'queued';
  }
  const preferences = await findNotificationPreferences(trx, notice.userId);
  if (!preferences[switchOf[notice.kind]]) return 'off';
  const staleInDigest = notice.staleAt !== undefined && nextDigestAt(now).getTime() >= Date.parse(notice.staleAt);
  if (preferences.delivery === 'daily' && !staleInDigest) {
    await insertDigestItem(trx, { userId: notice.userId, purpose: notice.purpose, subject: notice.subject, text: notice.text }, now);
    return 'digest';
  }
  await queueEmail(trx, email, ctx.deliverMail, now);
  return 'queued';
}

/** Where a user changes what they are told: every optional notice links there. */
export function preferencesUrl(baseUrl: string, locale: Locale): string {
  return `${baseUrl}${pagePath(locale, 'accountNotifications')}`;
}
