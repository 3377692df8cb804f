import type { FieldError } from '../../http/errors.js';
import { formatCalendarDate } from '../../i18n/format.js';
import { locales, type Locale } from '../../i18n/locales.js';
import { helsinkiFormParts, helsinkiInstant, pad2, parseDateInput, parseTimeInput } from '../calls/calls.admin.values.js';
import { postedFields } from '../strategy/strategy.admin.form.js';
import { newsAdminMessages, type NewsTextPart } from './news.admin.messages.js';
import type { NewsText } from './news.read.js';

/**
 * The officers' news form: read as typed (every value a string, so a re-rendered form loses
 * nothing) and checked into what the service stores. A language is either complete (title,
 * summary and body) or empty, and at least one is complete; tags must be among the choices.
 */

export const newsLimits = { title: 200, summary: 500, body: 20_000 } as const satisfies Record<NewsTextPart, number>;
export const newsTextParts: readonly NewsTextPart[] = ['title', 'summary', 'body'];

type TextField = `${NewsTextPart}_${Locale}`;
const textFields = locales.flatMap((l) => newsTextParts.map((p) => `${p}_${l}` as TextField));

export type NewsForm = Record<TextField, string> & {
  regions: string[];
  /** Priority ids as typed. */
  priorities: string[];
  /** A call id, or '' for none. */
  call: string;
  publish_date: string;
  publish_time: string;
  /** The version the form was filled in on (optimistic lock); '' for a new item. */
  version: string;
};

/** What an item says and how it is tagged, as stored. */
export interface NewsContent {
  texts: Partial<Record<Locale, NewsText>>;
  regionCodes: string[];
  priorityIds: number[];
  callId: number | null;
}

export interface NewsFormChoices {
  regionCodes: readonly string[];
  priorityIds: readonly number[];
  callIds: readonly number[];
}

export function blankNewsForm(): NewsForm {
  return {
    ...(Object.fromEntries(textFields.map((f) => [f, ''])) as Record<TextField, string>),
    regions: [],
    priorities: [],
    call: '',
    publish_date: '',
    publish_time: '',
    version: '',
  };
}

export function readNewsForm(body: unknown): NewsForm {
  const f = postedFields(body);
  return {
    ...(Object.fromEntries(textFields.map((name) => [name, f.one(name).replace(/\r\n?/g, '\n')])) as Record<TextField, string>),
    regions: [...new Set(f.all('regions'))],
    priorities: [...new Set(f.all('priorities'))],
    call: f.one('call').trim(),
    publish_date: f.one('publish_date').trim(),
    publish_time: f.one('publish_time').trim(),
    version: f.one('version').trim(),
  };
}

/** The form filled in from a stored item; the schedule fields show its publication time when it has one. */
export function newsToForm(
  item: NewsContent & { version: number; publishAt: string | null },
  locale: Locale,
): NewsForm {
  const form = blankNewsForm();
  for (const l of locales) {
    const text = item.texts[l];
    if (text) for (const p of newsTextParts) form[`${p}_${l}`] = text[p];
  }
  const when = item.publishAt ? helsinkiFormParts(item.publishAt, locale) : null;
  return {
    ...form,
    regions: [...item.regionCodes],
    priorities: item.priorityIds.map(String),
    call: item.callId === null ? '' : String(item.callId),
    publish_date: when?.date ?? '',
    publish_time: when?.time ?? '',
    version: String(item.version),
  };
}

/** The version typed in the form, or null when it is no version at all. */
export function formVersion(form: NewsForm): number | null {
  return /^[1-9][0-9]{0,8}$/.test(form.version) ? Number(form.version) : null;
}

export type NewsFormResult = { ok: true; value: NewsContent } | { ok: false; errors: FieldError[] };

const length = (s: string) => [...s].length;

/** The texts and tags; every message names its field and its language, in the page's language. */
export function validateNewsForm(form: NewsForm, choices: NewsFormChoices, locale: Locale): NewsFormResult {
  const m = newsAdminMessages[locale];
  const errors: FieldError[] = [];
  const texts: Partial<Record<Locale, NewsText>> = {};
  for (const l of locales) {
    const values = Object.fromEntries(newsTextParts.map((p) => [p, form[`${p}_${l}`].trim()])) as Record<NewsTextPart, string>;
    const filled = newsTextParts.filter((p) => values[p] !== '');
    if (filled.length === 0) continue;
    let complete = true;
    for (const p of newsTextParts) {
      if (values[p] === '') {
        errors.push({ field: `${p}_${l}`, message: m.missing(l, p) });
        complete = false;
      } else if (length(values[p]) > newsLimits[p]) {
        errors.push({ field: `${p}_${l}`, message: m.tooLong(l, p, newsLimits[p], length(values[p])) });
        complete = false;
      }
    }
    if (complete) texts[l] = values;
  }
  if (errors.length === 0 && Object.keys(texts).length === 0) errors.push({ field: `title_${locale}`, message: m.noLanguage });

  if (form.regions.some((code) => !choices.regionCodes.includes(code))) errors.push({ field: 'regions', message: m.unknownRegion });
  const priorityIds = form.priorities.map((p) => (/^[1-9][0-9]{0,9}$/.test(p) ? Number(p) : NaN));
  if (priorityIds.some((id) => !choices.priorityIds.includes(id))) errors.push({ field: 'priorities', message: m.unknownPriority });
  let callId: number | null = null;
  if (form.call !== '') {
    callId = /^[1-9][0-9]{0,9}$/.test(form.call) ? Number(form.call) : NaN;
    if (!choices.callIds.includes(callId)) errors.push({ field: 'call', message: m.unknownCall });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      texts,
      regionCodes: choices.regionCodes.filter((code) => form.regions.includes(code)),
      priorityIds: [...new Set(priorityIds)].sort((a, b) => a - b),
      callId,
    },
  };
}

/** The time of a scheduled publication, typed as a Helsinki date and time of day: required, real, and in the future. */
export function validatePublishAt(form: NewsForm, now: Date, locale: Locale): { ok: true; publishAt: string } | { ok: false; errors: FieldError[] } {
  const m = newsAdminMessages[locale];
  const errors: FieldError[] = [];
  const date = parseDateInput(form.publish_date);
  const time = parseTimeInput(form.publish_time);
  if (!date) errors.push({ field: 'publish_date', message: form.publish_date === '' ? m.dateRequired : m.dateInvalid });
  if (!time) errors.push({ field: 'publish_time', message: form.publish_time === '' ? m.timeRequired : m.timeInvalid });
  if (!date || !time) return { ok: false, errors };
  const result = helsinkiInstant({ ...date, ...time });
  if (!result.ok) {
    const isoDate = `${date.year}-${pad2(date.month)}-${pad2(date.day)}`;
    const shown = `${time.hour}${locale === 'en' ? ':' : '.'}${pad2(time.minute)}`;
    return { ok: false, errors: [{ field: 'publish_time', message: m.timeInGap(formatCalendarDate(isoDate, locale), shown) }] };
  }
  if (result.instant.getTime() <= now.getTime()) return { ok: false, errors: [{ field: 'publish_date', message: m.timeInPast }] };
  return { ok: true, publishAt: result.instant.toISOString() };
}

/** The form's fields in the order of the page, so the error summary reads from top to bottom. */
const fieldOrder = [...textFields, 'regions', 'priorities', 'call', 'publish_date', 'publish_time'];

export function sortNewsErrors(errors: readonly FieldError[]): FieldError[] {
  const rank = (f: string) => (fieldOrder.includes(f) ? fieldOrder.indexOf(f) : fieldOrder.length);
  return [...errors].sort((a, b) => rank(a.field) - rank(b.field));
}
