import type { Executor } from '../../db/database.js';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import { strategyInForce } from '../../domain/strategy-versions.js';
import { listStrategies, type Strategy } from '../strategy/strategy.repository.js';
import { checkFilters, type AskedFilters, type CheckedFilters } from './monitoring.filters.js';

/** The strategy versions to choose from (newest first) and the one in force today (Helsinki). */
export async function strategyChoices(db: Executor, now: Date): Promise<{ strategies: Strategy[]; inForce: Strategy | undefined }> {
  const strategies = await listStrategies(db);
  return { strategies, inForce: strategyInForce(strategies, helsinkiDate(now)) };
}

/** The asked filters checked against the strategy versions (null when no strategy exists). */
export async function resolveFilters(db: Executor, asked: AskedFilters, now: Date): Promise<CheckedFilters | null> {
  const { strategies, inForce } = await strategyChoices(db, now);
  return checkFilters(asked, strategies, inForce);
}

/** The query string of the applied filters (the strategy always, so that a link keeps meaning the same version). */
export function filterQuery(checked: CheckedFilters): string {
  const params = new URLSearchParams({ strategy: checked.strategySlug });
  const f = checked.filters;
  if (f.yearFrom !== undefined) params.set('yearFrom', String(f.yearFrom));
  if (f.yearTo !== undefined) params.set('yearTo', String(f.yearTo));
  if (f.instrument !== undefined) params.set('instrument', f.instrument);
  return params.toString();
}
