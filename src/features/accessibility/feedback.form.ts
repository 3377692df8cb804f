import type { FieldError } from '../../http/errors.js';
import type { Messages } from '../../i18n/messages/index.js';

/** What the feedback form sends, as typed: kept as-is so a re-rendered form loses nothing. */
export interface FeedbackForm {
  message: string;
  pageUrl: string;
  name: string;
  email: string;
}

export interface FeedbackInput {
  message: string;
  pageUrl: string | null;
  name: string | null;
  email: string | null;
}

export const feedbackLimits = { message: 5000, pageUrl: 2000, name: 200, email: 254 } as const;

function firstString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

/** Reads the posted fields whatever shape the body has; missing or odd fields become empty strings. */
export function readFeedbackForm(body: unknown): FeedbackForm {
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return {
    message: firstString(fields.message),
    pageUrl: firstString(fields.pageUrl),
    name: firstString(fields.name),
    email: firstString(fields.email),
  };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export type FeedbackValidation = { ok: true; value: FeedbackInput } | { ok: false; errors: FieldError[] };

/** Checks the form and says, in the page's language, which field is wrong and why. */
export function validateFeedback(form: FeedbackForm, t: Messages): FeedbackValidation {
  const errors: FieldError[] = [];
  const message = form.message.trim();
  const pageUrl = form.pageUrl.trim();
  const name = form.name.trim();
  const email = form.email.trim();
  const f = t.feedback;
  if (message === '') errors.push({ field: 'message', message: t.errors.required(f.message) });
  else if (message.length > feedbackLimits.message) {
    errors.push({ field: 'message', message: t.errors.tooLong(f.message, feedbackLimits.message) });
  }
  if (pageUrl.length > feedbackLimits.pageUrl) {
    errors.push({ field: 'pageUrl', message: t.errors.tooLong(f.pageUrl, feedbackLimits.pageUrl) });
  } else if (pageUrl !== '' && !isHttpUrl(pageUrl)) errors.push({ field: 'pageUrl', message: t.errors.invalidUrl });
  if (name.length > feedbackLimits.name) errors.push({ field: 'name', message: t.errors.tooLong(f.name, feedbackLimits.name) });
  if (email.length > feedbackLimits.email || (email !== '' && !emailPattern.test(email))) {
    errors.push({ field: 'email', message: t.errors.invalidEmail });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { message, pageUrl: pageUrl || null, name: name || null, email: email || null } };
}
