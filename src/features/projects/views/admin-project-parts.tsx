import type { IndicatorUnit, ProjectStatus } from '../../../db/schema.js';
import type { ReportTiming } from '../../../domain/project-reporting.js';
import { formatCalendarDate, formatMoney, formatNumber } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import { projectsAdminMessages } from '../projects.admin.messages.js';
import type { ReportingPeriod } from '../projects.repository.js';

/** Small parts shared by the officers' project pages. */

/** A value in hundredths of an indicator's unit, in the page's language with the unit: "1 234,5 htv", "12 500 €". */
export function indicatorValueText(hundredths: number, unit: IndicatorUnit, locale: Locale): string {
  if (unit === 'eur') return formatMoney(hundredths, locale, { wholeEuros: true });
  const number = formatNumber(hundredths / 100, locale);
  return `${number}\u00a0${projectsAdminMessages[locale].units[unit]}`;
}

/** "Väliraportti 1.1.2027–31.12.2027". */
export function periodText(period: Pick<ReportingPeriod, 'kind' | 'start' | 'end'>, locale: Locale): string {
  const m = projectsAdminMessages[locale].periods;
  return m.periodText(m.kinds[period.kind], formatCalendarDate(period.start, locale), formatCalendarDate(period.end, locale));
}

const timingTag: Record<ReportTiming, string> = {
  'not-due': 'tag tag--neutral',
  open: 'tag tag--info',
  late: 'tag tag--error',
  'on-time': 'tag tag--success',
  'submitted-late': 'tag tag--warning',
};

/** Where a report stands in time, in words; the colour only echoes them. */
export function TimingTag({ timing, locale }: { timing: ReportTiming; locale: Locale }) {
  return <span class={timingTag[timing]}>{projectsAdminMessages[locale].periods.timing[timing]}</span>;
}

export function ProjectStatusTag({ status, locale }: { status: ProjectStatus; locale: Locale }) {
  return <span class={status === 'completed' ? 'tag tag--success' : 'tag tag--info'}>{projectsAdminMessages[locale].projectStatus[status]}</span>;
}
