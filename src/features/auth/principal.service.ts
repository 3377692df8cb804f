import { chairOfYear } from '../../domain/chair-rotation.js';
import { helsinkiYear } from '../../domain/helsinki-time.js';
import type { Executor } from '../../db/database.js';
import type { UserRow } from '../../db/schema.js';
import { isLocale } from '../../i18n/locales.js';
import type { ApiScope, Principal } from '../../policies/principal.js';
import { loadChairRotation } from '../chair/chair.repository.js';
import { membershipsOfUser, rolesOfUser } from './users.repository.js';

/**
 * The region an officer coordinates this year, if any: the chair region of the current year in
 * Europe/Helsinki, so the right passes at midnight Helsinki time on 1 January without anyone acting.
 */
export async function coordinatedRegion(db: Executor, officerRegions: readonly string[], now: Date): Promise<string | null> {
  if (officerRegions.length === 0) return null;
  const chair = chairOfYear(await loadChairRotation(db), helsinkiYear(now));
  return chair.ok && officerRegions.includes(chair.regionCode) ? chair.regionCode : null;
}

export async function loadPrincipal(
  db: Executor,
  user: UserRow,
  via: Principal['via'],
  scopes: readonly ApiScope[] | null,
  now: Date,
): Promise<Principal> {
  const [roles, memberships] = await Promise.all([rolesOfUser(db, user.id), membershipsOfUser(db, user.id)]);
  const officerRegions = roles.filter((r) => r.role === 'officer' && r.regionCode).map((r) => r.regionCode!);
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    locale: isLocale(user.locale) ? user.locale : 'fi',
    roles: roles.map(({ role, regionCode }) => ({ role, regionCode })),
    memberships,
    coordinatorOf: await coordinatedRegion(db, officerRegions, now),
    via,
    scopes,
  };
}
