import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { AssignedRole, UserRow, UserStatus } from '../../db/schema.js';

export interface UserListFilter {
  /** A part of the name or the e-mail address, any case. */
  q?: string | undefined;
  role?: AssignedRole | undefined;
  region?: string | undefined;
  /** Only people who hold some role in one of these regions (an officer's view). */
  inRegions?: readonly string[] | undefined;
  offset: number;
  limit: number;
}

export interface UserListRow {
  id: number;
  email: string;
  name: string;
  status: UserStatus;
  lastLoginAt: string | null;
  roles: Array<{ role: AssignedRole; regionCode: string | null }>;
}

/** LIKE treats % and _ as wildcards; a search for "a_b" means those characters themselves. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of people by name, with their roles; one row more than the limit tells that a next page exists. */
export async function listUsers(db: Executor, filter: UserListFilter): Promise<UserListRow[]> {
  let query = db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'status', 'last_login_at'])
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .offset(filter.offset)
    .limit(filter.limit + 1);
  const q = filter.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    query = query.where(sql<boolean>`(lower(name) like ${pattern} escape '\\' or email like ${pattern} escape '\\')`);
  }
  if (filter.role || filter.region || filter.inRegions) {
    query = query.where(({ exists, selectFrom }) => {
      let roles = selectFrom('role_assignments').select('role_assignments.id').whereRef('role_assignments.user_id', '=', 'users.id');
      if (filter.role) roles = roles.where('role_assignments.role', '=', filter.role);
      if (filter.region) roles = roles.where('role_assignments.region_code', '=', filter.region);
      if (filter.inRegions) {
        roles = filter.inRegions.length > 0 ? roles.where('role_assignments.region_code', 'in', [...filter.inRegions]) : roles.where(sql<boolean>`1 = 0`);
      }
      return exists(roles);
    });
  }
  const rows = await query.execute();
  const ids = rows.map((r) => r.id);
  const roles =
    ids.length === 0
      ? []
      : await db.selectFrom('role_assignments').select(['user_id', 'role', 'region_code']).where('user_id', 'in', ids).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    status: r.status,
    lastLoginAt: r.last_login_at,
    roles: roles.filter((x) => x.user_id === r.id).map((x) => ({ role: x.role, regionCode: x.region_code })),
  }));
}

export function findRoleAssignment(db: Executor, id: number) {
  return db.selectFrom('role_assignments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteRoleAssignment(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('role_assignments').where('id', '=', id).execute();
}

/** Active accounts holding the administrator role, to keep at least one of them. */
export async function countActiveAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select((eb) => eb.fn.count<number>('users.id').distinct().as('n'))
    .where('role_assignments.role', '=', 'admin')
    .where('users.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setUserStatus(db: Executor, user: UserRow, status: UserStatus, at: Date): Promise<void> {
  await db.updateTable('users').set({ status, updated_at: at.toISOString() }).where('id', '=', user.id).execute();
}

export async function organisationsOfUser(db: Executor, userId: number) {
  return db
    .selectFrom('organisation_members')
    .innerJoin('organisations', 'organisations.id', 'organisation_members.organisation_id')
    .select(['organisations.id', 'organisations.name', 'organisation_members.is_admin'])
    .where('organisation_members.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
}

/** Display names of the users with these ids (for the audit log's actor column). */
export async function userNames(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
