/**
 * Calendar arithmetic on 'YYYY-MM-DD' dates for project durations. A project of N months that
 * starts on 1 March ends at the latest on the last day of the Nth month, e.g. 36 months from
 * 2025-03-01 end by 2028-02-29; from 2025-01-31, one month ends by 2025-02-28 (February is short).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The last day a project of `months` months starting on `start` may run. */
export function latestEndDate(start: string, months: number): string | null {
  const s = parseIsoDate(start);
  if (!s || !Number.isInteger(months) || months < 1) return null;
  const monthIndex = s.year * 12 + (s.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  // The day before the same day N months later; when that month is too short for the day, its last day.
  const end =
    s.day > daysInMonth(year, month)
      ? new Date(Date.UTC(year, month - 1, daysInMonth(year, month)))
      : new Date(Date.UTC(year, month - 1, s.day) - 86_400_000);
  return `${pad(end.getUTCFullYear(), 4)}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}`;
}

/**
 * The project's length in started months: the least N for which `end` is within N months of
 * `start` (1 March–31 May is 3, 1 March–1 June is 4). Null when a date is invalid or the end is
 * before the start.
 */
export function durationInMonths(start: string, end: string): number | null {
  const s = parseIsoDate(start);
  const e = parseIsoDate(end);
  if (!s || !e || end < start) return null;
  let months = Math.max(1, (e.year - s.year) * 12 + (e.month - s.month));
  while ((latestEndDate(start, months) ?? '') < end) months += 1;
  while (months > 1 && (latestEndDate(start, months - 1) ?? '') >= end) months -= 1;
  return months;
}
