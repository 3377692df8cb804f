import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/schema.js';
import { formatDateTime } from '../../i18n/format.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import { pagePath } from '../../http/page-paths.js';
import { hashPassword } from '../../security/passwords.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { queueEmail } from '../mail/email.repository.js';
import { isPlausibleEmail, resendInvitation } from './invitations.service.js';
import {
  consumeOneTimeToken,
  countTokensIssuedSince,
  issueOneTimeToken,
  lookUpOneTimeToken,
  withdrawOneTimeTokens,
} from './one-time-tokens.repository.js';
import { passwordResetMessages } from './password-reset.messages.js';
import { deleteSessionsOfUser } from './sessions.repository.js';
import { findUserByEmail, findUserById, normaliseEmail, updateUser } from './users.repository.js';

/** A reset link works for an hour: long enough to read the mail, short enough that an old inbox is no key. */
export const RESET_VALID_MINUTES = 60;
/**
 * Limits on reset mail, so the form cannot be used to flood someone's inbox: three links per
 * account an hour, and twenty requests an hour from one address whatever e-mails they name.
 */
export const resetLimits = { perAccountPerHour: 3, perAddressPerHour: 20 } as const;

export type ResetRequestOutcome = 'sent' | 'invitation-resent' | 'no-account' | 'account-limited' | 'address-limited';

function localeOf(user: UserRow): Locale {
  return isLocale(user.locale) ? user.locale : 'fi';
}

async function requestsFromAddress(db: Db, ip: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'auth.password-reset.requested')
    .where('ip', '=', ip)
    .where('at', '>', since.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Sends a reset link when the address belongs to an active account (with or without a password:
 * a single-sign-on user may set one this way). Someone still invited gets a fresh invitation link
 * instead, which sets the password too. The caller answers the same whatever the outcome, so the
 * form does not tell who has an account. Audits 'auth.password-reset.requested'.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; ip: string },
  now: Date,
  ctx: { baseUrl: string; deliver: boolean },
): Promise<ResetRequestOutcome> {
  const email = normaliseEmail(input.email);
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const anonymous: Actor = { userId: null, label: 'anonymous', ip: input.ip };
  const user = isPlausibleEmail(email) ? await findUserByEmail(db, email) : undefined;
  const addressLimited = (await requestsFromAddress(db, input.ip, hourAgo)) >= resetLimits.perAddressPerHour;

  return db.transaction().execute(async (trx): Promise<ResetRequestOutcome> => {
    let outcome: ResetRequestOutcome;
    if (addressLimited) outcome = 'address-limited';
    else if (!user || user.status === 'disabled' || user.status === 'erased') outcome = 'no-account';
    else if ((await countTokensIssuedSince(trx, user.id, user.status === 'invited' ? 'invite' : 'reset', hourAgo)) >= resetLimits.perAccountPerHour) {
      outcome = 'account-limited';
    } else if (user.status === 'invited') {
      await resendInvitation(trx, { ...anonymous, userId: user.id, label: 'user' }, user.id, now, ctx);
      outcome = 'invitation-resent';
    } else {
      const token = await issueOneTimeToken(trx, { purpose: 'reset', userId: user.id, validMinutes: RESET_VALID_MINUTES }, now);
      const locale = localeOf(user);
      const m = passwordResetMessages[locale];
      const site = messages(locale).site.name;
      await queueEmail(
        trx,
        {
          userId: user.id,
          to: user.email,
          locale,
          purpose: 'password-reset',
          subject: m.resetSubject(site),
          text: m.resetBody(user.name, site, `${ctx.baseUrl}${pagePath(locale, 'passwordReset')}/${token}`),
        },
        ctx.deliver,
        now,
      );
      outcome = 'sent';
    }
    const known = user && outcome !== 'no-account';
    await appendAudit(
      trx,
      known ? { ...anonymous, userId: user.id } : anonymous,
      { action: 'auth.password-reset.requested', ...(known ? { entityType: 'user', entityId: user.id } : {}), after: { outcome } },
      now,
    );
    return outcome;
  });
}

export type ResetLinkState = { ok: true; user: UserRow; tokenId: number } | { ok: false };

/** Whether a reset link can still be used, and by whom. */
export async function openResetLink(db: Db, token: string, now: Date): Promise<ResetLinkState> {
  const found = await lookUpOneTimeToken(db, 'reset', token, now);
  if (found.state !== 'valid' || found.token.userId === null) return { ok: false };
  const user = await findUserById(db, found.token.userId);
  if (!user || user.status !== 'active') return { ok: false };
  return { ok: true, user, tokenId: found.token.id };
}

/**
 * Sets the new password from a reset link (the password already checked against the rules): the
 * link is spent, the failure count and lock cleared, every session of the user ended, other reset
 * links withdrawn, and a notice mailed. Returns false when the link was spent in the meantime.
 * Audits 'auth.password-reset'.
 */
export async function completePasswordReset(
  db: Db,
  actor: Actor,
  link: { user: UserRow; tokenId: number },
  password: string,
  now: Date,
  ctx: { baseUrl: string; deliver: boolean },
): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  const { user } = link;
  return db.transaction().execute(async (trx) => {
    if (!(await consumeOneTimeToken(trx, link.tokenId, now))) return false;
    await withdrawOneTimeTokens(trx, user.id, 'reset', now);
    await updateUser(trx, user.id, {
      password_hash: passwordHash,
      password_changed_at: now.toISOString(),
      failed_logins: 0,
      locked_until: null,
      updated_at: now.toISOString(),
    });
    const sessionsEnded = await deleteSessionsOfUser(trx, user.id);
    await appendAudit(
      trx,
      { ...actor, userId: user.id },
      { action: 'auth.password-reset', entityType: 'user', entityId: user.id, after: { sessionsEnded, hadPassword: user.password_hash !== null } },
      now,
    );
    const locale = localeOf(user);
    const m = passwordResetMessages[locale];
    const site = messages(locale).site.name;
    await queueEmail(
      trx,
      {
        userId: user.id,
        to: user.email,
        locale,
        purpose: 'password-changed',
        subject: m.changedSubject(site),
        text: m.changedBody(user.name, site, formatDateTime(now, locale), `${ctx.baseUrl}${pagePath(locale, 'passwordReset')}`),
      },
      ctx.deliver,
      now,
    );
    return true;
  });
}
