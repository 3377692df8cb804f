import { MAX_AMOUNT_CENTS } from '../../domain/eligibility.js';
import { helsinkiToUtc, helsinkiWallClock, type LocalDateTime } from '../../domain/helsinki-time.js';
import { daysInMonth, parseIsoDate } from '../../domain/project-duration.js';
import type { Locale } from '../../i18n/locales.js';

/**
 * The values of the call form as officers type them, read into what the platform stores: euros into
 * integer cents, percentages into basis points, a date and a time of day in Helsinki into a UTC instant.
 */

const spaces = /[\s\u00a0\u202f]/g;

/**
 * Euros as typed in Finnish style or plainly ("300 000", "1 234,50", "1234.5", "300 000 €") to
 * integer cents; null when it is not an amount of 0–100 million euros with at most two decimals.
 * A comma or a point is the decimal separator; "1.234" (three decimals) is refused as ambiguous.
 */
export function parseEuroCents(text: string): number | null {
  const s = text.replace(spaces, '').replace(/(?:€|eur|euroa?)$/i, '');
  const m = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return cents <= MAX_AMOUNT_CENTS ? cents : null;
}

/** Cents as the form shows them: "300 000", "1 234,50". */
export function formatEuroInput(cents: number): string {
  const whole = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const rest = cents % 100;
  return rest === 0 ? whole : `${whole},${String(rest).padStart(2, '0')}`;
}

/** A percentage with at most one decimal ("75", "77,5", "77.5 %") to basis points (7750); null otherwise. */
export function parsePercentBp(text: string): number | null {
  const s = text.replace(spaces, '').replace(/%$/, '');
  const m = /^(\d{1,3})(?:[.,](\d))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number(m[2] ?? '0') * 10;
}

/** Basis points as the form shows them: "75", "77,5" (a point in English). */
export function formatPercentInput(bp: number, locale: Locale): string {
  const text = String(bp / 100);
  return locale === 'en' ? text : text.replace('.', ',');
}

/** A date typed as 2026-12-15 (what a date field sends) or 15.12.2026; null when it is no real date. */
export function parseDateInput(text: string): { year: number; month: number; day: number } | null {
  const s = text.trim();
  const iso = parseIsoDate(s);
  if (iso) return iso;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/.exec(s);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** A time of day typed as 16.15, 16:15, 16.15.30 or 16; null otherwise. */
export function parseTimeInput(text: string): { hour: number; minute: number; second: number } | null {
  const m = /^(?:klo|kl\.?)?\s*(\d{1,2})(?:[.:](\d{2})(?:[.:](\d{2}))?)?$/i.exec(text.trim());
  if (!m) return null;
  const [hour, minute, second] = [Number(m[1]), Number(m[2] ?? '0'), Number(m[3] ?? '0')];
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second };
}

const sameWallClock = (a: LocalDateTime, b: LocalDateTime) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;

/**
 * The instant of a Helsinki wall-clock time. A time in the hour skipped when summer time begins
 * does not exist and is refused ('gap'); a time in the hour repeated when it ends is taken as the
 * first of the two, in summer time (UTC+3), and reported as ambiguous.
 */
export function helsinkiInstant(local: LocalDateTime): { ok: true; instant: Date; ambiguous: boolean } | { ok: false; reason: 'gap' } {
  const instant = helsinkiToUtc(local);
  if (!sameWallClock(helsinkiWallClock(instant), local)) return { ok: false, reason: 'gap' };
  const hourLater = helsinkiWallClock(new Date(instant.getTime() + 3_600_000));
  return { ok: true, instant, ambiguous: sameWallClock(hourLater, local) };
}

/** Whether the Helsinki reading of an instant also occurs an hour earlier or later (the autumn change), and its UTC offset. */
export function helsinkiOffset(instant: Date): { offsetHours: number; ambiguous: boolean } {
  const wall = helsinkiWallClock(instant);
  const offsetHours = Math.round((Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - instant.getTime()) / 3_600_000);
  const other = [-3_600_000, 3_600_000].some((d) => sameWallClock(helsinkiWallClock(new Date(instant.getTime() + d)), wall));
  return { offsetHours, ambiguous: other };
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** An instant as the form's date (YYYY-MM-DD, what a date field takes) and time of day in Helsinki. */
export function helsinkiFormParts(iso: string, locale: Locale): { date: string; time: string } {
  const w = helsinkiWallClock(new Date(iso));
  const separator = locale === 'en' ? ':' : '.';
  const time = `${w.hour}${separator}${pad2(w.minute)}${w.second !== 0 ? `${separator}${pad2(w.second)}` : ''}`;
  return { date: `${w.year}-${pad2(w.month)}-${pad2(w.day)}`, time };
}
