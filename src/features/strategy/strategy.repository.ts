import type { Executor } from '../../db/database.js';
import type { PriorityRow, StrategyRow } from '../../db/schema.js';
import { localisedColumns, type Localised } from '../../i18n/locales.js';

export interface Strategy {
  id: number;
  slug: string;
  name: Localised;
  summary: Localised;
  validFrom: string;
  validTo: string | null;
}

export interface Priority {
  id: number;
  strategyId: number;
  slug: string;
  name: Localised;
  description: Localised;
}

function toStrategy(row: StrategyRow): Strategy {
  return {
    id: row.id,
    slug: row.slug,
    name: localisedColumns(row, 'name'),
    summary: localisedColumns(row, 'summary'),
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

function toPriority(row: PriorityRow): Priority {
  return {
    id: row.id,
    strategyId: row.strategy_id,
    slug: row.slug,
    name: localisedColumns(row, 'name'),
    description: localisedColumns(row, 'description'),
  };
}

/** Every version, newest first. */
export async function listStrategies(db: Executor): Promise<Strategy[]> {
  const rows = await db.selectFrom('strategies').selectAll().orderBy('valid_from', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toStrategy);
}

export async function listPriorities(db: Executor, filter: { strategyIds?: readonly number[] } = {}): Promise<Priority[]> {
  let query = db.selectFrom('priorities').selectAll().orderBy('strategy_id').orderBy('sort_order').orderBy('id');
  if (filter.strategyIds !== undefined) {
    if (filter.strategyIds.length === 0) return [];
    query = query.where('strategy_id', 'in', [...filter.strategyIds]);
  }
  return (await query.execute()).map(toPriority);
}
