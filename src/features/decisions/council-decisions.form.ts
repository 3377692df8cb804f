import { helsinkiDate } from '../../domain/helsinki-time.js';
import { parseCalendarDate } from '../../domain/strategy-succession.js';
import type { FieldError } from '../../http/errors.js';
import type { Locale } from '../../i18n/locales.js';
import { postedFields } from '../strategy/strategy.admin.form.js';
import { councilDecisionMessages } from './council-decisions.messages.js';
import type { DecisionRecord } from './council-decisions.service.js';
import { decisionField, decisionLimits, type DecisionForm } from './council-decisions.views.js';

/** A council's decision form as posted, every value as typed (trimmed). */
export function readDecisionForm(body: unknown, regionCode: string): DecisionForm {
  const fields = postedFields(body);
  const value = (field: keyof DecisionForm) => fields.one(decisionField(field, regionCode)).trim();
  return { number: value('number'), date: value('date'), maker: value('maker'), grounds: value('grounds') };
}

const length = (text: string) => [...text].length;

/**
 * Every field is required; the date is a real calendar date, typed as 1.12.2026 or 2026-12-01, and
 * not later than today in Helsinki (a decision is recorded after it is made).
 */
export function validateDecisionForm(
  form: DecisionForm,
  regionCode: string,
  locale: Locale,
  now: Date,
): { ok: true; value: DecisionRecord } | { ok: false; errors: FieldError[] } {
  const m = councilDecisionMessages[locale];
  const errors: FieldError[] = [];
  const error = (field: keyof DecisionForm, message: string) => errors.push({ field: decisionField(field, regionCode), message });

  if (form.number === '') error('number', m.numberRequired);
  else if (length(form.number) > decisionLimits.number) error('number', m.numberTooLong(decisionLimits.number));

  const date = form.date === '' ? null : parseCalendarDate(form.date);
  if (form.date === '') error('date', m.dateRequired);
  else if (date === null) error('date', m.dateInvalid);
  else if (date > helsinkiDate(now)) error('date', m.dateInFuture);

  if (form.maker === '') error('maker', m.makerRequired);
  else if (length(form.maker) > decisionLimits.maker) error('maker', m.makerTooLong(decisionLimits.maker));

  if (form.grounds === '') error('grounds', m.groundsRequired);
  else if (length(form.grounds) > decisionLimits.grounds) error('grounds', m.groundsTooLong(decisionLimits.grounds));

  if (errors.length > 0 || date === null) return { ok: false, errors };
  return { ok: true, value: { number: form.number, date, maker: form.maker, grounds: form.grounds.replace(/\r\n/g, '\n') } };
}
