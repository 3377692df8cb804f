import type { Db, Executor } from '../../db/database.js';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import { strategyInForce } from '../../domain/strategy-versions.js';
import type { Localised } from '../../i18n/locales.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { listPriorities, listStrategies, type Priority, type Strategy } from '../strategy/strategy.repository.js';
import { listGrowthSectors, type GrowthSector } from './regions.repository.js';

export interface GrowthSectorInput {
  slug: string;
  name: Localised;
  /** 1-based place in the region's list. */
  position: number;
  /** Priorities of the strategy in force the sector relates to. */
  priorityIds: number[];
}

export type GrowthSectorProblem = { kind: 'duplicate-slug'; slug: string } | { kind: 'unknown-priority' };
export type GrowthSectorResult = { ok: true; id: number } | { ok: false; problems: GrowthSectorProblem[] };

/** The strategy in force and its priorities: the only ones a sector can be linked to from these pages. */
export async function prioritiesInForce(db: Executor, now: Date): Promise<{ strategy: Strategy | undefined; priorities: Priority[] }> {
  const strategy = strategyInForce(await listStrategies(db), helsinkiDate(now));
  return { strategy, priorities: strategy ? await listPriorities(db, { strategyIds: [strategy.id] }) : [] };
}

function snapshot(s: GrowthSector, position: number) {
  return { regionCode: s.regionCode, slug: s.slug, name: s.name, position, priorityIds: s.priorityIds };
}

async function checkInput(trx: Executor, regionCode: string, input: GrowthSectorInput, now: Date, exceptId: number | null) {
  const problems: GrowthSectorProblem[] = [];
  const sectors = await listGrowthSectors(trx, { regionCode });
  if (sectors.some((s) => s.slug === input.slug && s.id !== exceptId)) problems.push({ kind: 'duplicate-slug', slug: input.slug });
  const { priorities } = await prioritiesInForce(trx, now);
  const allowed = new Set(priorities.map((p) => p.id));
  if (input.priorityIds.some((id) => !allowed.has(id))) problems.push({ kind: 'unknown-priority' });
  return { problems, sectors, allowed };
}

/** Puts the sector at its place in the region's list and numbers the whole list again from 0. */
async function renumber(trx: Executor, sectors: readonly GrowthSector[], id: number, position: number): Promise<void> {
  const others = sectors.filter((s) => s.id !== id).map((s) => s.id);
  const index = Math.min(Math.max(position - 1, 0), others.length);
  others.splice(index, 0, id);
  for (const [sortOrder, sectorId] of others.entries()) {
    await trx.updateTable('growth_sectors').set({ sort_order: sortOrder }).where('id', '=', sectorId).execute();
  }
}

async function findSector(trx: Executor, regionCode: string, id: number) {
  const sectors = await listGrowthSectors(trx, { regionCode });
  const index = sectors.findIndex((s) => s.id === id);
  return { sectors, sector: sectors[index], position: index + 1 };
}

export async function createGrowthSector(db: Db, actor: Actor, regionCode: string, input: GrowthSectorInput, now: Date): Promise<GrowthSectorResult> {
  return db.transaction().execute(async (trx) => {
    const { problems, sectors } = await checkInput(trx, regionCode, input, now, null);
    if (problems.length > 0) return { ok: false, problems };
    const { id } = await trx
      .insertInto('growth_sectors')
      .values({ region_code: regionCode, slug: input.slug, name_fi: input.name.fi, name_sv: input.name.sv, name_en: input.name.en, sort_order: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.priorityIds.length > 0) {
      await trx.insertInto('growth_sector_priorities').values(input.priorityIds.map((priority_id) => ({ growth_sector_id: id, priority_id }))).execute();
    }
    await renumber(trx, sectors, id, input.position);
    const after = await findSector(trx, regionCode, id);
    await appendAudit(
      trx,
      actor,
      { action: 'growth-sector.created', entityType: 'growth-sector', entityId: id, after: snapshot(after.sector!, after.position) },
      now,
    );
    return { ok: true, id };
  });
}

/**
 * Saves a sector's texts, place and links. Only links to the priorities of the strategy in force are
 * replaced; links to earlier strategies' priorities are history and stay.
 */
export async function updateGrowthSector(
  db: Db,
  actor: Actor,
  regionCode: string,
  id: number,
  input: GrowthSectorInput,
  now: Date,
): Promise<GrowthSectorResult | null> {
  return db.transaction().execute(async (trx) => {
    const before = await findSector(trx, regionCode, id);
    if (!before.sector) return null;
    const { problems, sectors, allowed } = await checkInput(trx, regionCode, input, now, id);
    if (problems.length > 0) return { ok: false, problems };
    await trx
      .updateTable('growth_sectors')
      .set({ slug: input.slug, name_fi: input.name.fi, name_sv: input.name.sv, name_en: input.name.en })
      .where('id', '=', id)
      .execute();
    if (allowed.size > 0) {
      await trx.deleteFrom('growth_sector_priorities').where('growth_sector_id', '=', id).where('priority_id', 'in', [...allowed]).execute();
    }
    if (input.priorityIds.length > 0) {
      await trx.insertInto('growth_sector_priorities').values(input.priorityIds.map((priority_id) => ({ growth_sector_id: id, priority_id }))).execute();
    }
    await renumber(trx, sectors, id, input.position);
    const after = await findSector(trx, regionCode, id);
    await appendAudit(
      trx,
      actor,
      {
        action: 'growth-sector.updated',
        entityType: 'growth-sector',
        entityId: id,
        before: snapshot(before.sector, before.position),
        after: snapshot(after.sector!, after.position),
      },
      now,
    );
    return { ok: true, id };
  });
}

/** Removes a sector and its links. False when the region has no such sector. */
export async function removeGrowthSector(db: Db, actor: Actor, regionCode: string, id: number, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await findSector(trx, regionCode, id);
    if (!before.sector) return false;
    await trx.deleteFrom('growth_sector_priorities').where('growth_sector_id', '=', id).execute();
    await trx.deleteFrom('growth_sectors').where('id', '=', id).execute();
    await appendAudit(
      trx,
      actor,
      { action: 'growth-sector.removed', entityType: 'growth-sector', entityId: id, before: snapshot(before.sector, before.position) },
      now,
    );
    return true;
  });
}
