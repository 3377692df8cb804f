import type { Db, Executor } from '../../db/database.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { findUserByEmail } from '../auth/users.repository.js';
import type { ContactInput } from './expert-group.admin.form.js';
import { findExpertGroupMember, type ExpertGroupMember } from './expert-group.repository.js';

/** What the audit log records of a member: the public contact details and the account link. */
function auditView(m: Pick<ExpertGroupMember, 'regionCode' | 'name' | 'title' | 'organisation' | 'email' | 'phone' | 'sortOrder' | 'userId' | 'isDemo'>) {
  return {
    regionCode: m.regionCode,
    name: m.name,
    title: m.title,
    organisation: m.organisation,
    email: m.email,
    phone: m.phone,
    sortOrder: m.sortOrder,
    userId: m.userId,
    isDemo: m.isDemo,
  };
}

function columns(input: ContactInput, userId: number | null) {
  return {
    region_code: input.regionCode,
    name: input.name,
    title_fi: input.title.fi,
    title_sv: input.title.sv,
    title_en: input.title.en,
    organisation: input.organisation,
    email: input.email,
    phone: input.phone,
    sort_order: input.sortOrder,
    user_id: userId,
    is_demo: input.isDemo ? 1 : 0,
  };
}

type AccountResult = { ok: true; userId: number | null } | { ok: false; reason: 'account-not-found' };

async function linkedAccount(db: Executor, email: string | null): Promise<AccountResult> {
  if (email === null) return { ok: true, userId: null };
  const user = await findUserByEmail(db, email);
  return user && user.status !== 'erased' ? { ok: true, userId: user.id } : { ok: false, reason: 'account-not-found' };
}

export type ContactResult = { ok: true; id: number } | { ok: false; reason: 'account-not-found' | 'not-found' };

export async function addExpertGroupMember(db: Db, actor: Actor, input: ContactInput, now: Date): Promise<ContactResult> {
  return db.transaction().execute(async (trx) => {
    const account = await linkedAccount(trx, input.accountEmail);
    if (!account.ok) return account;
    const row = await trx.insertInto('expert_group_members').values(columns(input, account.userId)).returning('id').executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      actor,
      { action: 'expert-group.member-added', entityType: 'expert_group_member', entityId: row.id, after: auditView({ ...input, userId: account.userId }) },
      now,
    );
    return { ok: true as const, id: row.id };
  });
}

export async function updateExpertGroupMember(db: Db, actor: Actor, id: number, input: ContactInput, now: Date): Promise<ContactResult> {
  return db.transaction().execute(async (trx) => {
    const before = await findExpertGroupMember(trx, id);
    if (!before) return { ok: false as const, reason: 'not-found' as const };
    const account = await linkedAccount(trx, input.accountEmail);
    if (!account.ok) return account;
    await trx.updateTable('expert_group_members').set(columns(input, account.userId)).where('id', '=', id).execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'expert-group.member-updated',
        entityType: 'expert_group_member',
        entityId: id,
        before: auditView(before),
        after: auditView({ ...input, userId: account.userId }),
      },
      now,
    );
    return { ok: true as const, id };
  });
}

export async function removeExpertGroupMember(db: Db, actor: Actor, id: number, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await findExpertGroupMember(trx, id);
    if (!before) return false;
    await trx.deleteFrom('expert_group_members').where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'expert-group.member-removed', entityType: 'expert_group_member', entityId: id, before: auditView(before) }, now);
    return true;
  });
}
