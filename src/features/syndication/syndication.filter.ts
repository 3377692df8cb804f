import type { Db } from '../../db/database.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { listRegions, type Region } from '../regions/regions.repository.js';
import { listPriorities, type Priority } from '../strategy/strategy.repository.js';
import { strategyCatalogue } from '../strategy/strategy.service.js';

/**
 * The reference data the feeds, the calendar and the widget name things with, and the filter of a
 * feed's address read strictly: a feed reader keeps the address it was given, so a region or
 * priority that does not exist is an error to see (400), not a silently broader feed.
 */
export interface SyndicationContext {
  regions: Region[];
  /** Every priority of every strategy version: older calls and news name the priorities of their time. */
  priorities: Priority[];
  /** The priorities of the strategy in force, the ones a feed can be filtered by. */
  currentPriorities: Priority[];
}

export interface SyndicationFilter {
  region?: Region | undefined;
  priority?: Priority | undefined;
}

export async function loadSyndicationContext(db: Db, now: Date): Promise<SyndicationContext> {
  const [regions, priorities, catalogue] = await Promise.all([listRegions(db), listPriorities(db), strategyCatalogue(db, now)]);
  return { regions, priorities, currentPriorities: catalogue.current?.priorities ?? [] };
}

export function readSyndicationFilter(
  context: SyndicationContext,
  query: { region?: string | undefined; priority?: string | undefined },
): SyndicationFilter {
  const errors: FieldError[] = [];
  const filter: SyndicationFilter = {};
  if (query.region !== undefined && query.region !== '') {
    filter.region = context.regions.find((r) => r.code === query.region);
    if (!filter.region) {
      errors.push({ field: 'region', message: `No council has the region code "${query.region}"; the codes are ${context.regions.map((r) => r.code).join(', ')}.` });
    }
  }
  if (query.priority !== undefined && query.priority !== '') {
    filter.priority = context.currentPriorities.find((p) => p.slug === query.priority);
    if (!filter.priority) {
      errors.push({
        field: 'priority',
        message: `No priority of the strategy in force is called "${query.priority}"; they are ${context.currentPriorities.map((p) => p.slug).join(', ') || 'none'}.`,
      });
    }
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors.map((e) => e.message).join(' '), errors);
  return filter;
}
