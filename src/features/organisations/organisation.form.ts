import { organisationTypes, type OrganisationType } from '../../db/schema.js';
import { parseBusinessId } from '../../domain/business-id.js';
import type { FieldError } from '../../http/errors.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import type { Messages } from '../../i18n/messages/index.js';
import type { OrganisationMessages } from './organisations.messages.js';

/** The organisation form as typed, kept as-is so that a re-rendered form loses nothing. */
export interface OrganisationForm {
  businessId: string;
  name: string;
  orgType: string;
  regionCode: string;
}

export interface OrganisationInput {
  businessId: string;
  name: string;
  orgType: OrganisationType;
  regionCode: string;
}

export const organisationLimits = { name: 200, businessId: 20, personName: 200, email: 254 } as const;

/** One string field of a posted form, whatever shape the body has. */
export function formField(body: unknown, name: string): string {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

export function readOrganisationForm(body: unknown): OrganisationForm {
  return {
    businessId: formField(body, 'businessId'),
    name: formField(body, 'name'),
    orgType: formField(body, 'orgType'),
    regionCode: formField(body, 'regionCode'),
  };
}

export function isOrganisationType(value: string): value is OrganisationType {
  return (organisationTypes as readonly string[]).includes(value);
}

/** The message for a business ID that does not parse, or null when it is valid. */
export function businessIdError(input: string, m: OrganisationMessages): string | null {
  const parsed = parseBusinessId(input);
  if (parsed.ok) return null;
  if (parsed.reason !== 'check-digit') return parsed.reason === 'empty' ? m.businessIdEmpty : m.businessIdFormat;
  const compact = input.replace(/\D/g, '');
  const digits = (compact.length === 7 ? `0${compact}` : compact).slice(0, 7);
  return parsed.expected === null ? m.businessIdImpossible(digits) : m.businessIdCheckDigit(digits, parsed.expected);
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Checks the form and names each wrong field in the page's language. Without `withBusinessId` the
 * business ID is not part of the form (an organisation's own administrator cannot change it).
 */
export function validateOrganisation(
  form: OrganisationForm,
  t: Messages,
  m: OrganisationMessages,
  regionCodes: readonly string[],
  withBusinessId = true,
): Validation<OrganisationInput> {
  const errors: FieldError[] = [];
  let businessId = '';
  if (withBusinessId) {
    const parsed = parseBusinessId(form.businessId.slice(0, organisationLimits.businessId));
    if (parsed.ok) businessId = parsed.value;
    else errors.push({ field: 'businessId', message: businessIdError(form.businessId.slice(0, organisationLimits.businessId), m)! });
  }
  const name = form.name.trim().replace(/\s+/g, ' ');
  if (name === '') errors.push({ field: 'name', message: t.errors.required(m.name) });
  else if (name.length > organisationLimits.name) errors.push({ field: 'name', message: t.errors.tooLong(m.name, organisationLimits.name) });
  if (!isOrganisationType(form.orgType)) errors.push({ field: 'orgType', message: m.orgTypeInvalid });
  if (!regionCodes.includes(form.regionCode)) errors.push({ field: 'regionCode', message: m.regionInvalid });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { businessId, name, orgType: form.orgType as OrganisationType, regionCode: form.regionCode } };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return value.length <= organisationLimits.email && emailPattern.test(value);
}

/** The invitation form as typed. */
export interface InviteForm {
  name: string;
  email: string;
  locale: string;
  isAdmin: boolean;
}

export function emptyInvite(locale: Locale): InviteForm {
  return { name: '', email: '', locale, isAdmin: false };
}

export function readInviteForm(body: unknown, fallback: Locale): InviteForm {
  const locale = formField(body, 'locale');
  return {
    name: formField(body, 'name'),
    email: formField(body, 'email'),
    locale: isLocale(locale) ? locale : fallback,
    isAdmin: formField(body, 'isAdmin') === '1',
  };
}

export function validateInvite(
  form: InviteForm,
  t: Messages,
  m: OrganisationMessages,
): Validation<{ name: string; email: string; locale: Locale; isAdmin: boolean }> {
  const errors: FieldError[] = [];
  const name = form.name.trim().replace(/\s+/g, ' ');
  const email = form.email.trim();
  if (name === '') errors.push({ field: 'name', message: t.errors.required(m.inviteName) });
  else if (name.length > organisationLimits.personName) errors.push({ field: 'name', message: t.errors.tooLong(m.inviteName, organisationLimits.personName) });
  if (email === '') errors.push({ field: 'email', message: t.errors.required(m.inviteEmail) });
  else if (!isEmail(email)) errors.push({ field: 'email', message: t.errors.invalidEmail });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { name, email, locale: isLocale(form.locale) ? form.locale : 'fi', isAdmin: form.isAdmin } };
}

/** Why an invitation was refused, as a message at the e-mail field. */
export function invitationErrors(reason: 'email-invalid' | 'already-member' | 'account-disabled', t: Messages, m: OrganisationMessages, field = 'email'): FieldError[] {
  const message = reason === 'email-invalid' ? t.errors.invalidEmail : reason === 'already-member' ? m.inviteAlreadyMember : m.inviteDisabled;
  return [{ field, message }];
}
