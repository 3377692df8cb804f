import type { Db } from '../../db/database.js';
import { chairOfYear, nextHandover, type ChairOfYear } from '../../domain/chair-rotation.js';
import { helsinkiYear } from '../../domain/helsinki-time.js';
import { listRegions, type Region } from '../regions/regions.repository.js';
import { loadChairRotation } from './chair.repository.js';

export type ChairYear =
  | { ok: true; year: number; region: Region; source: 'rotation' | 'override' }
  | Extract<ChairOfYear, { ok: false }>;

function withRegion(result: ChairOfYear, regions: readonly Region[]): ChairYear {
  if (!result.ok) return result;
  const region = regions.find((r) => r.code === result.regionCode);
  if (!region) throw new Error(`chair rotation names region ${result.regionCode}, which does not exist`);
  return { ok: true, year: result.year, region, source: result.source };
}

export async function chairOfYearWithRegion(db: Db, year: number): Promise<ChairYear> {
  const [rotation, regions] = await Promise.all([loadChairRotation(db), listRegions(db)]);
  return withRegion(chairOfYear(rotation, year), regions);
}

export interface ChairNow {
  current: ChairYear;
  next: ChairYear;
  /** When the next chair takes over: midnight Helsinki time on 1 January. */
  handoverAt: Date;
}

export async function chairNow(db: Db, now: Date): Promise<ChairNow> {
  const [rotation, regions] = await Promise.all([loadChairRotation(db), listRegions(db)]);
  const year = helsinkiYear(now);
  return {
    current: withRegion(chairOfYear(rotation, year), regions),
    next: withRegion(chairOfYear(rotation, year + 1), regions),
    handoverAt: nextHandover(now),
  };
}
