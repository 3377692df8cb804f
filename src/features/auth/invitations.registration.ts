import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database, UserRow } from '../../db/schema.js';
import type { Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import { pagePath } from '../../http/page-paths.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { queueEmail } from '../mail/email.repository.js';
import { registrationMessages } from './invitations.registration.messages.js';
import { resendInvitation, sendInvitationLink, type InvitationData } from './invitations.service.js';
import { findUserByEmail, insertUser, normaliseEmail, updateUser } from './users.repository.js';

/**
 * Limits on the create-account form, so it cannot flood an inbox or mint accounts in bulk: three
 * messages an hour to one address, and twenty requests an hour from one network address (a campus
 * behind one public address can still register a class at a time).
 */
export const registrationLimits = { perTargetPerHour: 3, perSourcePerHour: 20 } as const;

/** The audit action every request leaves; the per-source limit counts these. */
export const REGISTRATION_REQUESTED = 'user.self-registration-requested';

/** Mails this form (or an invitation) may send to one address; the per-target limit counts them. */
const limitedPurposes = ['self-registration', 'account-exists', 'invitation'] as const;

export type RegistrationOutcome =
  | 'created'
  | 'link-resent'
  | 'invitation-resent'
  | 'account-exists'
  | 'account-closed'
  | 'target-limited'
  | 'source-limited';

export interface RegistrationRequest {
  email: string;
  name: string;
  locale: Locale;
  ip: string;
}

async function requestsFromSource(db: Db, ip: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', REGISTRATION_REQUESTED)
    .where('ip', '=', ip)
    .where('at', '>', since.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function mailsToTarget(trx: Transaction<Database>, email: string, since: Date): Promise<number> {
  const row = await trx
    .selectFrom('email_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('to_address', '=', email)
    .where('purpose', 'in', [...limitedPurposes])
    .where('created_at', '>', since.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the newest link of a waiting account came from this form rather than from an invitation. */
async function startedByThemselves(trx: Transaction<Database>, userId: number): Promise<boolean> {
  const last = await trx
    .selectFrom('one_time_tokens')
    .select('data')
    .where('user_id', '=', userId)
    .where('purpose', '=', 'invite')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last?.data) return false;
  try {
    return (JSON.parse(last.data) as InvitationData).selfRegistration === true;
  } catch {
    return false;
  }
}

async function noticeExistingAccount(trx: Transaction<Database>, user: UserRow, locale: Locale, now: Date, ctx: { baseUrl: string; deliver: boolean }) {
  const r = registrationMessages[locale];
  const site = messages(locale).site.name;
  await queueEmail(
    trx,
    {
      userId: user.id,
      to: user.email,
      locale,
      purpose: 'account-exists',
      subject: r.existsSubject(site),
      // The stored name, not the typed one: a stranger's text never reaches the account holder.
      text: r.existsBody(user.name, site, `${ctx.baseUrl}${pagePath(locale, 'signIn')}`, `${ctx.baseUrl}${pagePath(locale, 'passwordReset')}`),
    },
    ctx.deliver,
    now,
  );
}

async function attempt(db: Db, input: RegistrationRequest, now: Date, ctx: { baseUrl: string; deliver: boolean }): Promise<RegistrationOutcome> {
  const email = normaliseEmail(input.email);
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const anonymous: Actor = { userId: null, label: 'anonymous', ip: input.ip };
  const sourceLimited = (await requestsFromSource(db, input.ip, hourAgo)) >= registrationLimits.perSourcePerHour;

  return db.transaction().execute(async (trx): Promise<RegistrationOutcome> => {
    const user = await findUserByEmail(trx, email);
    let outcome: RegistrationOutcome;
    let userId = user?.id ?? null;
    if (sourceLimited) outcome = 'source-limited';
    else if (user && (user.status === 'disabled' || user.status === 'erased')) outcome = 'account-closed';
    else if ((await mailsToTarget(trx, email, hourAgo)) >= registrationLimits.perTargetPerHour) outcome = 'target-limited';
    else if (user && user.status === 'active') {
      await noticeExistingAccount(trx, user, input.locale, now, ctx);
      outcome = 'account-exists';
    } else if (user && !(await startedByThemselves(trx, user.id))) {
      // Invited by someone: a fresh copy of that invitation, which says what it gives.
      await resendInvitation(trx, { ...anonymous, userId: user.id, label: 'user' }, user.id, now, ctx);
      outcome = 'invitation-resent';
    } else {
      const at = now.toISOString();
      if (user) {
        // Started again before confirming: the newest form's name and language win; the old link stops working.
        await updateUser(trx, user.id, { name: input.name, locale: input.locale, updated_at: at });
        outcome = 'link-resent';
      } else {
        const created = await insertUser(trx, {
          email,
          name: input.name,
          locale: input.locale,
          status: 'invited',
          password_hash: null,
          created_at: at,
          updated_at: at,
        });
        userId = created.id;
        await appendAudit(
          trx,
          anonymous,
          { action: 'user.self-registered', entityType: 'user', entityId: created.id, after: { status: 'invited', locale: input.locale } },
          now,
        );
        outcome = 'created';
      }
      await sendInvitationLink(trx, { id: userId!, email, name: input.name, locale: input.locale }, { inviterName: null, selfRegistration: true }, now, ctx);
    }
    await appendAudit(
      trx,
      anonymous,
      { action: REGISTRATION_REQUESTED, ...(userId !== null ? { entityType: 'user', entityId: userId } : {}), after: { outcome } },
      now,
    );
    return outcome;
  });
}

/**
 * Handles the create-account form (fields already checked). A new address gets an account waiting
 * for its password (status 'invited') and a link to confirm the address; an active account gets a
 * notice to sign in instead; a waiting account gets a fresh link; a closed one nothing. The caller
 * answers the same whatever happened, so the form does not tell who has an account. Audits
 * 'user.self-registration-requested' every time and 'user.self-registered' when an account is made.
 * Queues mail; the caller flushes the mailer.
 */
export async function requestSelfRegistration(
  db: Db,
  input: RegistrationRequest,
  now: Date,
  ctx: { baseUrl: string; deliver: boolean },
): Promise<RegistrationOutcome> {
  try {
    return await attempt(db, input, now, ctx);
  } catch (error) {
    // Two forms for the same new address at once: the slower insert meets the unique e-mail and
    // its transaction is rolled back; run it again, now as a request for an existing account.
    if (await findUserByEmail(db, input.email)) return attempt(db, input, now, ctx);
    throw error;
  }
}
