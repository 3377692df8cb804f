import type { Executor } from '../../db/database.js';
import type { OrganisationRow, OrganisationType, UserStatus } from '../../db/schema.js';

export interface Organisation {
  id: number;
  businessId: string;
  name: string;
  orgType: OrganisationType;
  regionCode: string;
  isDemo: boolean;
}

export interface OrganisationMember {
  userId: number;
  name: string;
  email: string;
  status: UserStatus;
  isAdmin: boolean;
}

export function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    businessId: row.business_id,
    name: row.name,
    orgType: row.org_type,
    regionCode: row.region_code,
    isDemo: row.is_demo === 1,
  };
}

/** What the audit log records of an organisation. */
export function auditView(o: Organisation) {
  return { businessId: o.businessId, name: o.name, orgType: o.orgType, regionCode: o.regionCode };
}

export async function findOrganisation(db: Executor, id: number): Promise<Organisation | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOrganisation(row);
}

export async function findOrganisationByBusinessId(db: Executor, businessId: string): Promise<Organisation | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('business_id', '=', businessId).executeTakeFirst();
  return row && toOrganisation(row);
}

export async function organisationsOfUser(db: Executor, userId: number): Promise<Array<Organisation & { memberIsAdmin: boolean }>> {
  const rows = await db
    .selectFrom('organisation_members')
    .innerJoin('organisations', 'organisations.id', 'organisation_members.organisation_id')
    .selectAll('organisations')
    .select('organisation_members.is_admin as member_is_admin')
    .where('organisation_members.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
  return rows.map((r) => ({ ...toOrganisation(r), memberIsAdmin: r.member_is_admin === 1 }));
}

export interface OrganisationSearch {
  query?: string | undefined;
  orgType?: OrganisationType | undefined;
  regionCode?: string | undefined;
  limit: number;
}

/** Organisations by a part of the name or business ID (case-insensitive on both dialects), type and region. */
export async function searchOrganisations(db: Executor, search: OrganisationSearch): Promise<{ items: Organisation[]; total: number }> {
  let base = db.selectFrom('organisations');
  // LIKE wildcards are dropped rather than escaped: the two dialects escape them differently.
  const q = search.query?.replace(/[\\%_]/g, '').trim();
  if (q) {
    // lower() folds only ASCII on SQLite, so the text as typed is matched too (Ä, Ö).
    base = base.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['name']), 'like', eb.val(`%${q.toLowerCase()}%`)),
        eb('name', 'like', `%${q}%`),
        eb('business_id', 'like', `%${q}%`),
      ]),
    );
  }
  if (search.orgType) base = base.where('org_type', '=', search.orgType);
  if (search.regionCode) base = base.where('region_code', '=', search.regionCode);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('name').orderBy('id').limit(search.limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toOrganisation), total: Number(count.n) };
}

export async function listMembers(db: Executor, organisationId: number): Promise<OrganisationMember[]> {
  const rows = await db
    .selectFrom('organisation_members')
    .innerJoin('users', 'users.id', 'organisation_members.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.status', 'organisation_members.is_admin'])
    .where('organisation_members.organisation_id', '=', organisationId)
    .orderBy('organisation_members.is_admin', 'desc')
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, status: r.status, isAdmin: r.is_admin === 1 }));
}

export async function findMember(db: Executor, organisationId: number, userId: number): Promise<OrganisationMember | undefined> {
  const members = await db
    .selectFrom('organisation_members')
    .innerJoin('users', 'users.id', 'organisation_members.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.status', 'organisation_members.is_admin'])
    .where('organisation_members.organisation_id', '=', organisationId)
    .where('organisation_members.user_id', '=', userId)
    .executeTakeFirst();
  return members && { userId: members.id, name: members.name, email: members.email, status: members.status, isAdmin: members.is_admin === 1 };
}

export async function countAdmins(db: Executor, organisationId: number): Promise<number> {
  const row = await db
    .selectFrom('organisation_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('is_admin', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertOrganisation(db: Executor, input: Omit<Organisation, 'id' | 'isDemo'>, at: Date): Promise<Organisation> {
  const row = await db
    .insertInto('organisations')
    .values({
      business_id: input.businessId,
      name: input.name,
      org_type: input.orgType,
      region_code: input.regionCode,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrganisation(row);
}

export async function updateOrganisation(
  db: Executor,
  id: number,
  input: Partial<Omit<Organisation, 'id' | 'isDemo'>>,
  at: Date,
): Promise<void> {
  await db
    .updateTable('organisations')
    .set({
      ...(input.businessId !== undefined ? { business_id: input.businessId } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.orgType !== undefined ? { org_type: input.orgType } : {}),
      ...(input.regionCode !== undefined ? { region_code: input.regionCode } : {}),
      updated_at: at.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertMember(db: Executor, organisationId: number, userId: number, isAdmin: boolean, at: Date): Promise<void> {
  await db
    .insertInto('organisation_members')
    .values({ organisation_id: organisationId, user_id: userId, is_admin: isAdmin ? 1 : 0, created_at: at.toISOString() })
    .execute();
}

export async function deleteMember(db: Executor, organisationId: number, userId: number): Promise<void> {
  await db.deleteFrom('organisation_members').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
}

export async function setMemberAdmin(db: Executor, organisationId: number, userId: number, isAdmin: boolean): Promise<void> {
  await db
    .updateTable('organisation_members')
    .set({ is_admin: isAdmin ? 1 : 0 })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
}
