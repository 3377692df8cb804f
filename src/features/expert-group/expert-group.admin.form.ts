import type { FieldError } from '../../http/errors.js';
import type { Messages } from '../../i18n/messages/index.js';
import type { ExpertGroupAdminMessages } from './expert-group.admin.messages.js';
import type { ExpertGroupMember } from './expert-group.repository.js';

/** The contact form as typed, kept as-is for a re-rendered form. */
export interface ContactForm {
  name: string;
  titleFi: string;
  titleSv: string;
  titleEn: string;
  organisation: string;
  email: string;
  phone: string;
  regionCode: string;
  sortOrder: string;
  accountEmail: string;
  isDemo: boolean;
}

export interface ContactInput {
  name: string;
  title: { fi: string; sv: string; en: string };
  organisation: string;
  email: string;
  phone: string | null;
  regionCode: string;
  sortOrder: number;
  /** The linked account's e-mail, looked up by the service; null for no link. */
  accountEmail: string | null;
  isDemo: boolean;
}

const limit = 200;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9][0-9 ()-]{4,28}[0-9]$/;

function field(body: unknown, name: string): string {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

export function readContactForm(body: unknown): ContactForm {
  return {
    name: field(body, 'name'),
    titleFi: field(body, 'titleFi'),
    titleSv: field(body, 'titleSv'),
    titleEn: field(body, 'titleEn'),
    organisation: field(body, 'organisation'),
    email: field(body, 'email'),
    phone: field(body, 'phone'),
    regionCode: field(body, 'regionCode'),
    sortOrder: field(body, 'sortOrder'),
    accountEmail: field(body, 'accountEmail'),
    isDemo: field(body, 'isDemo') === '1',
  };
}

export function contactFormOf(member: ExpertGroupMember, accountEmail: string | null): ContactForm {
  return {
    name: member.name,
    titleFi: member.title.fi,
    titleSv: member.title.sv,
    titleEn: member.title.en,
    organisation: member.organisation,
    email: member.email,
    phone: member.phone ?? '',
    regionCode: member.regionCode,
    sortOrder: String(member.sortOrder),
    accountEmail: accountEmail ?? '',
    isDemo: member.isDemo,
  };
}

export type ContactValidation = { ok: true; value: ContactInput } | { ok: false; errors: FieldError[] };

/** Checks each field and names it in the page's language; the region must be one of `regionCodes`. */
export function validateContact(form: ContactForm, t: Messages, m: ExpertGroupAdminMessages, regionCodes: readonly string[]): ContactValidation {
  const errors: FieldError[] = [];
  const text = (name: keyof ContactForm & string, label: string, value: string) => {
    const clean = value.trim().replace(/\s+/g, ' ');
    if (clean === '') errors.push({ field: name, message: t.errors.required(label) });
    else if (clean.length > limit) errors.push({ field: name, message: t.errors.tooLong(label, limit) });
    return clean;
  };
  const name = text('name', m.name, form.name);
  const title = { fi: text('titleFi', m.titleFi, form.titleFi), sv: text('titleSv', m.titleSv, form.titleSv), en: text('titleEn', m.titleEn, form.titleEn) };
  const organisation = text('organisation', m.organisation, form.organisation);
  const email = form.email.trim();
  if (email === '') errors.push({ field: 'email', message: t.errors.required(m.email) });
  else if (email.length > 254 || !emailPattern.test(email)) errors.push({ field: 'email', message: t.errors.invalidEmail });
  const phone = form.phone.trim().replace(/\s+/g, ' ');
  if (phone !== '' && !phonePattern.test(phone)) errors.push({ field: 'phone', message: m.phoneInvalid });
  if (!regionCodes.includes(form.regionCode)) errors.push({ field: 'regionCode', message: m.regionInvalid });
  const sortText = form.sortOrder.trim();
  const sortOrder = sortText === '' ? 0 : /^\d{1,4}$/.test(sortText) ? Number(sortText) : NaN;
  if (Number.isNaN(sortOrder)) errors.push({ field: 'sortOrder', message: m.sortOrderInvalid });
  const accountEmail = form.accountEmail.trim();
  if (accountEmail !== '' && (accountEmail.length > 254 || !emailPattern.test(accountEmail))) {
    errors.push({ field: 'accountEmail', message: t.errors.invalidEmail });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      title,
      organisation,
      email: email.toLowerCase(),
      phone: phone || null,
      regionCode: form.regionCode,
      sortOrder,
      accountEmail: accountEmail || null,
      isDemo: form.isDemo,
    },
  };
}
