import type { FieldError } from '../../http/errors.js';
import { formatMoney } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import { postedFields } from '../strategy/strategy.admin.form.js';
import { parseEuros } from '../applications/applications.form.js';
import { charCount } from '../calls/call-inquiries.service.js';
import { fundingMessages } from './funding.messages.js';
import { fixedReasonMax } from './funding.service.js';

/**
 * The fixed-grant form: one per fundable application on the funding page. Each form's fields carry
 * the application's number in their ids (amount-12, reason-12), so the error summary links to the
 * right form; the posted names are plain amount and reason.
 */
export interface FixedForm {
  applicationId: number;
  amount: string;
  reason: string;
}

export type FixedAction = 'preview' | 'save';

export const amountField = (applicationId: number) => `amount-${applicationId}`;
export const reasonField = (applicationId: number) => `reason-${applicationId}`;

/** The posted form; null when the application number is missing or not a number. */
export function readFixedForm(body: unknown): { form: FixedForm; action: FixedAction } | null {
  const fields = postedFields(body);
  const id = fields.one('applicationId').trim();
  if (!/^\d{1,10}$/.test(id) || Number(id) < 1 || Number(id) > 2_147_483_647) return null;
  return {
    form: { applicationId: Number(id), amount: fields.one('amount').trim(), reason: fields.one('reason').trim() },
    action: fields.one('action') === 'save' ? 'save' : 'preview',
  };
}

export function readApplicationId(body: unknown): number | null {
  const id = postedFields(body).one('applicationId').trim();
  return /^\d{1,10}$/.test(id) && Number(id) >= 1 && Number(id) <= 2_147_483_647 ? Number(id) : null;
}

/**
 * Checks the amount (more than 0, at most the request, whole cents; a Finnish decimal comma is fine)
 * and the reason (required to save, not to preview; at most fixedReasonMax characters). The messages
 * name the field.
 */
export function validateFixedForm(form: FixedForm, action: FixedAction, locale: Locale, requestedCents: number): { ok: true; cents: number } | { ok: false; errors: FieldError[] } {
  const m = fundingMessages[locale];
  const errors: FieldError[] = [];
  const amount = amountField(form.applicationId);
  const parsed = parseEuros(form.amount);
  if (!parsed.ok) {
    // "45 000,505": three or more digits after a decimal mark are fractions of a cent.
    const tooPrecise = parsed.reason === 'format' && /[.,]\d{3,}\s*(€|eur)?$/i.test(form.amount) && !/^\d{1,3}([.,]\d{3})+$/.test(form.amount.replace(/\s/g, ''));
    errors.push({ field: amount, message: tooPrecise ? m.amountCents : parsed.reason === 'negative' ? m.amountPositive : m.amountFormat });
  } else if (parsed.cents === null) errors.push({ field: amount, message: m.amountRequired });
  else if (parsed.cents <= 0) errors.push({ field: amount, message: m.amountPositive });
  else if (parsed.cents > requestedCents) errors.push({ field: amount, message: m.amountAboveRequested(formatMoney(requestedCents, locale)) });
  if (form.reason === '' && action === 'save') errors.push({ field: reasonField(form.applicationId), message: m.reasonRequired });
  else if (charCount(form.reason) > fixedReasonMax) errors.push({ field: reasonField(form.applicationId), message: m.reasonTooLong(fixedReasonMax) });
  if (errors.length > 0 || !parsed.ok || parsed.cents === null) return { ok: false, errors };
  return { ok: true, cents: parsed.cents };
}
