import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { SessionRow, UserRow } from '../../db/schema.js';
import { lockedUntilAfterFailure } from '../../domain/login-throttle.js';
import { checkPassword, type PasswordProblem } from '../../domain/password-policy.js';
import { formatDateTime } from '../../i18n/format.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { hashPassword, verifyPassword } from '../../security/passwords.js';
import { hmacBase64Url } from '../../security/tokens.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { startSession } from '../auth/session.service.js';
import { deleteSession, deleteSessionsOfUser, listSessionsOfUser } from '../auth/sessions.repository.js';
import { findUserById, updateUser } from '../auth/users.repository.js';
import { queueEmail } from '../mail/email.repository.js';
import { accountMessages } from './account.messages.js';

export const nameMaxLength = 200;

export interface ProfileChange {
  name: string;
  locale: Locale;
}

/**
 * Saves the user's name and language. The audit entry says which fields changed and the language,
 * never the name itself: the log outlives personal data (docs/privacy.md).
 */
export async function updateProfile(db: Db, actor: Actor, userId: number, change: ProfileChange, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) return false;
    const changed = [...(user.name !== change.name ? ['name'] : []), ...(user.locale !== change.locale ? ['locale'] : [])];
    if (changed.length === 0) return false;
    await updateUser(trx, userId, { name: change.name, locale: change.locale, updated_at: now.toISOString() });
    await appendAudit(
      trx,
      actor,
      { action: 'user.profile-updated', entityType: 'user', entityId: userId, before: { locale: user.locale }, after: { locale: change.locale, changed } },
      now,
    );
    return true;
  });
}

export type OwnPasswordCheck = { ok: true } | { ok: false; reason: 'wrong' } | { ok: false; reason: 'locked'; minutes: number };

/**
 * Checks the password a signed-in user gives to confirm a change. Wrong answers count towards the
 * same lock as sign-in, so a borrowed or stolen session cannot be used to guess the password.
 */
export async function checkOwnPassword(db: Db, actor: Actor, user: UserRow, password: string, purpose: string, now: Date): Promise<OwnPasswordCheck> {
  if (!user.password_hash) return { ok: true };
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    return { ok: false, reason: 'locked', minutes: Math.max(1, Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000)) };
  }
  if (await verifyPassword(user.password_hash, password)) return { ok: true };
  await db.transaction().execute(async (trx) => {
    const failures = user.failed_logins + 1;
    await updateUser(trx, user.id, { failed_logins: failures, locked_until: lockedUntilAfterFailure(failures, now)?.toISOString() ?? null });
    await appendAudit(trx, actor, { action: 'auth.password-check.failed', entityType: 'user', entityId: user.id, after: { purpose } }, now);
  });
  return { ok: false, reason: 'wrong' };
}

export type ChangePasswordResult =
  | { ok: true; token: string; endedSessions: number }
  | { ok: false; reason: 'wrong-current' | 'mismatch' }
  | { ok: false; reason: 'locked'; minutes: number }
  | { ok: false; reason: 'rules'; problems: PasswordProblem[] };

/**
 * Changes the password after checking the current one (users without a password, who sign in with
 * single sign-on, set one). Every other session ends, and this one continues under a new id, so a
 * session id stolen before the change is worth nothing after it. A notice is e-mailed to the user.
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  session: { idHash: string; userId: number; method: SessionRow['method'] },
  input: { current: string; next: string; confirm: string; ip: string; userAgent: string | null },
  now: Date,
  config: Config,
  deliverMail: boolean,
): Promise<ChangePasswordResult> {
  const user = await findUserById(db, session.userId);
  if (!user) return { ok: false, reason: 'wrong-current' };
  const check = await checkOwnPassword(db, actor, user, input.current, 'password-change', now);
  if (!check.ok) return check.reason === 'locked' ? check : { ok: false, reason: 'wrong-current' };
  const problems = checkPassword(input.next, { email: user.email, name: user.name });
  if (problems.length > 0) return { ok: false, reason: 'rules', problems };
  if (input.next !== input.confirm) return { ok: false, reason: 'mismatch' };
  const hash = await hashPassword(input.next);
  const locale: Locale = isLocale(user.locale) ? user.locale : 'fi';
  const m = accountMessages[locale];
  return db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, {
      password_hash: hash,
      password_changed_at: now.toISOString(),
      failed_logins: 0,
      locked_until: null,
      updated_at: now.toISOString(),
    });
    const ended = await deleteSessionsOfUser(trx, user.id, session.idHash);
    await deleteSession(trx, session.idHash);
    const token = await startSession(trx, { userId: user.id, method: session.method, mfaPending: false, ip: input.ip, userAgent: input.userAgent }, now, config);
    // Reset links sent earlier must not work after the user chose a new password themselves.
    await trx.deleteFrom('one_time_tokens').where('user_id', '=', user.id).where('purpose', '=', 'reset').where('used_at', 'is', null).execute();
    await appendAudit(trx, actor, { action: 'auth.password-changed', entityType: 'user', entityId: user.id, after: { endedSessions: ended } }, now);
    await queueEmail(
      trx,
      { userId: user.id, to: user.email, locale, purpose: 'password-changed', subject: m.passwordMailSubject, text: m.passwordMailText(formatDateTime(now, locale)) },
      deliverMail,
      now,
    );
    return { ok: true as const, token, endedSessions: ended };
  });
}

/**
 * A reference to a session for the forms of the sessions page: derived with the secret key from
 * the stored hash, so the page never shows what the database holds and a reference cannot be guessed.
 */
export function sessionReference(config: Config, idHash: string): string {
  return hmacBase64Url(config.secretKey, `session-ref|${idHash}`).slice(0, 22);
}

export async function sessionsWithReferences(db: Db, config: Config, userId: number) {
  const sessions = await listSessionsOfUser(db, userId);
  // Sessions still waiting for the second factor are listed too: someone knew the password.
  return sessions.map((s) => ({ ...s, reference: sessionReference(config, s.id_hash) }));
}

/** Ends one of the user's own sessions by its reference; false when there is no such session. */
export async function endOwnSession(db: Db, actor: Actor, userId: number, reference: string, config: Config, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const sessions = await listSessionsOfUser(trx, userId);
    const target = sessions.find((s) => sessionReference(config, s.id_hash) === reference);
    if (!target) return false;
    await deleteSession(trx, target.id_hash);
    await appendAudit(trx, actor, { action: 'auth.session-ended', entityType: 'user', entityId: userId, after: { scope: 'one', count: 1 } }, now);
    return true;
  });
}

/** Ends every session of the user but the current one, or every one including it. */
export async function endSessions(db: Db, actor: Actor, userId: number, scope: 'others' | 'all', currentIdHash: string, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const count = await deleteSessionsOfUser(trx, userId, scope === 'others' ? currentIdHash : undefined);
    await appendAudit(trx, actor, { action: 'auth.session-ended', entityType: 'user', entityId: userId, after: { scope, count } }, now);
    return count;
  });
}
