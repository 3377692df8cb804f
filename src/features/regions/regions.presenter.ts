import type { Priority } from '../strategy/strategy.repository.js';
import type { GrowthSector, Region } from './regions.repository.js';
import type { RegionDto } from './regions.schema.js';

export function presentRegion(region: Region, sectors: readonly GrowthSector[], priorities: readonly Priority[]): RegionDto {
  const slugOf = new Map(priorities.map((p) => [p.id, p.slug]));
  return {
    code: region.code,
    nuts3: region.nuts3,
    slug: region.slug,
    name: region.name,
    council: region.council,
    growthSectors: sectors
      .filter((s) => s.regionCode === region.code)
      .map((s) => ({
        slug: s.slug,
        name: s.name,
        priorities: s.priorityIds.map((id) => slugOf.get(id)).filter((slug): slug is string => slug !== undefined),
      })),
  };
}
