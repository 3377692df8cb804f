import type { IndicatorUnit } from '../../../db/schema.js';
import { formatCalendarDate, formatMoney, formatNumber } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import type { ReportingPeriod } from '../projects.repository.js';
import { reportsMessages, type ReportState } from '../reports.messages.js';

/** Parts shared by "My projects", a project's overview and the report page. */

const stateTag: Record<ReportState, string> = {
  'not-due': 'tag tag--neutral',
  open: 'tag tag--pending',
  late: 'tag tag--error',
  'draft-late': 'tag tag--error',
  submitted: 'tag tag--info',
  returned: 'tag tag--warning',
  accepted: 'tag tag--success',
};

/** A report's state as a tag: the words carry the meaning, the colour only repeats it. */
export function ReportStateTag({ state, locale }: { state: ReportState; locale: Locale }) {
  return <span class={stateTag[state]}>{reportsMessages[locale].states[state]}</span>;
}

/** An indicator's value in hundredths, in its unit: euros as money, counts without a unit in English. */
export function formatIndicatorValue(hundredths: number, unit: IndicatorUnit, locale: Locale): string {
  if (unit === 'eur') return formatMoney(hundredths, locale);
  const number = formatNumber(hundredths / 100, locale);
  if (unit === 'count' && locale === 'en') return number;
  const symbol = reportsMessages[locale].units[unit];
  return unit === 'percent' && locale === 'en' ? `${number}%` : `${number} ${symbol}`;
}

export const dateOf = (iso: string, locale: Locale) => formatCalendarDate(iso, locale);

/** "Väliraportti 1.1.2027–31.12.2027". */
export function periodLabel(period: Pick<ReportingPeriod, 'kind' | 'start' | 'end'>, locale: Locale): string {
  const m = reportsMessages[locale];
  return m.periodLabel(m.kinds[period.kind], dateOf(period.start, locale), dateOf(period.end, locale));
}
