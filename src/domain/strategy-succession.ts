import type { StrategyPeriod } from './strategy-versions.js';

/**
 * How strategy versions follow each other when officers add or edit one. Versions may not overlap:
 * the public pages and the API must name one version in force on any day. A new version closes the
 * one before it (valid_to = the day before the new one starts); an edit never moves other versions.
 */
export interface DatedVersion extends StrategyPeriod {
  readonly id: number;
  readonly slug: string;
}

export interface ProposedPeriod extends StrategyPeriod {
  readonly slug: string;
}

export type PeriodProblem =
  | { readonly kind: 'duplicate-slug'; readonly slug: string }
  | { readonly kind: 'ends-before-start' }
  | { readonly kind: 'overlaps'; readonly slug: string; readonly validFrom: string; readonly validTo: string | null };

export type SuccessionPlan =
  | { readonly ok: true; readonly closes: ReadonlyArray<{ readonly id: number; readonly validTo: string }> }
  | { readonly ok: false; readonly problems: readonly PeriodProblem[] };

/** A calendar date typed as YYYY-MM-DD (a date field) or D.M.YYYY (as Finns write it); null if it is no real date. */
export function parseCalendarDate(input: string): string | null {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : finnish ? [finnish[3], finnish[2], finnish[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The calendar day before a YYYY-MM-DD date. */
export function dayBefore(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! - 1)).toISOString().slice(0, 10);
}

function overlap(a: StrategyPeriod, b: StrategyPeriod): boolean {
  return a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');
}

function periodProblems(others: readonly DatedVersion[], proposed: ProposedPeriod): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  if (others.some((v) => v.slug === proposed.slug)) problems.push({ kind: 'duplicate-slug', slug: proposed.slug });
  if (proposed.validTo !== null && proposed.validTo < proposed.validFrom) problems.push({ kind: 'ends-before-start' });
  else {
    for (const v of others) {
      if (overlap(v, proposed)) problems.push({ kind: 'overlaps', slug: v.slug, validFrom: v.validFrom, validTo: v.validTo });
    }
  }
  return problems;
}

/**
 * Where a new version fits. The version that began last before it is closed the day before the new
 * one begins, if it was open or ran past that day; any other overlap (say with a version already
 * planned for later) is a problem for the officer to solve, never silently shortened.
 */
export function planNewVersion(existing: readonly DatedVersion[], proposed: ProposedPeriod): SuccessionPlan {
  const previous = existing
    .filter((v) => v.validFrom < proposed.validFrom)
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  const closes: Array<{ id: number; validTo: string }> = [];
  if (previous && (previous.validTo === null || previous.validTo >= proposed.validFrom)) {
    closes.push({ id: previous.id, validTo: dayBefore(proposed.validFrom) });
  }
  const after = existing.map((v) => {
    const closed = closes.find((c) => c.id === v.id);
    return closed ? { ...v, validTo: closed.validTo } : v;
  });
  const problems = periodProblems(after, proposed);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, closes };
}

/** Checks an edit of one version's identifier and dates against all the others. */
export function checkVersionEdit(existing: readonly DatedVersion[], id: number, proposed: ProposedPeriod): PeriodProblem[] {
  return periodProblems(
    existing.filter((v) => v.id !== id),
    proposed,
  );
}
