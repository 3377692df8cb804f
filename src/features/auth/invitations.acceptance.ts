import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/schema.js';
import { needsSecondFactor } from '../../policies/policies.js';
import { hashPassword } from '../../security/passwords.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import type { InvitationData } from './invitations.service.js';
import { consumeOneTimeToken, lookUpOneTimeToken, withdrawOneTimeTokens } from './one-time-tokens.repository.js';
import { startSession } from './session.service.js';
import { findUserById, rolesOfUser, updateUser } from './users.repository.js';

export type InvitationLinkState = { ok: true; user: UserRow; tokenId: number; data: InvitationData } | { ok: false };

function asInvitationData(value: unknown): InvitationData {
  return value !== null && typeof value === 'object' ? (value as InvitationData) : { inviterName: null };
}

/** Whether an invitation link can still be used: unspent, in date, and its account still waiting. */
export async function openInvitationLink(db: Db, token: string, now: Date): Promise<InvitationLinkState> {
  const found = await lookUpOneTimeToken(db, 'invite', token, now);
  if (found.state !== 'valid' || found.token.userId === null) return { ok: false };
  const user = await findUserById(db, found.token.userId);
  if (!user || user.status !== 'invited') return { ok: false };
  return { ok: true, user, tokenId: found.token.id, data: asInvitationData(found.token.data) };
}

export type AcceptResult = { ok: true; sessionToken: string; next: 'done' | 'set-up-second-factor' } | { ok: false };

/**
 * Takes the account into use (the password already checked against the rules): the user becomes
 * active, the link is spent and they are signed in with a new session. Officials must still set up
 * the second factor before that session is worth anything. Audits 'user.invitation-accepted', or
 * 'user.self-registration-confirmed' when the person started the account themselves.
 */
export async function acceptInvitation(
  db: Db,
  link: { user: UserRow; tokenId: number; data?: InvitationData },
  input: { name: string; password: string },
  meta: { ip: string; userAgent: string | null },
  now: Date,
  config: Config,
): Promise<AcceptResult> {
  const passwordHash = await hashPassword(input.password);
  const userId = link.user.id;
  const actor: Actor = { userId, label: 'user', ip: meta.ip };
  return db.transaction().execute(async (trx): Promise<AcceptResult> => {
    if (!(await consumeOneTimeToken(trx, link.tokenId, now))) return { ok: false };
    const current = await findUserById(trx, userId);
    if (!current || current.status !== 'invited') return { ok: false };
    await withdrawOneTimeTokens(trx, userId, 'invite', now);
    const at = now.toISOString();
    const next = needsSecondFactor(await rolesOfUser(trx, userId)) && !current.totp_enabled_at ? 'set-up-second-factor' : 'done';
    await updateUser(trx, userId, {
      name: input.name,
      status: 'active',
      password_hash: passwordHash,
      password_changed_at: at,
      failed_logins: 0,
      locked_until: null,
      updated_at: at,
      ...(next === 'done' ? { last_login_at: at } : {}),
    });
    await appendAudit(
      trx,
      actor,
      {
        entityType: 'user',
        entityId: userId,
        // A self-started account's name was typed by whoever filled in the form: the log keeps no copy.
        ...(link.data?.selfRegistration
          ? { action: 'user.self-registration-confirmed', before: { status: 'invited' }, after: { status: 'active', nameChanged: input.name !== current.name } }
          : { action: 'user.invitation-accepted', before: { status: 'invited', name: current.name }, after: { status: 'active', name: input.name } }),
      },
      now,
    );
    const sessionToken = await startSession(
      trx,
      { userId, method: 'password', mfaPending: next !== 'done', ip: meta.ip, userAgent: meta.userAgent },
      now,
      config,
    );
    return { ok: true, sessionToken, next };
  });
}
