import type { Executor } from '../../db/database.js';
import type { RegionRow } from '../../db/schema.js';
import { localisedColumns, type Localised } from '../../i18n/locales.js';

export interface Region {
  code: string;
  nuts3: string;
  slug: string;
  name: Localised;
  council: { name: Localised; website: string };
}

export interface GrowthSector {
  id: number;
  regionCode: string;
  slug: string;
  name: Localised;
  /** Ids of the priorities the sector is mapped to. */
  priorityIds: number[];
}

export function toRegion(row: RegionRow): Region {
  return {
    code: row.code,
    nuts3: row.nuts3,
    slug: row.slug,
    name: localisedColumns(row, 'name'),
    council: { name: localisedColumns(row, 'council_name'), website: row.council_website },
  };
}

export async function listRegions(db: Executor): Promise<Region[]> {
  const rows = await db.selectFrom('regions').selectAll().orderBy('sort_order').orderBy('code').execute();
  return rows.map(toRegion);
}

export async function findRegionBySlug(db: Executor, slug: string): Promise<Region | undefined> {
  const row = await db.selectFrom('regions').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && toRegion(row);
}

export async function findRegionByCode(db: Executor, code: string): Promise<Region | undefined> {
  const row = await db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
  return row && toRegion(row);
}

/** Growth sectors with their priority links, optionally of one region, in display order. */
export async function listGrowthSectors(db: Executor, filter: { regionCode?: string } = {}): Promise<GrowthSector[]> {
  let query = db.selectFrom('growth_sectors').selectAll().orderBy('region_code').orderBy('sort_order').orderBy('id');
  if (filter.regionCode !== undefined) query = query.where('region_code', '=', filter.regionCode);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('growth_sector_priorities')
    .select(['growth_sector_id', 'priority_id'])
    .where(
      'growth_sector_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('priority_id')
    .execute();
  const byId = new Map<number, number[]>();
  for (const link of links) {
    const list = byId.get(link.growth_sector_id) ?? [];
    list.push(link.priority_id);
    byId.set(link.growth_sector_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    regionCode: row.region_code,
    slug: row.slug,
    name: localisedColumns(row, 'name'),
    priorityIds: byId.get(row.id) ?? [],
  }));
}
