import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/schema.js';
import { addressIsLimited, addressLimit, lockedUntilAfterFailure } from '../../domain/login-throttle.js';
import { needsSecondFactor } from '../../policies/policies.js';
import { dummyPasswordHash, verifyPassword } from '../../security/passwords.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { startSession } from './session.service.js';
import { deleteSession } from './sessions.repository.js';
import { findUserByEmail, rolesOfUser, updateUser } from './users.repository.js';

export type SignInResult =
  | { ok: true; token: string; user: UserRow; next: 'done' | 'second-factor' | 'set-up-second-factor' }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; minutes: number }
  | { ok: false; reason: 'address-limited' };

async function failuresFrom(db: Db, ip: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - addressLimit.windowMinutes * 60_000).toISOString();
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Checks an e-mail and password. Unknown e-mails cost the same argon2 work as wrong passwords, and
 * both get the same answer. Every attempt is audited; a success starts a session with a new id,
 * which still waits for the second factor when the user has one or must have one.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; ip: string; userAgent: string | null },
  now: Date,
  config: Config,
): Promise<SignInResult> {
  const actor: Actor = { userId: null, label: 'anonymous', ip: input.ip };
  if (addressIsLimited(await failuresFrom(db, input.ip, now))) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, actor, { action: 'auth.sign-in.refused', after: { reason: 'address-limited' } }, now),
    );
    return { ok: false, reason: 'address-limited' };
  }
  const user = await findUserByEmail(db, input.email);
  const usable = user && user.status === 'active' && user.password_hash;
  if (usable && user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, { ...actor, userId: user.id }, { action: 'auth.sign-in.refused', entityType: 'user', entityId: user.id, after: { reason: 'locked' } }, now),
    );
    return { ok: false, reason: 'locked', minutes: Math.max(1, Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000)) };
  }
  const passwordOk = usable
    ? await verifyPassword(user.password_hash!, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password), false);

  if (!usable || !passwordOk) {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('login_failures').values({ ip: input.ip, at: now.toISOString() }).execute();
      if (usable) {
        const failures = user.failed_logins + 1;
        const lockedUntil = lockedUntilAfterFailure(failures, now);
        await updateUser(trx, user.id, { failed_logins: failures, locked_until: lockedUntil?.toISOString() ?? null });
      }
      await appendAudit(
        trx,
        { ...actor, userId: user?.id ?? null },
        {
          action: 'auth.sign-in.failed',
          ...(user ? { entityType: 'user', entityId: user.id } : {}),
          after: { reason: user ? (user.status === 'active' ? 'wrong-password' : `account-${user.status}`) : 'unknown-email' },
        },
        now,
      );
    });
    return { ok: false, reason: 'invalid' };
  }

  const roles = await rolesOfUser(db, user.id);
  const next = user.totp_enabled_at ? 'second-factor' : needsSecondFactor(roles) ? 'set-up-second-factor' : 'done';
  const token = await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { failed_logins: 0, locked_until: null, ...(next === 'done' ? { last_login_at: now.toISOString() } : {}) });
    await appendAudit(
      trx,
      { ...actor, userId: user.id, label: 'user' },
      { action: next === 'done' ? 'auth.sign-in.succeeded' : 'auth.sign-in.password-accepted', entityType: 'user', entityId: user.id, after: { method: 'password' } },
      now,
    );
    return startSession(trx, { userId: user.id, method: 'password', mfaPending: next !== 'done', ip: input.ip, userAgent: input.userAgent }, now, config);
  });
  return { ok: true, token, user, next };
}

export async function signOut(db: Db, sessionIdHash: string, actor: Actor, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionIdHash);
    if (actor.userId !== null) await appendAudit(trx, actor, { action: 'auth.sign-out', entityType: 'user', entityId: actor.userId }, now);
  });
}

/**
 * After the second factor: the pending session is replaced by a full one with a new id, so that an
 * id seen before the second factor is worth nothing after it.
 */
export async function completeSignIn(
  db: Db,
  pending: { idHash: string; userId: number; method: 'password' | 'oidc' },
  meta: { ip: string; userAgent: string | null; via: string },
  now: Date,
  config: Config,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await deleteSession(trx, pending.idHash);
    await updateUser(trx, pending.userId, { last_login_at: now.toISOString() });
    await appendAudit(
      trx,
      { userId: pending.userId, label: 'user', ip: meta.ip },
      { action: 'auth.sign-in.succeeded', entityType: 'user', entityId: pending.userId, after: { method: pending.method, secondFactor: meta.via } },
      now,
    );
    return startSession(trx, { userId: pending.userId, method: pending.method, mfaPending: false, ip: meta.ip, userAgent: meta.userAgent }, now, config);
  });
}

/** Where to go after signing in: only a path on this site, never another site. */
export function safeNextPath(next: unknown, fallback: string): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return fallback;
  if (/[\u0000-\u001f]/.test(next) || next.length > 500) return fallback;
  return next;
}
