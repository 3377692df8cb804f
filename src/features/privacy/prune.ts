import type { Db } from '../../db/database.js';
import { appendAudit, systemActor } from '../audit/audit.repository.js';

/** Retention periods of docs/privacy.md that a cheap periodic delete enforces. */
export const retention = {
  sessionIdleMinutes: 30,
  loginFailureHours: 24,
  oneTimeTokenDaysAfterUse: 7,
  emailDays: 365,
  unsubscribedDays: 30,
  /** Delivered outbox rows are kept a month for tracing; failed ones a year, for administrators to look into. */
  outboxDeliveredDays: 30,
  outboxFailedDays: 365,
  webhookDeliveryDays: 90,
  jobRunDays: 400,
} as const;

export interface PruneCounts {
  sessions: number;
  loginFailures: number;
  oneTimeTokens: number;
  emails: number;
  /** E-mail subscriptions unsubscribed 30 days ago, or never confirmed before their link expired. */
  subscriptions: number;
  /** Done outbox rows, webhook deliveries with their attempts, and records of job slots that ran, past their time. */
  outbox: number;
  webhookDeliveries: number;
  jobRuns: number;
}

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

/**
 * Deletes personal data whose retention has run out: sessions past their absolute expiry or idle
 * limit, failed sign-in records older than a day (the rate limit looks back 15 minutes), one-time
 * tokens a week after use or expiry, e-mail copies after a year (pending ones are left for the
 * mailer), and e-mail subscriptions 30 days after unsubscribing or once their confirmation link expired. Meant to run every hour or so; idempotent. One audit entry records the counts, when
 * anything was deleted.
 */
export async function pruneExpiredData(
  db: Db,
  now: Date,
  options: { sessionIdleMinutes?: number } = {},
): Promise<PruneCounts> {
  const idle = (options.sessionIdleMinutes ?? retention.sessionIdleMinutes) * 60_000;
  const day = 86_400_000;
  return db.transaction().execute(async (trx) => {
    const n = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
    const counts: PruneCounts = {
      sessions: n(
        await trx
          .deleteFrom('sessions')
          .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', ago(now, idle))]))
          .executeTakeFirst(),
      ),
      loginFailures: n(await trx.deleteFrom('login_failures').where('at', '<', ago(now, retention.loginFailureHours * 3_600_000)).executeTakeFirst()),
      oneTimeTokens: n(
        await trx
          .deleteFrom('one_time_tokens')
          .where((eb) =>
            eb.or([
              eb('used_at', '<', ago(now, retention.oneTimeTokenDaysAfterUse * day)),
              eb('expires_at', '<', ago(now, retention.oneTimeTokenDaysAfterUse * day)),
            ]),
          )
          .executeTakeFirst(),
      ),
      emails: n(
        await trx
          .deleteFrom('email_messages')
          .where('created_at', '<', ago(now, retention.emailDays * day))
          .where('status', 'in', ['sent', 'kept', 'failed'])
          .executeTakeFirst(),
      ),
      subscriptions: n(
        await trx
          .deleteFrom('email_subscriptions')
          .where((eb) =>
            eb.or([
              eb.and([eb('status', '=', 'unsubscribed'), eb('unsubscribed_at', '<', ago(now, retention.unsubscribedDays * day))]),
              eb.and([eb('status', '=', 'pending'), eb('confirm_expires_at', '<', now.toISOString())]),
            ]),
          )
          .executeTakeFirst(),
      ),
      outbox: n(
        await trx
          .deleteFrom('outbox')
          .where((eb) =>
            eb.or([
              eb.and([eb('status', '=', 'delivered'), eb('delivered_at', '<', ago(now, retention.outboxDeliveredDays * day))]),
              eb.and([eb('status', '=', 'failed'), eb('created_at', '<', ago(now, retention.outboxFailedDays * day))]),
            ]),
          )
          .executeTakeFirst(),
      ),
      webhookDeliveries: n(
        await trx
          .deleteFrom('webhook_deliveries')
          .where('status', 'in', ['delivered', 'failed'])
          .where('created_at', '<', ago(now, retention.webhookDeliveryDays * day))
          .executeTakeFirst(),
      ),
      jobRuns: n(await trx.deleteFrom('job_runs').where('ran_at', '<', ago(now, retention.jobRunDays * day)).executeTakeFirst()),
    };
    if (Object.values(counts).some((c) => c > 0)) {
      await appendAudit(trx, systemActor, { action: 'privacy.pruned', after: counts }, now);
    }
    return counts;
  });
}
