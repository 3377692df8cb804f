import type { Executor } from '../../db/database.js';
import type { Locale } from '../../i18n/locales.js';

export interface OrganisationOfUser {
  id: number;
  name: string;
  isAdmin: boolean;
}

export async function organisationsOfUser(db: Executor, userId: number): Promise<OrganisationOfUser[]> {
  const rows = await db
    .selectFrom('organisation_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name', 'm.is_admin'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, isAdmin: r.is_admin === 1 }));
}

/** Region names by code in one language, for describing roles. */
export async function regionNames(db: Executor, locale: Locale): Promise<Map<string, string>> {
  const rows = await db.selectFrom('regions').select(['code', 'name_fi', 'name_sv', 'name_en']).execute();
  return new Map(rows.map((r) => [r.code, locale === 'sv' ? r.name_sv : locale === 'en' ? r.name_en : r.name_fi]));
}

/** Active users holding the administrator role, other than the one given. */
export async function countOtherActiveAdmins(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select((eb) => eb.fn.count<number>('u.id').distinct().as('n'))
    .where('r.role', '=', 'admin')
    .where('u.status', '=', 'active')
    .where('u.id', '!=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Organisations the user administers alone while others belong to them: erasing the user would
 * leave those members without anyone to manage the organisation.
 */
export async function organisationsLeftWithoutAdmin(db: Executor, userId: number): Promise<string[]> {
  const administered = await db
    .selectFrom('organisation_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name'])
    .where('m.user_id', '=', userId)
    .where('m.is_admin', '=', 1)
    .execute();
  const names: string[] = [];
  for (const org of administered) {
    const others = await db
      .selectFrom('organisation_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.is_admin', 'u.status'])
      .where('m.organisation_id', '=', org.id)
      .where('m.user_id', '!=', userId)
      .execute();
    const live = others.filter((o) => o.status !== 'erased' && o.status !== 'disabled');
    if (live.length > 0 && !live.some((o) => o.is_admin === 1)) names.push(org.name);
  }
  return names;
}
