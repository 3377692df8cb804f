import type { FundingInstrument } from '../../db/schema.js';
import { instruments } from '../calls/calls.public.repository.js';
import type { MonitoringFilters } from './monitoring.repository.js';

/**
 * The dashboard's filters as asked (query string of the page or the API) checked against the
 * strategy versions: what is valid is used, and each invalid value is reported by field, so that
 * the page can show the figures without it and a message at the field, and the API can answer 400.
 */

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export interface StrategyChoice {
  id: number;
  slug: string;
}

/** What was asked: strings from a form, or already typed values from the API's schema. */
export interface AskedFilters {
  strategy?: string | undefined;
  yearFrom?: string | number | undefined;
  yearTo?: string | number | undefined;
  instrument?: string | undefined;
}

export type FilterProblem = 'strategy' | 'year' | 'yearOrder' | 'instrument';

export interface CheckedFilters {
  filters: MonitoringFilters;
  /** The strategy's slug in force for the answer. */
  strategySlug: string;
  problems: Array<{ field: keyof AskedFilters; problem: FilterProblem }>;
}

function year(value: string | number | undefined): number | undefined | 'bad' {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (text === '') return undefined;
  if (!/^[0-9]{4}$/.test(text)) return 'bad';
  const y = Number(text);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : 'bad';
}

/** Checks the asked filters; the default strategy is the one in force (else the newest). Null when there is no strategy at all. */
export function checkFilters(asked: AskedFilters, strategies: readonly StrategyChoice[], inForce: StrategyChoice | undefined): CheckedFilters | null {
  const fallback = inForce ?? strategies[0];
  if (!fallback) return null;
  const problems: CheckedFilters['problems'] = [];
  const slug = asked.strategy?.trim() ?? '';
  let strategy = fallback;
  if (slug !== '') {
    const found = strategies.find((s) => s.slug === slug);
    if (found) strategy = found;
    else problems.push({ field: 'strategy', problem: 'strategy' });
  }
  let yearFrom = year(asked.yearFrom);
  let yearTo = year(asked.yearTo);
  if (yearFrom === 'bad') {
    problems.push({ field: 'yearFrom', problem: 'year' });
    yearFrom = undefined;
  }
  if (yearTo === 'bad') {
    problems.push({ field: 'yearTo', problem: 'year' });
    yearTo = undefined;
  }
  if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo) {
    problems.push({ field: 'yearTo', problem: 'yearOrder' });
    yearTo = undefined;
  }
  const instrumentText = asked.instrument?.trim() ?? '';
  let instrument: FundingInstrument | undefined;
  if (instrumentText !== '') {
    if ((instruments as readonly string[]).includes(instrumentText)) instrument = instrumentText as FundingInstrument;
    else problems.push({ field: 'instrument', problem: 'instrument' });
  }
  return { filters: { strategyId: strategy.id, yearFrom, yearTo, instrument }, strategySlug: strategy.slug, problems };
}

/** The first value of a query parameter given once or many times. */
export function firstValue(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : undefined;
}
