import type { IndicatorUnit } from '../../../db/schema.js';
import { formatMoney } from '../../../i18n/format.js';
import { intlLocale, type Locale } from '../../../i18n/locales.js';
import { monitoringMessages } from '../monitoring.messages.js';

/** Numbers of the dashboard in the page's language. Money goes through formatMoney; charts use a compact form. */
const formats = new Map<string, Intl.NumberFormat>();
function format(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(intlLocale[locale], options)));
  return f;
}

/** Whole euros in tables: "1 234 567 €". */
export const money = (cents: number, locale: Locale) => formatMoney(cents, locale, { wholeEuros: true });

/** A short amount for chart labels: "1,2 milj. €", "€120k". */
export const compactMoney = (cents: number, locale: Locale) =>
  format(locale, { style: 'currency', currency: 'EUR', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(cents / 100);

export const integer = (value: number, locale: Locale) => format(locale, { maximumFractionDigits: 0 }).format(value);

/** A value in hundredths with the given decimals: 267 → "2,67". */
export const hundredths = (value: number, decimals: number, locale: Locale) =>
  format(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value / 100);

/** Tenths of a percent: 750 → "75,0 %". */
export const percent = (tenths: number, locale: Locale) =>
  format(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(tenths / 1000);

/** An indicator value (hundredths of its unit) with its unit: money as money, others with the unit's abbreviation. */
export function indicatorValue(value: number, unit: IndicatorUnit, decimals: number, locale: Locale): string {
  if (unit === 'eur') return formatMoney(value, locale, { wholeEuros: true });
  const suffix = monitoringMessages[locale].units[unit];
  const number = hundredths(value, Math.min(2, Math.max(0, decimals)), locale);
  return suffix ? `${number} ${suffix}` : number;
}
