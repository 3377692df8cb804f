import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { AssignedRole, UserRow, UserTable } from '../../db/schema.js';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function insertUser(db: Executor, values: Insertable<UserTable>): Promise<UserRow> {
  return db.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(db: Executor, id: number, values: Updateable<UserTable>): Promise<void> {
  await db.updateTable('users').set(values).where('id', '=', id).execute();
}

export interface RoleOfUser {
  id: number;
  role: AssignedRole;
  regionCode: string | null;
}

export async function rolesOfUser(db: Executor, userId: number): Promise<RoleOfUser[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .select(['id', 'role', 'region_code'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, role: r.role, regionCode: r.region_code }));
}

export interface MembershipOfUser {
  organisationId: number;
  isAdmin: boolean;
}

export async function membershipsOfUser(db: Executor, userId: number): Promise<MembershipOfUser[]> {
  const rows = await db
    .selectFrom('organisation_members')
    .select(['organisation_id', 'is_admin'])
    .where('user_id', '=', userId)
    .orderBy('organisation_id')
    .execute();
  return rows.map((r) => ({ organisationId: r.organisation_id, isAdmin: r.is_admin === 1 }));
}

export async function grantRole(
  db: Executor,
  userId: number,
  role: AssignedRole,
  regionCode: string | null,
  at: Date,
): Promise<number | null> {
  let existing = db.selectFrom('role_assignments').select('id').where('user_id', '=', userId).where('role', '=', role);
  existing = regionCode === null ? existing.where('region_code', 'is', null) : existing.where('region_code', '=', regionCode);
  if (await existing.executeTakeFirst()) return null;
  const row = await db
    .insertInto('role_assignments')
    .values({ user_id: userId, role, region_code: regionCode, created_at: at.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
