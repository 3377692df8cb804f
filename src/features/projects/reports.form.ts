import type { FieldError } from '../../http/errors.js';
import type { Locale } from '../../i18n/locales.js';
import { formatEurosInput, parseEuros } from '../applications/applications.form.js';
import type { PeriodReport } from './projects.repository.js';
import { reportsMessages } from './reports.messages.js';

/**
 * The lead partner's report form as typed and as stored: a narrative, each partner's spending to date
 * in euros ("12 345,67"), and each reported indicator's value to date ("1 234,5"). A draft may be
 * incomplete, but whatever is typed must be a valid value; a submitted report must be complete.
 */

export const reportLimits = {
  narrative: 20_000,
  /**
   * A typo guard, not a rule of eligibility: a partner's spending to date may exceed its grant (the
   * grant covers only part of the costs), but not ten times over – that is a misplaced comma or zeros.
   */
  typoFactor: 10,
  /** Indicator values above ten billion units are typos too. */
  maxIndicatorHundredths: 1_000_000_000_000,
} as const;

export const spendingField = (partnerId: number) => `spending_${partnerId}`;
export const indicatorField = (indicatorId: number) => `indicator_${indicatorId}`;

export interface ReportForm {
  /** The report's version the form was loaded at; "0" while nothing is stored. */
  version: string;
  action: 'draft' | 'submit';
  narrative: string;
  /** Project partner id → euros as typed. */
  spending: Record<string, string>;
  /** Indicator id → value as typed. */
  values: Record<string, string>;
  confirm: boolean;
}

const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

/** Reads a posted body into the form; fields of other partners or indicators are ignored. */
export function readReportForm(body: unknown, partnerIds: readonly number[], indicatorIds: readonly number[]): ReportForm {
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const confirm = text(fields.confirm);
  return {
    version: text(fields.version).trim(),
    action: text(fields.action) === 'submit' ? 'submit' : 'draft',
    narrative: text(fields.narrative).replace(/\r\n/g, '\n'),
    spending: Object.fromEntries(partnerIds.map((id) => [String(id), text(fields[spendingField(id)])])),
    values: Object.fromEntries(indicatorIds.map((id) => [String(id), text(fields[indicatorField(id)])])),
    confirm: confirm === '1' || confirm === 'on' || confirm === 'true',
  };
}

/** The version of the hidden field: 0 for a report not yet stored, null when missing or malformed. */
export function parseReportVersion(value: string): number | null {
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/** What is stored, as the form shows it for editing. */
export function reportToForm(report: PeriodReport, partnerIds: readonly number[], indicators: ReadonlyArray<{ indicatorId: number; decimals: number }>, locale: Locale): ReportForm {
  return {
    version: String(report.period.report?.version ?? 0),
    action: 'draft',
    narrative: report.narrative ?? '',
    spending: Object.fromEntries(
      partnerIds.map((id) => {
        const cents = report.spendingCents.get(id);
        return [String(id), cents === undefined ? '' : formatEurosInput(cents, locale)];
      }),
    ),
    values: Object.fromEntries(
      indicators.map((i) => {
        const h = report.valuesHundredths.get(i.indicatorId);
        return [String(i.indicatorId), h === undefined ? '' : formatIndicatorInput(h, i.decimals, locale)];
      }),
    ),
    confirm: false,
  };
}

export type IndicatorParse = { ok: true; hundredths: number | null } | { ok: false; reason: 'format' | 'negative' | 'decimals' | 'too-large' };

/**
 * A value as people type it, to hundredths of the unit: "1 234,5", "1234.5", "1.234,5", "12".
 * Spaces group digits; a comma or a point followed by one or two digits at the end is the decimal
 * separator, followed by three digits a thousands separator (as in parseEuros). More decimals than
 * the indicator takes are refused unless they are zeros ("12,0" for a count is 12). Blank is null.
 */
export function parseIndicatorValue(input: string, decimals: number): IndicatorParse {
  const s = input.replace(/[\s\u00a0\u202f]+/g, '');
  if (s === '') return { ok: true, hundredths: null };
  if (/^[-−–]/.test(s)) return { ok: false, reason: 'negative' };
  if (!/^\d[\d.,]*$/.test(s)) return { ok: false, reason: 'format' };
  let whole = s;
  let fraction = '';
  const last = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
  if (last >= 0 && /^\d{1,2}$/.test(s.slice(last + 1))) {
    whole = s.slice(0, last);
    fraction = s.slice(last + 1);
    if (whole.includes(s[last]!)) return { ok: false, reason: 'format' };
  }
  if (/[.,]/.test(whole)) {
    const separator = /[.,]/.exec(whole)![0];
    const grouped = separator === '.' ? /^\d{1,3}(?:\.\d{3})+$/ : /^\d{1,3}(?:,\d{3})+$/;
    if (!grouped.test(whole)) return { ok: false, reason: 'format' };
    whole = whole.replace(/[.,]/g, '');
  }
  if (/[1-9]/.test(fraction.slice(Math.max(0, decimals)))) return { ok: false, reason: 'decimals' };
  if (whole.replace(/^0+/, '').length > 11) return { ok: false, reason: 'too-large' };
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (hundredths > reportLimits.maxIndicatorHundredths) return { ok: false, reason: 'too-large' };
  return { ok: true, hundredths };
}

/** Hundredths as the form shows them: "1 234,5" (fi, sv) or "1,234.5" (en), with the indicator's decimals at most. */
export function formatIndicatorInput(hundredths: number, decimals: number, locale: Locale): string {
  const whole = Math.floor(hundredths / 100);
  const rest = String(hundredths % 100).padStart(2, '0');
  const group = locale === 'en' ? ',' : ' ';
  const decimal = locale === 'en' ? '.' : ',';
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const shown = rest.slice(0, Math.max(decimals, rest.replace(/0+$/, '').length)).replace(/0+$/, '');
  return shown === '' ? grouped : `${grouped}${decimal}${shown}`;
}

/** The highest spending to date a partner may report: ten times its requested grant, or the project's whole grant when it asked none. */
export function spendingLimitCents(partner: { requestedCents: number }, project: { grantedCents: number }): number {
  const basis = partner.requestedCents > 0 ? partner.requestedCents : project.grantedCents;
  return basis * reportLimits.typoFactor;
}

export interface ReportValues {
  narrative: string;
  spendingCents: Map<number, number>;
  valuesHundredths: Map<number, number>;
}

export interface ReportFormContext {
  locale: Locale;
  partners: ReadonlyArray<{ id: number; name: string; limitCents: number }>;
  indicators: ReadonlyArray<{ indicatorId: number; name: string; decimals: number }>;
}

/**
 * Checks the form. A draft (action "draft") needs nothing, but what is typed must be valid; on
 * submit the narrative, every partner's spending, every indicator's value and the confirmation are
 * required. Each message names its field, in the page's language.
 */
export function validateReportForm(form: ReportForm, ctx: ReportFormContext): { ok: true; value: ReportValues } | { ok: false; errors: FieldError[] } {
  const m = reportsMessages[ctx.locale].errors;
  const submit = form.action === 'submit';
  const errors: FieldError[] = [];
  const narrative = form.narrative.trim();
  if (narrative.length > reportLimits.narrative) errors.push({ field: 'narrative', message: m.narrativeTooLong(reportLimits.narrative) });
  else if (submit && narrative === '') errors.push({ field: 'narrative', message: m.narrativeMissing });

  const spendingCents = new Map<number, number>();
  for (const p of ctx.partners) {
    const field = spendingField(p.id);
    const parsed = parseEuros(form.spending[String(p.id)] ?? '');
    if (!parsed.ok) errors.push({ field, message: parsed.reason === 'negative' ? m.spendingNegative(p.name) : parsed.reason === 'too-large' ? m.spendingTooLarge(p.name) : m.spendingFormat(p.name) });
    else if (parsed.cents === null) {
      if (submit) errors.push({ field, message: m.spendingMissing(p.name) });
    } else if (parsed.cents > p.limitCents) errors.push({ field, message: m.spendingTooLarge(p.name) });
    else spendingCents.set(p.id, parsed.cents);
  }

  const valuesHundredths = new Map<number, number>();
  for (const i of ctx.indicators) {
    const field = indicatorField(i.indicatorId);
    const parsed = parseIndicatorValue(form.values[String(i.indicatorId)] ?? '', i.decimals);
    if (!parsed.ok) {
      const message =
        parsed.reason === 'negative' ? m.valueNegative(i.name) : parsed.reason === 'decimals' ? m.valueDecimals(i.name, i.decimals) : parsed.reason === 'too-large' ? m.valueTooLarge(i.name) : m.valueFormat(i.name);
      errors.push({ field, message });
    } else if (parsed.hundredths === null) {
      if (submit) errors.push({ field, message: m.valueMissing(i.name) });
    } else valuesHundredths.set(i.indicatorId, parsed.hundredths);
  }

  if (submit && !form.confirm) errors.push({ field: 'confirm', message: m.confirmMissing });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { narrative, spendingCents, valuesHundredths } };
}
