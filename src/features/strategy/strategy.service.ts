import type { Db } from '../../db/database.js';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import { strategyInForce, versionStatus, type VersionStatus } from '../../domain/strategy-versions.js';
import { listGrowthSectors, listRegions, type GrowthSector, type Region } from '../regions/regions.repository.js';
import { listPriorities, listStrategies, type Priority, type Strategy } from './strategy.repository.js';

export interface RelatedSector {
  sector: GrowthSector;
  region: Region;
}

export interface PriorityWithSectors extends Priority {
  sectors: RelatedSector[];
}

export interface StrategyVersion extends Strategy {
  status: VersionStatus;
  priorities: PriorityWithSectors[];
}

export interface StrategyCatalogue {
  /** Every version, newest first. */
  versions: StrategyVersion[];
  current: StrategyVersion | undefined;
}

/** All strategy versions with their priorities and related growth sectors, and which one is in force now. */
export async function strategyCatalogue(db: Db, now: Date): Promise<StrategyCatalogue> {
  const today = helsinkiDate(now);
  const [strategies, priorities, sectors, regions] = await Promise.all([
    listStrategies(db),
    listPriorities(db),
    listGrowthSectors(db),
    listRegions(db),
  ]);
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  const inForce = strategyInForce(strategies, today);
  const versions = strategies.map((strategy) => ({
    ...strategy,
    status: versionStatus(strategy, inForce, today),
    priorities: priorities
      .filter((p) => p.strategyId === strategy.id)
      .map((priority) => ({
        ...priority,
        sectors: sectors
          .filter((s) => s.priorityIds.includes(priority.id))
          .map((sector) => ({ sector, region: regionByCode.get(sector.regionCode)! })),
      })),
  }));
  return { versions, current: versions.find((v) => v.status === 'in-force') };
}
