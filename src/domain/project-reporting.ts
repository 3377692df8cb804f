import type { ReportStatus } from '../db/schema.js';

/**
 * Rules of a funded project's reporting, without I/O. A reporting period ends on `periodEnd` and its
 * report is due by the end of `dueDate` (Helsinki). Dates are 'YYYY-MM-DD' strings, which compare
 * correctly as text; the caller gives today's date and the submission date in Helsinki.
 */

/**
 * Where a period's report stands in time:
 * - 'not-due': the period has not ended and nothing is submitted;
 * - 'open': the period has ended, the due date has not passed, nothing is submitted;
 * - 'late': the due date has passed and nothing is submitted (a draft is not a report);
 * - 'on-time' / 'submitted-late': submitted (first submission) on or before / after the due date.
 * A report returned for changes keeps the timing of its first submission: the lead partner met the
 * deadline even if the officers then asked for more.
 */
export type ReportTiming = 'not-due' | 'open' | 'late' | 'on-time' | 'submitted-late';

export interface PeriodDates {
  periodEnd: string;
  dueDate: string;
}

export function reportTiming(period: PeriodDates, firstSubmittedOn: string | null, today: string): ReportTiming {
  if (firstSubmittedOn !== null) return firstSubmittedOn <= period.dueDate ? 'on-time' : 'submitted-late';
  if (today > period.dueDate) return 'late';
  if (today > period.periodEnd) return 'open';
  return 'not-due';
}

/** The lead partner may write in a draft or a returned report; a submitted one waits for the officers, an accepted one is final. */
export const leadMayEdit = (status: ReportStatus | null) => status === null || status === 'draft' || status === 'returned';
/** Officers accept or return a submitted report only. */
export const officersMayReview = (status: ReportStatus | null) => status === 'submitted';

export type PeriodProblem = 'end-before-start' | 'due-before-end' | 'outside-project' | 'overlaps';

/**
 * Checks a new reporting period against the project's dates and its other periods of the same kind.
 * A final period must end on or after the project's end; periods of a kind do not overlap.
 */
export function checkPeriod(
  period: { kind: 'progress' | 'final'; start: string; end: string; due: string },
  project: { startDate: string | null; endDate: string | null },
  others: ReadonlyArray<{ kind: 'progress' | 'final'; start: string; end: string }>,
): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  if (period.end < period.start) problems.push('end-before-start');
  if (period.due < period.end) problems.push('due-before-end');
  if ((project.startDate && period.end < project.startDate) || (project.endDate && period.start > project.endDate)) problems.push('outside-project');
  if (others.some((o) => o.kind === period.kind && o.start <= period.end && period.start <= o.end)) problems.push('overlaps');
  return problems;
}
