import type { Db } from '../../db/database.js';
import { chairOfYear } from '../../domain/chair-rotation.js';
import { findRegionByCode } from '../regions/regions.repository.js';
import { loadChairRotation } from './chair.repository.js';

export type OverrideResult = { ok: true } | { ok: false; reason: string };

/** Sets the chair of a single year, leaving the rotation of the other years as it is. */
export async function overrideChairYear(db: Db, year: number, regionCode: string, reason: string): Promise<OverrideResult> {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return { ok: false, reason: `year ${year} is not a calendar year` };
  if (reason.trim() === '') return { ok: false, reason: 'a reason is required' };
  return db.transaction().execute(async (trx) => {
    if (!(await findRegionByCode(trx, regionCode))) return { ok: false, reason: `no region has the code ${regionCode}` };
    await trx.deleteFrom('chair_overrides').where('year', '=', year).execute();
    await trx.insertInto('chair_overrides').values({ year, region_code: regionCode, reason: reason.trim() }).execute();
    return { ok: true };
  });
}

export async function clearChairOverride(db: Db, year: number): Promise<boolean> {
  const result = await db.deleteFrom('chair_overrides').where('year', '=', year).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The chair of each of a run of years, for the CLI and the coordinator's calendar. */
export async function chairSchedule(db: Db, fromYear: number, years: number): Promise<Array<{ year: number; regionCode: string | null; source: string }>> {
  const rotation = await loadChairRotation(db);
  return Array.from({ length: years }, (_, i) => {
    const result = chairOfYear(rotation, fromYear + i);
    return result.ok
      ? { year: result.year, regionCode: result.regionCode, source: result.source }
      : { year: result.year, regionCode: null, source: result.reason };
  });
}
