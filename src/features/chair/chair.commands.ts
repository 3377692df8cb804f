import type { Db } from '../../db/database.js';
import { checkRotationOrder, chairOfYear, type RotationProblem } from '../../domain/chair-rotation.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { findRegionByCode, listRegions } from '../regions/regions.repository.js';
import { loadChairRotation } from './chair.repository.js';

export type OverrideResult = { ok: true } | { ok: false; reason: string };

export const isCalendarYear = (year: number) => Number.isInteger(year) && year >= 1900 && year <= 9999;

/** Sets the chair of a single year, leaving the rotation of the other years as it is. */
export async function overrideChairYear(
  db: Db,
  actor: Actor,
  input: { year: number; regionCode: string; reason: string },
  now: Date,
): Promise<OverrideResult> {
  const { year, regionCode } = input;
  const reason = input.reason.trim();
  if (!isCalendarYear(year)) return { ok: false, reason: `year ${year} is not a calendar year` };
  if (reason === '') return { ok: false, reason: 'a reason is required' };
  if (reason.length > 500) return { ok: false, reason: 'the reason is longer than 500 characters' };
  return db.transaction().execute(async (trx) => {
    if (!(await findRegionByCode(trx, regionCode))) return { ok: false, reason: `no region has the code ${regionCode}` };
    const before = await trx.selectFrom('chair_overrides').select(['year', 'region_code', 'reason']).where('year', '=', year).executeTakeFirst();
    await trx.deleteFrom('chair_overrides').where('year', '=', year).execute();
    await trx.insertInto('chair_overrides').values({ year, region_code: regionCode, reason }).execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'chair.override-set',
        entityType: 'chair-override',
        entityId: year,
        ...(before ? { before: { year, regionCode: before.region_code, reason: before.reason } } : {}),
        after: { year, regionCode, reason },
      },
      now,
    );
    return { ok: true };
  });
}

/** Removes a single-year override so the rotation decides that year again. False when there was none. */
export async function clearChairOverride(db: Db, actor: Actor, year: number, now: Date): Promise<boolean> {
  if (!isCalendarYear(year)) return false;
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('chair_overrides').select(['region_code', 'reason']).where('year', '=', year).executeTakeFirst();
    if (!before) return false;
    await trx.deleteFrom('chair_overrides').where('year', '=', year).execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'chair.override-cleared',
        entityType: 'chair-override',
        entityId: year,
        before: { year, regionCode: before.region_code, reason: before.reason },
      },
      now,
    );
    return true;
  });
}

export type RotationResult =
  | { ok: true }
  | { ok: false; problems: Array<RotationProblem | { kind: 'base-year'; baseYear: number }> };

/**
 * Replaces the rotation order and its base year. Regions left out of the order never chair by
 * rotation (an override can still name them).
 */
export async function setChairRotation(
  db: Db,
  actor: Actor,
  input: { baseYear: number; order: readonly string[] },
  now: Date,
): Promise<RotationResult> {
  return db.transaction().execute(async (trx) => {
    const known = (await listRegions(trx)).map((r) => r.code);
    const problems: Array<RotationProblem | { kind: 'base-year'; baseYear: number }> = checkRotationOrder(input.order, known);
    if (!isCalendarYear(input.baseYear)) problems.unshift({ kind: 'base-year', baseYear: input.baseYear });
    if (problems.length > 0) return { ok: false, problems };
    const before = await loadChairRotation(trx);
    await trx.deleteFrom('chair_rotation').execute();
    await trx
      .insertInto('chair_rotation')
      .values(input.order.map((region_code, position) => ({ position, region_code })))
      .execute();
    const settings = await trx.selectFrom('chair_settings').select('id').where('id', '=', 1).executeTakeFirst();
    if (settings) await trx.updateTable('chair_settings').set({ base_year: input.baseYear }).where('id', '=', 1).execute();
    else await trx.insertInto('chair_settings').values({ id: 1, base_year: input.baseYear }).execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'chair.rotation-changed',
        entityType: 'chair-rotation',
        entityId: 1,
        before: { baseYear: before.baseYear, order: before.order },
        after: { baseYear: input.baseYear, order: [...input.order] },
      },
      now,
    );
    return { ok: true };
  });
}

export interface ScheduledChair {
  year: number;
  regionCode: string | null;
  source: string;
}

/** The chair of each of a run of years, for the CLI and the coordinator's calendar. */
export async function chairSchedule(db: Db, fromYear: number, years: number): Promise<ScheduledChair[]> {
  const rotation = await loadChairRotation(db);
  return Array.from({ length: years }, (_, i) => {
    const result = chairOfYear(rotation, fromYear + i);
    return result.ok
      ? { year: result.year, regionCode: result.regionCode, source: result.source }
      : { year: result.year, regionCode: null, source: result.reason };
  });
}

export interface ChairOverride {
  year: number;
  regionCode: string;
  reason: string;
}

/** Every single-year override with its reason, by year. */
export async function listChairOverrides(db: Db): Promise<ChairOverride[]> {
  const rows = await db.selectFrom('chair_overrides').selectAll().orderBy('year').execute();
  return rows.map((r) => ({ year: r.year, regionCode: r.region_code, reason: r.reason }));
}
