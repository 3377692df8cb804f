import type { PriorityWithSectors, StrategyVersion } from './strategy.service.js';
import type { PriorityDto, StrategyDto } from './strategy.schema.js';

export function presentPriority(priority: PriorityWithSectors, strategySlug: string): PriorityDto {
  return {
    slug: priority.slug,
    name: priority.name,
    description: priority.description,
    strategy: strategySlug,
    growthSectors: priority.sectors.map(({ sector }) => ({ region: sector.regionCode, slug: sector.slug, name: sector.name })),
  };
}

export function presentStrategy(version: StrategyVersion): StrategyDto {
  return {
    slug: version.slug,
    name: version.name,
    summary: version.summary,
    validFrom: version.validFrom,
    validTo: version.validTo,
    status: version.status,
    priorities: version.priorities.map((p) => presentPriority(p, version.slug)),
  };
}
