import { HELSINKI } from '../domain/helsinki-time.js';
import { intlLocale, type Locale } from './locales.js';

/**
 * The one formatter for money and times on the platform. Money is integer cents; times are UTC
 * instants shown in Helsinki time in the page's language (fi: "1 234,50 €", "31.8.2024 klo 16.15").
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(intlLocale[locale], options)));
  return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(intlLocale[locale], { timeZone: HELSINKI, ...options })));
  return format;
}

export function formatMoney(cents: number, locale: Locale, options: { wholeEuros?: boolean } = {}): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money must be whole cents, got ${cents}`);
  const digits = options.wholeEuros && cents % 100 === 0 ? 0 : 2;
  return numberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(cents / 100);
}

export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale, {}).format(value);
}

function toDate(value: Date | string): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

/** A calendar date given as 'YYYY-MM-DD' (not an instant: no time-zone shift). */
export function formatCalendarDate(isoDate: string, locale: Locale, style: 'short' | 'long' = 'short'): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const noonUtc = new Date(Date.UTC(y!, m! - 1, d!, 12));
  return formatDate(noonUtc, locale, style);
}

export function formatDate(instant: Date | string, locale: Locale, style: 'short' | 'long' = 'short'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long' || locale === 'en'
      ? { day: 'numeric', month: 'long', year: 'numeric' }
      : { day: 'numeric', month: 'numeric', year: 'numeric' };
  return dateFormat(locale, options).format(toDate(instant));
}

export function formatDateTime(instant: Date | string, locale: Locale): string {
  const options: Intl.DateTimeFormatOptions =
    locale === 'en'
      ? { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
      : { day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' };
  const text = dateFormat(locale, options).format(toDate(instant));
  // Swedish in Finland writes "kl." before the time, as Finnish writes "klo".
  return locale === 'sv' ? text.replace(/^(\S+) (\d)/, '$1 kl. $2') : text;
}

/** A rate in basis points (7500 = 75 %) as a percentage in the page's language: "75 %", "73,33 %"; "–" for none. */
export function formatRate(bp: number | null, locale: Locale): string {
  if (bp === null) return '–';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}
