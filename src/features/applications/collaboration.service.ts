import type { Db, Executor } from '../../db/database.js';
import type { UserStatus } from '../../db/schema.js';
import { formatDateTime } from '../../i18n/format.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import { pagePath } from '../../http/page-paths.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { INVITATION_VALID_DAYS, isPlausibleEmail, type InvitationData } from '../auth/invitations.service.js';
import { issueOneTimeToken, withdrawOneTimeTokens } from '../auth/one-time-tokens.repository.js';
import { findUserByEmail, findUserById, insertUser, normaliseEmail } from '../auth/users.repository.js';
import { queueEmail } from '../mail/email.repository.js';
import { editorAccess, type ApplicationDetails } from './applications.repository.js';
import { lockWritableApplication, type NotWritable } from './attachments.service.js';
import { collaborationMessages } from './collaboration.messages.js';

export type MailContext = { baseUrl: string; deliver: boolean };

/** What an invitation to an application carries besides the usual: where the new account is led after its password is set. */
export interface ApplicationInvitationData extends InvitationData {
  application?: { id: number; partnerId: number };
}

export interface Person {
  userId: number;
  name: string;
  email: string;
  status: UserStatus;
}

export interface InvitedEditor extends Person {
  invitedByName: string | null;
  addedAt: string;
}

export interface PartnerPeople {
  partnerId: number;
  organisationName: string;
  isLead: boolean;
  regionCode: string;
  /** Members of the partner's organisation: they edit its part by membership. */
  members: Person[];
  /** People invited to the part by e-mail. */
  editors: InvitedEditor[];
}

export interface PeopleOverview {
  /** Members of the lead organisation: they edit everything. */
  leadMembers: Person[];
  partners: PartnerPeople[];
}

async function membersOf(db: Executor, organisationIds: readonly number[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom('organisation_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.organisation_id', 'u.id', 'u.name', 'u.email', 'u.status'])
    .where('m.organisation_id', 'in', [...organisationIds])
    .where('u.status', '!=', 'erased')
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}

/** Who can edit what in an application. */
export async function listPeople(db: Executor, application: ApplicationDetails): Promise<PeopleOverview> {
  const organisationIds = [...new Set([application.leadOrganisationId, ...application.partners.map((p) => p.organisationId)])];
  const [members, editors] = await Promise.all([
    membersOf(db, organisationIds),
    db
      .selectFrom('application_editors as e')
      .innerJoin('users as u', 'u.id', 'e.user_id')
      .leftJoin('users as i', 'i.id', 'e.invited_by')
      .select(['e.partner_id', 'e.created_at', 'u.id', 'u.name', 'u.email', 'u.status', 'i.name as inviter'])
      .where('e.application_id', '=', application.id)
      .where('u.status', '!=', 'erased')
      .orderBy('u.name')
      .orderBy('u.id')
      .execute(),
  ]);
  const person = (r: { id: number; name: string; email: string; status: UserStatus }): Person => ({ userId: r.id, name: r.name, email: r.email, status: r.status });
  return {
    leadMembers: members.filter((m) => m.organisation_id === application.leadOrganisationId).map(person),
    partners: application.partners.map((p) => ({
      partnerId: p.id,
      organisationName: p.name,
      isLead: p.isLead,
      regionCode: p.regionCode,
      members: p.organisationId === application.leadOrganisationId ? [] : members.filter((m) => m.organisation_id === p.organisationId).map(person),
      editors: editors
        .filter((e) => e.partner_id === p.id)
        .map((e) => ({ ...person(e), invitedByName: e.inviter ?? null, addedAt: e.created_at })),
    })),
  };
}

/** The partners whose people a user may invite and remove: all for the lead organisation's members, else their own parts. */
export function managedPartnerIds(access: { whole: boolean; partnerIds: readonly number[] }, application: ApplicationDetails): number[] {
  return access.whole ? application.partners.map((p) => p.id) : application.partners.filter((p) => access.partnerIds.includes(p.id)).map((p) => p.id);
}

export interface InviteEditorInput {
  applicationId: number;
  partnerId: number;
  email: string;
  name: string;
  /** The language of a new account's e-mail and pages. */
  locale: Locale;
}

export type InviteEditorResult =
  | { ok: true; userId: number; existing: boolean }
  | { ok: false; reason: NotWritable | 'email-invalid' | 'already-editor' | 'account-disabled' | 'no-partner'; closesAt?: string };

/** Carries a refusal out of a transaction so that everything written in it is rolled back. */
class Refusal extends Error {
  constructor(readonly result: InviteEditorResult & { ok: false }) {
    super('refused');
  }
}

async function inviterName(trx: Executor, actor: Actor): Promise<string | null> {
  return actor.userId === null ? null : ((await findUserById(trx, actor.userId))?.name ?? null);
}

async function subjectOf(trx: Executor, applicationId: number, partnerId: number) {
  const row = await trx
    .selectFrom('application_partners as p')
    .innerJoin('applications as a', 'a.id', 'p.application_id')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['a.title', 'o.name'])
    .where('p.id', '=', partnerId)
    .where('p.application_id', '=', applicationId)
    .executeTakeFirst();
  return row ? { title: row.title, organisation: row.name } : undefined;
}

/**
 * Gives someone the right to edit a partner's part of an application. An existing account gets an
 * application_editors row and an e-mail with a link to the application. A new address gets an
 * account waiting for its password (status 'invited'), the row, and a single-use link valid for a
 * week that sets the password and then opens the application (see collaboration.pages.tsx).
 * Audited ('application.editor-added', and 'user.invited' for a new account); the caller flushes
 * the mailer after commit.
 */
export async function inviteEditor(db: Db, actor: Actor, input: InviteEditorInput, now: Date, mail: MailContext): Promise<InviteEditorResult> {
  const email = normaliseEmail(input.email);
  if (!isPlausibleEmail(email)) return { ok: false, reason: 'email-invalid' };
  try {
    return await db.transaction().execute(async (trx) => {
      const writable = await lockWritableApplication(trx, input.applicationId, now);
      if (!writable.ok) throw new Refusal(writable);
      const subject = await subjectOf(trx, input.applicationId, input.partnerId);
      if (!subject) throw new Refusal({ ok: false, reason: 'no-partner' });
      const at = now.toISOString();
      let user = await findUserByEmail(trx, email);
      if (user && (user.status === 'disabled' || user.status === 'erased')) throw new Refusal({ ok: false, reason: 'account-disabled' });
      if (user) {
        const lead = await trx.selectFrom('applications').select('lead_organisation_id').where('id', '=', input.applicationId).executeTakeFirstOrThrow();
        const access = await editorAccess(trx, { id: input.applicationId, leadOrganisationId: lead.lead_organisation_id }, user.id);
        if (access.whole || access.partnerIds.includes(input.partnerId)) throw new Refusal({ ok: false, reason: 'already-editor' });
      }
      const existing = user !== undefined && user.status === 'active';
      if (!user) {
        const name = input.name.trim().slice(0, 200) || email.split('@')[0]!;
        user = await insertUser(trx, { email, name, locale: input.locale, status: 'invited', password_hash: null, created_at: at, updated_at: at });
        await appendAudit(
          trx,
          actor,
          {
            action: 'user.invited',
            entityType: 'user',
            entityId: user.id,
            after: { locale: input.locale, role: null, organisationId: null, applicationId: input.applicationId, again: false },
          },
          now,
        );
      }
      await trx
        .insertInto('application_editors')
        .values({ application_id: input.applicationId, user_id: user.id, partner_id: input.partnerId, invited_by: actor.userId, created_at: at })
        .execute();
      await appendAudit(
        trx,
        actor,
        { action: 'application.editor-added', entityType: 'application', entityId: input.applicationId, after: { userId: user.id, partnerId: input.partnerId } },
        now,
      );
      const locale: Locale = isLocale(user.locale) ? user.locale : 'fi';
      const m = collaborationMessages[locale];
      const site = messages(locale).site.name;
      const inviter = (await inviterName(trx, actor)) ?? m.someone;
      if (existing) {
        const link = `${mail.baseUrl}${pagePath(locale, 'applications', String(input.applicationId))}`;
        await queueEmail(
          trx,
          {
            userId: user.id,
            to: user.email,
            locale,
            purpose: 'access-granted',
            subject: m.addedSubject(site),
            text: m.addedBody(user.name, inviter, subject.title, subject.organisation, site, link),
          },
          mail.deliver,
          now,
        );
      } else {
        // A new account, or one still waiting for its password: a fresh link replaces any older one.
        await withdrawOneTimeTokens(trx, user.id, 'invite', now);
        const validMinutes = INVITATION_VALID_DAYS * 24 * 60;
        const data: ApplicationInvitationData = { inviterName: inviter, application: { id: input.applicationId, partnerId: input.partnerId } };
        const token = await issueOneTimeToken(trx, { purpose: 'invite', userId: user.id, data, validMinutes }, now);
        const link = `${mail.baseUrl}${pagePath(locale, 'applications', 'invitation', token)}`;
        const until = formatDateTime(new Date(now.getTime() + validMinutes * 60_000), locale);
        await queueEmail(
          trx,
          {
            userId: user.id,
            to: user.email,
            locale,
            purpose: 'invitation',
            subject: m.inviteSubject(site),
            text: m.inviteBody(user.name, inviter, subject.title, subject.organisation, site, link, until),
          },
          mail.deliver,
          now,
        );
      }
      return { ok: true as const, userId: user.id, existing };
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

/**
 * Takes an invited person's right to a partner's part away (membership of an organisation is
 * managed on the organisation's page). False when there was no such right. Works also after
 * submission: removing access is always allowed.
 */
export async function removeEditor(db: Db, actor: Actor, applicationId: number, partnerId: number, userId: number, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('application_editors')
      .where('application_id', '=', applicationId)
      .where('partner_id', '=', partnerId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await appendAudit(trx, actor, { action: 'application.editor-removed', entityType: 'application', entityId: applicationId, before: { userId, partnerId } }, now);
    return true;
  });
}

/** The application and part an invitation link leads to, for its acceptance page; undefined for other invitations. */
export async function invitationTarget(
  db: Executor,
  data: ApplicationInvitationData,
): Promise<{ applicationId: number; partnerId: number; title: string; organisation: string } | undefined> {
  const target = data.application;
  if (!target || !Number.isInteger(target.id) || !Number.isInteger(target.partnerId)) return undefined;
  const subject = await subjectOf(db, target.id, target.partnerId);
  return subject && { applicationId: target.id, partnerId: target.partnerId, ...subject };
}
