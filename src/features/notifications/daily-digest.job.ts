import type { Db } from '../../db/database.js';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import { isLocale } from '../../i18n/locales.js';
import { claimJobSlot } from '../../jobs/job-runs.js';
import type { JobContext, ScheduledJob } from '../../jobs/scheduler.js';
import { queueEmail } from '../mail/email.repository.js';
import { markDigested, pendingDigestItems, usersWithPendingDigest } from './digest-items.repository.js';
import { digestDue } from './digest-schedule.js';
import { notificationMailMessages } from './notification-mail.messages.js';
import { preferencesUrl } from './notify-user.js';

/** Notices older than this are not sent any more: stale news, and a guard against items whose e-mail was pruned. */
export const DIGEST_MAX_AGE_DAYS = 14;

const separator = '\n\n――――――――――――――――――――\n\n';

/** One user's waiting notices as one e-mail, and the notices marked with it, in one transaction. */
async function sendDigest(db: Db, userId: number, since: Date, ctx: JobContext, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['name', 'email', 'locale']).where('id', '=', userId).executeTakeFirst();
    const items = await pendingDigestItems(trx, userId, since);
    if (!user || items.length === 0) return false;
    const locale = isLocale(user.locale) ? user.locale : 'fi';
    const m = notificationMailMessages[locale];
    const parts = [m.digestIntro(user.name), ...items.map((item, i) => `${i + 1}. ${item.subject}\n\n${item.text}`), m.digestOutro(preferencesUrl(ctx.config.baseUrl, locale))];
    const email = { userId, to: user.email, locale, purpose: 'daily-digest', subject: m.digestSubject(items.length), text: parts.join(separator) };
    const emailId = await queueEmail(trx, email, ctx.deliverMail, now);
    await markDigested(trx, items.map((item) => item.id), emailId);
    return true;
  });
}

/**
 * Sends each user who chose the daily digest one e-mail of the notices gathered since the last one,
 * on the first tick at or after 7.00 Helsinki time. The day's slot is claimed first, in a
 * transaction of its own, so only one instance sends; each user's e-mail is then written with its
 * items marked in one transaction. If the instance stops midway, the users it had not reached keep
 * their items without an e-mail, and the next day's digest picks them up: late, but neither lost nor
 * sent twice.
 */
export const dailyDigestJob: ScheduledJob = {
  name: 'daily-digest',
  async run(db, now, ctx) {
    if (!digestDue(now)) return 0;
    const slot = `daily-digest:${helsinkiDate(now)}`;
    if (!(await db.transaction().execute((trx) => claimJobSlot(trx, slot, ctx.owner, now)))) return 0;
    const since = new Date(now.getTime() - DIGEST_MAX_AGE_DAYS * 24 * 60 * 60 * 1000);
    let sent = 0;
    for (const userId of await usersWithPendingDigest(db, since)) {
      if (await sendDigest(db, userId, since, ctx, now)) sent += 1;
    }
    return sent;
  },
};
