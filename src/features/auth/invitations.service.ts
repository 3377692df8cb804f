import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { AssignedRole, Database, UserRow } from '../../db/schema.js';
import { formatDateTime } from '../../i18n/format.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import { pagePath } from '../../http/page-paths.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { queueEmail } from '../mail/email.repository.js';
import { describeInvitation, invitationMessages, type InvitationSubject } from './invitations.messages.js';
import { registrationMessages } from './invitations.registration.messages.js';
import { issueOneTimeToken, withdrawOneTimeTokens } from './one-time-tokens.repository.js';
import { findUserByEmail, findUserById, grantRole, insertUser, normaliseEmail, updateUser } from './users.repository.js';

export interface InvitationRequest {
  email: string;
  name: string;
  locale: Locale;
  role?: { role: AssignedRole; regionCode: string | null };
  organisation?: { id: number; isAdmin: boolean };
}

export type InvitationResult =
  | { ok: true; userId: number; existing: boolean }
  | { ok: false; reason: 'email-invalid' | 'already-member' | 'account-disabled' };

/** An invitation link works for a week: long enough for a holiday, short enough to go stale safely. */
export const INVITATION_VALID_DAYS = 7;

/** What an invitation token carries, so the acceptance page can say who invited whom to what. */
export interface InvitationData {
  inviterName: string | null;
  role?: { role: AssignedRole; regionCode: string | null };
  organisation?: { id: number; name: string; isAdmin: boolean };
  /** Set when the person started the account themselves: the link confirms their address. */
  selfRegistration?: true;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && emailPattern.test(email);
}

function userLocale(user: UserRow): Locale {
  return isLocale(user.locale) ? user.locale : 'fi';
}

async function inviterName(trx: Executor, actor: Actor): Promise<string | null> {
  if (actor.userId === null) return null;
  return (await findUserById(trx, actor.userId))?.name ?? null;
}

/** The invitation's subject with names in the reader's language (regions and organisations from the database). */
export async function invitationSubject(db: Executor, data: InvitationData, locale: Locale): Promise<InvitationSubject> {
  const subject: InvitationSubject = {};
  if (data.role) {
    const region = data.role.regionCode
      ? await db.selectFrom('regions').select(['name_fi', 'name_sv', 'name_en']).where('code', '=', data.role.regionCode).executeTakeFirst()
      : undefined;
    subject.role = { role: data.role.role, regionName: region ? region[`name_${locale}`] : null };
  }
  if (data.organisation) subject.organisation = { name: data.organisation.name, isAdmin: data.organisation.isAdmin };
  return subject;
}

/** Grants what the invitation gives; returns whether anything was new. Audits each grant. */
async function grantAccess(
  trx: Transaction<Database>,
  actor: Actor,
  userId: number,
  input: InvitationRequest,
  now: Date,
): Promise<boolean> {
  let changed = false;
  if (input.role) {
    const id = await grantRole(trx, userId, input.role.role, input.role.regionCode, now);
    if (id !== null) {
      changed = true;
      await appendAudit(trx, actor, { action: 'role.granted', entityType: 'user', entityId: userId, after: input.role }, now);
    }
  }
  if (input.organisation) {
    const { id: organisationId, isAdmin } = input.organisation;
    const member = await trx
      .selectFrom('organisation_members')
      .select('is_admin')
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!member) {
      await trx
        .insertInto('organisation_members')
        .values({ organisation_id: organisationId, user_id: userId, is_admin: isAdmin ? 1 : 0, created_at: now.toISOString() })
        .execute();
      await appendAudit(
        trx,
        actor,
        { action: 'organisation.member-added', entityType: 'organisation', entityId: organisationId, after: { userId, isAdmin } },
        now,
      );
      changed = true;
    } else if (isAdmin && member.is_admin !== 1) {
      // An invitation never takes rights away: a member invited as a plain member stays an administrator.
      await trx
        .updateTable('organisation_members')
        .set({ is_admin: 1 })
        .where('organisation_id', '=', organisationId)
        .where('user_id', '=', userId)
        .execute();
      await appendAudit(
        trx,
        actor,
        {
          action: 'organisation.member-changed',
          entityType: 'organisation',
          entityId: organisationId,
          before: { userId, isAdmin: false },
          after: { userId, isAdmin: true },
        },
        now,
      );
      changed = true;
    }
  }
  return changed;
}

async function invitationData(trx: Executor, actor: Actor, input: InvitationRequest): Promise<InvitationData> {
  const data: InvitationData = { inviterName: await inviterName(trx, actor) };
  if (input.role) data.role = input.role;
  if (input.organisation) {
    const org = await trx.selectFrom('organisations').select('name').where('id', '=', input.organisation.id).executeTakeFirst();
    data.organisation = { id: input.organisation.id, name: org?.name ?? '', isAdmin: input.organisation.isAdmin };
  }
  return data;
}

/**
 * A link that confirms a self-typed address works for a day: the account behind it is nobody's yet,
 * so a stale link in a mailbox should not stay a key for a week, and starting again costs nothing.
 */
export const SELF_REGISTRATION_VALID_HOURS = 24;

/**
 * Withdraws older links, issues a new one and queues the e-mail in the person's language: an
 * invitation, or for a self-started account a request to confirm the address.
 */
export async function sendInvitationLink(
  trx: Transaction<Database>,
  user: { id: number; email: string; name: string; locale: Locale },
  data: InvitationData,
  now: Date,
  ctx: { baseUrl: string; deliver: boolean },
): Promise<void> {
  await withdrawOneTimeTokens(trx, user.id, 'invite', now);
  const validMinutes = data.selfRegistration ? SELF_REGISTRATION_VALID_HOURS * 60 : INVITATION_VALID_DAYS * 24 * 60;
  const token = await issueOneTimeToken(trx, { purpose: 'invite', userId: user.id, data, validMinutes }, now);
  const site = messages(user.locale).site.name;
  const link = `${ctx.baseUrl}${pagePath(user.locale, 'invitation')}/${token}`;
  const until = formatDateTime(new Date(now.getTime() + validMinutes * 60_000), user.locale);
  if (data.selfRegistration) {
    const r = registrationMessages[user.locale];
    await queueEmail(
      trx,
      { userId: user.id, to: user.email, locale: user.locale, purpose: 'self-registration', subject: r.confirmSubject(site), text: r.confirmBody(site, link, until) },
      ctx.deliver,
      now,
    );
    return;
  }
  const m = invitationMessages[user.locale];
  const what = describeInvitation(user.locale, await invitationSubject(trx, data, user.locale));
  await queueEmail(
    trx,
    {
      userId: user.id,
      to: user.email,
      locale: user.locale,
      purpose: 'invitation',
      subject: m.inviteSubject(site),
      text: m.inviteBody(user.name, data.inviterName ?? m.someone, what, site, link, until),
    },
    ctx.deliver,
    now,
  );
}

/**
 * Invites someone by e-mail, or gives an existing account the role or membership at once.
 * A new address gets an account waiting for its password (status 'invited') with the role and
 * membership already recorded, and a single-use link valid for a week; inviting again replaces the
 * link. `existing` is true when the person already had an active account (they get a notice, no link).
 * Runs inside the caller's transaction; audits 'user.invited' and each grant; queues the e-mail
 * (the caller flushes the mailer after commit).
 */
export async function issueInvitation(
  trx: Transaction<Database>,
  actor: Actor,
  input: InvitationRequest,
  now: Date,
  ctx: { baseUrl: string; deliver: boolean },
): Promise<InvitationResult> {
  const email = normaliseEmail(input.email);
  if (!isPlausibleEmail(email)) return { ok: false, reason: 'email-invalid' };
  const name = input.name.trim().slice(0, 200) || email.split('@')[0]!;
  const at = now.toISOString();
  const existing = await findUserByEmail(trx, email);

  if (existing && (existing.status === 'disabled' || existing.status === 'erased')) return { ok: false, reason: 'account-disabled' };

  if (existing && existing.status === 'active') {
    if (!(await grantAccess(trx, actor, existing.id, input, now))) return { ok: false, reason: 'already-member' };
    const locale = userLocale(existing);
    const m = invitationMessages[locale];
    const data = await invitationData(trx, actor, input);
    const site = messages(locale).site.name;
    const what = describeInvitation(locale, await invitationSubject(trx, data, locale));
    await queueEmail(
      trx,
      {
        userId: existing.id,
        to: existing.email,
        locale,
        purpose: 'access-granted',
        subject: m.grantSubject(site),
        text: m.grantBody(existing.name, data.inviterName ?? m.someone, what, site, `${ctx.baseUrl}${pagePath(locale, 'signIn')}`),
      },
      ctx.deliver,
      now,
    );
    return { ok: true, userId: existing.id, existing: true };
  }

  let user: UserRow;
  if (existing) {
    // Still invited: the newest invitation's name and language win, and the old link stops working.
    await updateUser(trx, existing.id, { name, locale: input.locale, updated_at: at });
    user = { ...existing, name, locale: input.locale };
  } else {
    user = await insertUser(trx, { email, name, locale: input.locale, status: 'invited', password_hash: null, created_at: at, updated_at: at });
  }
  await appendAudit(
    trx,
    actor,
    {
      action: 'user.invited',
      entityType: 'user',
      entityId: user.id,
      after: { locale: input.locale, role: input.role ?? null, organisationId: input.organisation?.id ?? null, again: existing !== undefined },
    },
    now,
  );
  await grantAccess(trx, actor, user.id, input, now);
  const data = await invitationData(trx, actor, input);
  await sendInvitationLink(trx, { id: user.id, email, name, locale: input.locale }, data, now, ctx);
  return { ok: true, userId: user.id, existing: false };
}

export type ResendResult = { ok: true } | { ok: false; reason: 'not-invited' };

/**
 * Sends a new invitation link to someone who has not yet taken their account into use, carrying
 * what the latest invitation said; the older link stops working. Audits 'user.invitation-resent'.
 */
export async function resendInvitation(
  trx: Transaction<Database>,
  actor: Actor,
  userId: number,
  now: Date,
  ctx: { baseUrl: string; deliver: boolean },
): Promise<ResendResult> {
  const user = await findUserById(trx, userId);
  if (!user || user.status !== 'invited') return { ok: false, reason: 'not-invited' };
  const last = await trx
    .selectFrom('one_time_tokens')
    .select('data')
    .where('user_id', '=', userId)
    .where('purpose', '=', 'invite')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  let data: InvitationData = { inviterName: await inviterName(trx, actor) };
  if (last?.data) {
    try {
      data = { ...(JSON.parse(last.data) as InvitationData) };
    } catch {
      // A damaged record only loses the "who and what" wording of the e-mail.
    }
  }
  await appendAudit(trx, actor, { action: 'user.invitation-resent', entityType: 'user', entityId: userId }, now);
  await sendInvitationLink(trx, { id: user.id, email: user.email, name: user.name, locale: userLocale(user) }, data, now, ctx);
  return { ok: true };
}
