import { parseCalendarDate } from '../../domain/strategy-succession.js';
import type { PeriodProblem } from '../../domain/project-reporting.js';
import type { FieldError } from '../../http/errors.js';
import type { Locale } from '../../i18n/locales.js';
import { postedFields } from '../strategy/strategy.admin.form.js';
import { projectsAdminMessages } from './projects.admin.messages.js';

/**
 * The officers' forms of a funded project as posted, and their checks: a reporting period, an
 * indicator target, and the review of a report. Numbers are typed as Finns write them ("1 234,5")
 * or with a point ("1234.5") and kept in hundredths of the unit.
 */

export type NumberProblem = 'required' | 'not-a-number' | 'negative' | 'too-many-decimals' | 'too-large';

/** Twelve digits before the decimal mark: far beyond any indicator, safely inside a JavaScript integer as hundredths. */
const MAX_INTEGER_DIGITS = 12;

/**
 * A number typed by a person, in hundredths: spaces (also no-break and narrow no-break) may group
 * the thousands, a comma or a point marks the decimals. No more decimals than `decimals` (0–2) are
 * accepted (trailing zeros do not count), and nothing below zero.
 */
export function parseHundredths(input: string, decimals: number): { ok: true; value: number } | { ok: false; problem: NumberProblem } {
  const text = input.trim().replace(/\u2212/g, '-');
  if (text === '') return { ok: false, problem: 'required' };
  const match = /^(-?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) return { ok: false, problem: 'not-a-number' };
  const [, sign, whole, fraction = ''] = match;
  const digits = whole!.replace(/[ \u00a0\u202f]/g, '');
  const significant = fraction.replace(/0+$/, '');
  if (sign === '-' && (/[1-9]/.test(digits) || significant !== '')) return { ok: false, problem: 'negative' };
  if (significant.length > Math.min(Math.max(decimals, 0), 2)) return { ok: false, problem: 'too-many-decimals' };
  const integer = digits.replace(/^0+(?=\d)/, '');
  if (integer.length > MAX_INTEGER_DIGITS) return { ok: false, problem: 'too-large' };
  return { ok: true, value: Number(integer) * 100 + Number(significant.padEnd(2, '0')) };
}

/** The message of a number's problem, naming the field. */
export function numberMessage(locale: Locale, label: string, problem: NumberProblem, decimals: number): string {
  const m = projectsAdminMessages[locale].numbers;
  switch (problem) {
    case 'required':
      return m.required(label);
    case 'not-a-number':
      return m.notANumber(label);
    case 'negative':
      return m.negative(label);
    case 'too-many-decimals':
      return m.tooManyDecimals(label, decimals);
    case 'too-large':
      return m.tooLarge(label);
  }
}

/** Hundredths as the number a person would type back, in the page's language ("1234,5"; no grouping, so it parses again). */
export function hundredthsInput(value: number, locale: Locale): string {
  const whole = Math.trunc(value / 100);
  const cents = value % 100;
  if (cents === 0) return String(whole);
  const fraction = String(cents).padStart(2, '0').replace(/0$/, '');
  return `${whole}${locale === 'en' ? '.' : ','}${fraction}`;
}

// ---------- Reporting periods ----------

export interface PeriodForm {
  kind: string;
  start: string;
  end: string;
  due: string;
}

export interface PeriodValue {
  kind: 'progress' | 'final';
  start: string;
  end: string;
  due: string;
}

export function readPeriodForm(body: unknown): PeriodForm {
  const f = postedFields(body);
  return { kind: f.one('kind').trim(), start: f.one('start').trim(), end: f.one('end').trim(), due: f.one('due').trim() };
}

/** True when the post carries none of the form's fields: a request, not a person's mistake. */
export const isEmptyPost = (body: unknown, names: readonly string[]) => {
  const f = postedFields(body);
  return names.every((n) => f.all(n).length === 0);
};

/** The form's own checks: a kind, and three real dates (31.12.2027 or 2027-12-31). The period rules follow in the service. */
export function validatePeriodForm(form: PeriodForm, locale: Locale): { ok: true; value: PeriodValue } | { ok: false; errors: FieldError[] } {
  const m = projectsAdminMessages[locale].periods;
  const errors: FieldError[] = [];
  if (form.kind !== 'progress' && form.kind !== 'final') errors.push({ field: 'kind', message: m.kindRequired });
  const date = (field: 'start' | 'end' | 'due', label: string) => {
    const value = form[field];
    if (value === '') {
      errors.push({ field, message: m.dateRequired(label) });
      return null;
    }
    const parsed = parseCalendarDate(value);
    if (parsed === null) errors.push({ field, message: m.dateInvalid(label) });
    return parsed;
  };
  const start = date('start', m.start);
  const end = date('end', m.end);
  const due = date('due', m.due);
  if (errors.length > 0 || start === null || end === null || due === null) return { ok: false, errors };
  return { ok: true, value: { kind: form.kind as PeriodValue['kind'], start, end, due } };
}

/** Each period rule broken, as a message at the field it concerns. */
export function periodProblemErrors(problems: readonly PeriodProblem[], locale: Locale, project: { startDate: string | null; endDate: string | null }, dates: (iso: string) => string): FieldError[] {
  const m = projectsAdminMessages[locale].periods;
  return problems.map((p): FieldError => {
    switch (p) {
      case 'end-before-start':
        return { field: 'end', message: m.endBeforeStart };
      case 'due-before-end':
        return { field: 'due', message: m.dueBeforeEnd };
      case 'outside-project':
        return { field: 'start', message: m.outsideProject(project.startDate ? dates(project.startDate) : '–', project.endDate ? dates(project.endDate) : '–') };
      case 'overlaps':
        return { field: 'start', message: m.overlaps };
    }
  });
}

// ---------- Indicator targets ----------

export interface TargetForm {
  indicator: string;
  /** The name of the field the target was typed in: 'target' in the add form, 'target_<id>' in a row's form. */
  field: string;
  target: string;
}

export function readTargetForm(body: unknown): TargetForm {
  const f = postedFields(body);
  const indicator = f.one('indicator').trim();
  const rowField = `target_${indicator}`;
  const field = /^\d{1,10}$/.test(indicator) && f.all(rowField).length > 0 ? rowField : 'target';
  return { indicator, field, target: f.one(field) };
}

// ---------- Report review ----------

export interface ReviewForm {
  version: number | null;
  comment: string;
}

export const reviewLimits = { comment: 10_000 } as const;

export function readReviewForm(body: unknown): ReviewForm {
  const f = postedFields(body);
  const version = f.one('version').trim();
  return { version: /^\d{1,9}$/.test(version) ? Number(version) : null, comment: f.one('comment').replace(/\r\n/g, '\n').trim() };
}

/** A return needs a comment saying what to change; an acceptance may have one. */
export function validateReviewForm(form: ReviewForm, decision: 'accept' | 'return', locale: Locale): FieldError[] {
  const m = projectsAdminMessages[locale].review;
  if (decision === 'return' && form.comment === '') return [{ field: 'comment', message: m.commentRequired }];
  if ([...form.comment].length > reviewLimits.comment) return [{ field: 'comment', message: m.commentTooLong(reviewLimits.comment) }];
  return [];
}
