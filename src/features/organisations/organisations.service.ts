import type { Db } from '../../db/database.js';
import type { Locale } from '../../i18n/locales.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { issueInvitation, type InvitationResult } from '../auth/invitations.service.js';
import type { OrganisationInput } from './organisation.form.js';
import {
  auditView,
  countAdmins,
  deleteMember,
  findMember,
  findOrganisation,
  findOrganisationByBusinessId,
  insertMember,
  insertOrganisation,
  setMemberAdmin,
  updateOrganisation,
  type Organisation,
} from './organisations.repository.js';

export type MailContext = { baseUrl: string; deliver: boolean };
export type InvitationFailure = Extract<InvitationResult, { ok: false }>['reason'];

/** Carries a refusal out of a transaction so that everything written in it is rolled back. */
class Refusal<R> extends Error {
  constructor(readonly result: R) {
    super('refused');
  }
}

/** A unique index refused the row: SQLite and PostgreSQL say so with their own codes. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/** Runs a transaction; a Refusal thrown in it becomes its result. */
async function refusable<T, R>(work: () => Promise<T>): Promise<T | R> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return error.result as R;
    throw error;
  }
}

/**
 * As refusable, and more: two people registering the same business ID at once both pass the look-up;
 * the unique index stops the second, who then gets the same answer as if they had come a moment later.
 */
async function settle<T, R>(db: Db, businessId: string, work: () => Promise<T>): Promise<T | R | Duplicate> {
  try {
    return await refusable<T, R>(work);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await findOrganisationByBusinessId(db, businessId);
    if (!existing) throw error;
    return { ok: false, reason: 'duplicate', existing };
  }
}

type Duplicate = { ok: false; reason: 'duplicate'; existing: Organisation };

/**
 * A signed-in user registers their organisation and becomes its first administrator. A business ID
 * that is already registered is refused with the organisation that has it; the unique index catches
 * the race of two registering at once.
 */
export async function registerOrganisation(
  db: Db,
  actor: Actor & { userId: number },
  input: OrganisationInput,
  now: Date,
): Promise<{ ok: true; organisation: Organisation } | Duplicate> {
  return settle<{ ok: true; organisation: Organisation }, Duplicate>(db, input.businessId, () =>
    db.transaction().execute(async (trx) => {
      const existing = await findOrganisationByBusinessId(trx, input.businessId);
      if (existing) throw new Refusal<Duplicate>({ ok: false, reason: 'duplicate', existing });
      const organisation = await insertOrganisation(trx, input, now);
      await insertMember(trx, organisation.id, actor.userId, true, now);
      await appendAudit(trx, actor, { action: 'organisation.created', entityType: 'organisation', entityId: organisation.id, after: auditView(organisation) }, now);
      await appendAudit(
        trx,
        actor,
        { action: 'organisation.member-added', entityType: 'organisation', entityId: organisation.id, after: { userId: actor.userId, isAdmin: true } },
        now,
      );
      return { ok: true as const, organisation };
    }),
  );
}

export interface FirstAdmin {
  name: string;
  email: string;
  locale: Locale;
}

type CreateRefusal = Duplicate | { ok: false; reason: 'invitation'; invitation: InvitationFailure };

/** An officer or administrator adds an organisation, and may invite its first administrator in the same transaction. */
export async function createOrganisation(
  db: Db,
  actor: Actor,
  input: OrganisationInput,
  firstAdmin: FirstAdmin | null,
  now: Date,
  mail: MailContext,
): Promise<{ ok: true; organisation: Organisation } | CreateRefusal> {
  return settle<{ ok: true; organisation: Organisation }, CreateRefusal>(db, input.businessId, () =>
    db.transaction().execute(async (trx) => {
      const existing = await findOrganisationByBusinessId(trx, input.businessId);
      if (existing) throw new Refusal<CreateRefusal>({ ok: false, reason: 'duplicate', existing });
      const organisation = await insertOrganisation(trx, input, now);
      await appendAudit(trx, actor, { action: 'organisation.created', entityType: 'organisation', entityId: organisation.id, after: auditView(organisation) }, now);
      if (firstAdmin) {
        const invited = await issueInvitation(trx, actor, { ...firstAdmin, organisation: { id: organisation.id, isAdmin: true } }, now, mail);
        if (!invited.ok) throw new Refusal<CreateRefusal>({ ok: false, reason: 'invitation', invitation: invited.reason });
      }
      return { ok: true as const, organisation };
    }),
  );
}

type EditRefusal = Duplicate | { ok: false; reason: 'not-found' };

/** Changes an organisation's details; without a business ID in the input the ID stays as it is. */
export async function editOrganisation(
  db: Db,
  actor: Actor,
  id: number,
  input: Omit<OrganisationInput, 'businessId'> & { businessId?: string },
  now: Date,
): Promise<{ ok: true; changed: boolean } | EditRefusal> {
  return settle<{ ok: true; changed: boolean }, EditRefusal>(db, input.businessId ?? '', () =>
    db.transaction().execute(async (trx) => {
      const before = await findOrganisation(trx, id);
      if (!before) throw new Refusal<EditRefusal>({ ok: false, reason: 'not-found' });
      if (input.businessId !== undefined && input.businessId !== before.businessId) {
        const existing = await findOrganisationByBusinessId(trx, input.businessId);
        if (existing) throw new Refusal<EditRefusal>({ ok: false, reason: 'duplicate', existing });
      }
      const after: Organisation = { ...before, ...input };
      const changed = JSON.stringify(auditView(before)) !== JSON.stringify(auditView(after));
      if (!changed) return { ok: true as const, changed };
      await updateOrganisation(trx, id, input, now);
      await appendAudit(
        trx,
        actor,
        { action: 'organisation.updated', entityType: 'organisation', entityId: id, before: auditView(before), after: auditView(after) },
        now,
      );
      return { ok: true as const, changed };
    }),
  );
}

export type MemberChange = { kind: 'remove' } | { kind: 'set-admin'; isAdmin: boolean };
type MemberRefusal = { ok: false; reason: 'not-member' | 'last-admin' };

/**
 * Removes a member or changes whether they administer the organisation. The organisation row is
 * touched first: on PostgreSQL that row lock makes two administrators demoting each other take
 * turns, so the last administrator can never be removed by a race.
 */
export async function changeMember(
  db: Db,
  actor: Actor,
  organisationId: number,
  userId: number,
  change: MemberChange,
  now: Date,
): Promise<{ ok: true } | MemberRefusal> {
  return refusable<{ ok: true }, MemberRefusal>(() =>
    db.transaction().execute(async (trx) => {
      await trx.updateTable('organisations').set({ updated_at: now.toISOString() }).where('id', '=', organisationId).execute();
      const member = await findMember(trx, organisationId, userId);
      if (!member) throw new Refusal<MemberRefusal>({ ok: false, reason: 'not-member' });
      if (change.kind === 'remove') {
        await deleteMember(trx, organisationId, userId);
        await appendAudit(
          trx,
          actor,
          { action: 'organisation.member-removed', entityType: 'organisation', entityId: organisationId, before: { userId, isAdmin: member.isAdmin } },
          now,
        );
      } else {
        if (member.isAdmin === change.isAdmin) return { ok: true as const };
        await setMemberAdmin(trx, organisationId, userId, change.isAdmin);
        await appendAudit(
          trx,
          actor,
          {
            action: 'organisation.member-changed',
            entityType: 'organisation',
            entityId: organisationId,
            before: { userId, isAdmin: member.isAdmin },
            after: { userId, isAdmin: change.isAdmin },
          },
          now,
        );
      }
      if ((await countAdmins(trx, organisationId)) === 0) throw new Refusal<MemberRefusal>({ ok: false, reason: 'last-admin' });
      return { ok: true as const };
    }),
  );
}

/** Invites a person to the organisation by e-mail (see issueInvitation); the caller flushes the mailer after. */
export async function inviteMember(
  db: Db,
  actor: Actor,
  organisationId: number,
  input: { email: string; name: string; locale: Locale; isAdmin: boolean },
  now: Date,
  mail: MailContext,
): Promise<InvitationResult> {
  return db.transaction().execute((trx) =>
    issueInvitation(trx, actor, { email: input.email, name: input.name, locale: input.locale, organisation: { id: organisationId, isAdmin: input.isAdmin } }, now, mail),
  );
}
