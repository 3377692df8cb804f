import { compare, type Fraction } from './fraction.js';

/**
 * The ranking list of a call: fundable applications by weighted total score, highest first. Equal
 * totals are ordered by, in turn:
 *
 *   1. the higher weighted score of the content criteria (the substance of the project);
 *   2. the smaller requested grant (the same budget then funds more);
 *   3. the earlier submission (to the millisecond, as stored);
 *   4. the lower application number, which is unique, so the order is always total.
 *
 * The order depends on nothing else: not on the order the rows arrive in, nor on the database.
 */

export interface RankingEntry {
  applicationId: number;
  total: Fraction;
  contentTotal: Fraction;
  requestedCents: number;
  /** ISO-8601 UTC instant of the submission. */
  submittedAt: string;
}

export type TieBreak = 'content-score' | 'requested-grant' | 'submitted-at' | 'application-id';

export interface Ranked<T extends RankingEntry> {
  rank: number;
  entry: T;
  /** The rule that put this entry below the one just above it, when their totals were equal. */
  tieBrokenBy: TieBreak | null;
}

function comparison(a: RankingEntry, b: RankingEntry): { order: number; by: TieBreak | null } {
  const total = compare(b.total, a.total);
  if (total !== 0) return { order: total, by: null };
  const content = compare(b.contentTotal, a.contentTotal);
  if (content !== 0) return { order: content, by: 'content-score' };
  if (a.requestedCents !== b.requestedCents) return { order: a.requestedCents - b.requestedCents, by: 'requested-grant' };
  const at = Date.parse(a.submittedAt) - Date.parse(b.submittedAt);
  if (at !== 0) return { order: at, by: 'submitted-at' };
  return { order: a.applicationId - b.applicationId, by: 'application-id' };
}

export function rankApplications<T extends RankingEntry>(entries: readonly T[]): Ranked<T>[] {
  const sorted = [...entries].sort((a, b) => comparison(a, b).order);
  return sorted.map((entry, i) => {
    const above = i > 0 ? sorted[i - 1] : undefined;
    return { rank: i + 1, entry, tieBrokenBy: above ? comparison(above, entry).by : null };
  });
}
