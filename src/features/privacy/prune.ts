import type { Db } from '../../db/database.js';
import { appendAudit, systemActor } from '../audit/audit.repository.js';

/** Retention periods of docs/privacy.md that a cheap periodic delete enforces. */
export const retention = {
  sessionIdleMinutes: 30,
  loginFailureHours: 24,
  oneTimeTokenDaysAfterUse: 7,
  emailDays: 365,
} as const;

export interface PruneCounts {
  sessions: number;
  loginFailures: number;
  oneTimeTokens: number;
  emails: number;
}

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

/**
 * Deletes personal data whose retention has run out: sessions past their absolute expiry or idle
 * limit, failed sign-in records older than a day (the rate limit looks back 15 minutes), one-time
 * tokens a week after use or expiry, and e-mail copies after a year (pending ones are left for the
 * mailer). Meant to run every hour or so; idempotent. One audit entry records the counts, when
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
    };
    if (Object.values(counts).some((c) => c > 0)) {
      await appendAudit(trx, systemActor, { action: 'privacy.pruned', after: counts }, now);
    }
    return counts;
  });
}
