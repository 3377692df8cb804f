import type { FieldError } from '../../http/errors.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { isPlausibleEmail } from '../auth/invitations.service.js';
import { normaliseEmail } from '../auth/users.repository.js';
import { subscriptionMessages } from './subscriptions.messages.js';

/** What a subscriber chose: the topics, the councils (none = all), the priorities by slug (none = all) and the language. */
export interface SubscriptionChoices {
  locale: Locale;
  wantsCalls: boolean;
  wantsNews: boolean;
  regionCodes: string[];
  prioritySlugs: string[];
}

/** The form as typed, kept for a re-render after an error. */
export interface SubscriptionForm {
  email: string;
  what: string[];
  regions: string[];
  priorities: string[];
  locale: string;
}

export const whatOptions = ['calls', 'news'] as const;

function field(body: unknown, name: string): string {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** Every value of a repeated field (checkboxes), however the body parser handed them over. */
function fieldValues(body: unknown, name: string): string[] {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}

export function readSubscriptionForm(body: unknown): SubscriptionForm {
  return {
    email: field(body, 'email').trim(),
    what: fieldValues(body, 'what'),
    regions: fieldValues(body, 'region'),
    priorities: fieldValues(body, 'priority'),
    locale: field(body, 'locale'),
  };
}

export function formOf(email: string, choices: SubscriptionChoices): SubscriptionForm {
  return {
    email,
    what: [...(choices.wantsCalls ? ['calls'] : []), ...(choices.wantsNews ? ['news'] : [])],
    regions: choices.regionCodes,
    priorities: choices.prioritySlugs,
    locale: choices.locale,
  };
}

export type FormResult = { ok: true; email: string; choices: SubscriptionChoices } | { ok: false; errors: FieldError[] };

/**
 * Checks the form against the councils and the priorities of the strategy in force. Each message names
 * its field; the e-mail is checked only when the form has one (changing choices keeps the address).
 */
export function validateSubscriptionForm(
  locale: Locale,
  form: SubscriptionForm,
  known: { regionCodes: readonly string[]; prioritySlugs: readonly string[] },
  options: { withEmail: boolean },
): FormResult {
  const m = subscriptionMessages[locale];
  const errors: FieldError[] = [];
  const email = normaliseEmail(form.email);
  if (options.withEmail) {
    if (email === '') errors.push({ field: 'email', message: m.emailMissing });
    else if (!isPlausibleEmail(email)) errors.push({ field: 'email', message: m.emailInvalid });
  }
  if (form.what.some((w) => !(whatOptions as readonly string[]).includes(w))) errors.push({ field: 'what', message: m.unknownChoice(m.whatLegend) });
  else if (form.what.length === 0) errors.push({ field: 'what', message: m.whatMissing });
  if (form.regions.some((r) => !known.regionCodes.includes(r))) errors.push({ field: 'region', message: m.unknownChoice(m.regionsLegend) });
  if (form.priorities.some((p) => !known.prioritySlugs.includes(p))) errors.push({ field: 'priority', message: m.unknownChoice(m.prioritiesLegend) });
  if (!isLocale(form.locale)) errors.push({ field: 'locale', message: m.unknownChoice(m.localeLegend) });
  if (errors.length > 0 || !isLocale(form.locale)) return { ok: false, errors };
  return {
    ok: true,
    email,
    choices: {
      locale: form.locale,
      wantsCalls: form.what.includes('calls'),
      wantsNews: form.what.includes('news'),
      regionCodes: form.regions,
      prioritySlugs: form.priorities,
    },
  };
}
