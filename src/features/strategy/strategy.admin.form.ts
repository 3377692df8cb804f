import type { FieldError } from '../../http/errors.js';
import type { Localised, Locale } from '../../i18n/locales.js';
import { parseCalendarDate } from '../../domain/strategy-succession.js';
import type { StrategyAdminMessages } from './strategy.admin.messages.js';
import type { PriorityInput, VersionInput } from './strategy.commands.js';

/** Posted fields as typed, each a string (a repeated field keeps its values in `all`). */
export interface PostedFields {
  one(name: string): string;
  all(name: string): string[];
  names(): string[];
}

export function postedFields(body: unknown): PostedFields {
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const all = (name: string): string[] => {
    const v = fields[name];
    if (typeof v === 'string') return [v];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  };
  return { one: (name) => all(name)[0] ?? '', all, names: () => Object.keys(fields) };
}

export const limits = { slug: 64, name: 300, summary: 4000, description: 4000, order: 999 } as const;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Field checks shared by the strategy and growth-sector forms; each adds a message naming the field. */
export class FieldChecks {
  readonly errors: FieldError[] = [];
  constructor(private readonly m: StrategyAdminMessages) {}

  add(field: string, message: string): void {
    if (!this.errors.some((e) => e.field === field)) this.errors.push({ field, message });
  }

  text(field: string, label: string, value: string, max: number, required = true): string {
    const v = value.trim();
    if (v === '' && required) this.add(field, this.m.required(label));
    else if (v.length > max) this.add(field, this.m.tooLong(label, max));
    return v;
  }

  slug(field: string, label: string, value: string): string {
    const v = this.text(field, label, value, limits.slug);
    if (v !== '' && v.length <= limits.slug && !slugPattern.test(v)) this.add(field, this.m.slugFormat(label));
    return v;
  }

  date(field: string, label: string, value: string, required: boolean): string | null {
    const v = value.trim();
    if (v === '') {
      if (required) this.add(field, this.m.required(label));
      return null;
    }
    const date = parseCalendarDate(v);
    if (date === null) this.add(field, this.m.dateFormat(label));
    return date;
  }

  wholeNumber(field: string, label: string, value: string, min: number, max: number): number {
    const v = value.trim();
    const n = /^-?\d{1,6}$/.test(v) ? Number(v) : NaN;
    if (!(n >= min && n <= max)) {
      this.add(field, v === '' ? this.m.required(label) : this.m.wholeNumber(label, min, max));
      return min;
    }
    return n;
  }
}

export interface LocalisedLabels {
  fi: string;
  sv: string;
  en: string;
}

export function localisedText(checks: FieldChecks, prefix: string, labels: LocalisedLabels, fields: PostedFields, max: number): Localised {
  const read = (l: Locale) => checks.text(`${prefix}_${l}`, labels[l], fields.one(`${prefix}_${l}`), max);
  return { fi: read('fi'), sv: read('sv'), en: read('en') };
}

/** A priority row of the form, as typed. */
export interface PriorityRowForm {
  id: string;
  slug: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  description_fi: string;
  description_sv: string;
  description_en: string;
  order: string;
  remove: boolean;
}

export interface VersionForm {
  slug: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  summary_fi: string;
  summary_sv: string;
  summary_en: string;
  validFrom: string;
  validTo: string;
  priorities: PriorityRowForm[];
}

const versionKeys = ['slug', 'name_fi', 'name_sv', 'name_en', 'summary_fi', 'summary_sv', 'summary_en', 'validFrom', 'validTo'] as const;
const priorityKeys = ['id', 'slug', 'name_fi', 'name_sv', 'name_en', 'description_fi', 'description_sv', 'description_en', 'order'] as const;
/** More rows than a page ever renders are ignored: the form never needs them. */
const MAX_ROWS = 60;

export function readVersionForm(body: unknown): VersionForm {
  const fields = postedFields(body);
  const form = Object.fromEntries(versionKeys.map((k) => [k, fields.one(k)])) as Omit<VersionForm, 'priorities'>;
  const rows = new Set<number>();
  for (const name of fields.names()) {
    const match = /^p(\d{1,2})\./.exec(name);
    if (match && Number(match[1]) < MAX_ROWS) rows.add(Number(match[1]));
  }
  const priorities = [...rows]
    .sort((a, b) => a - b)
    .map((i) => {
      const row = Object.fromEntries(priorityKeys.map((k) => [k, fields.one(`p${i}.${k}`)])) as Omit<PriorityRowForm, 'remove'>;
      return { ...row, remove: fields.one(`p${i}.remove`) !== '' };
    });
  return { ...form, priorities };
}

const isBlankNewRow = (row: PriorityRowForm) =>
  row.id === '' && priorityKeys.every((k) => k === 'id' || k === 'order' || row[k].trim() === '');

export type VersionValidation =
  | { ok: true; value: VersionInput & { priorities: PriorityInput[] } }
  | { ok: false; errors: FieldError[] };

/**
 * Checks the form field by field. Rules that need the other versions (overlaps, identifiers in use)
 * and the growth-sector links are checked by the service, in its transaction.
 */
export function validateVersionForm(form: VersionForm, m: StrategyAdminMessages): VersionValidation {
  const c = new FieldChecks(m);
  const slug = c.slug('slug', m.slug, form.slug);
  const name = {
    fi: c.text('name_fi', m.nameFi, form.name_fi, limits.name),
    sv: c.text('name_sv', m.nameSv, form.name_sv, limits.name),
    en: c.text('name_en', m.nameEn, form.name_en, limits.name),
  };
  const summary = {
    fi: c.text('summary_fi', m.summaryFi, form.summary_fi, limits.summary),
    sv: c.text('summary_sv', m.summarySv, form.summary_sv, limits.summary),
    en: c.text('summary_en', m.summaryEn, form.summary_en, limits.summary),
  };
  const validFrom = c.date('validFrom', m.validFrom, form.validFrom, true);
  const validTo = c.date('validTo', m.validTo, form.validTo, false);
  if (validFrom && validTo && validTo < validFrom) c.add('validTo', m.endsBeforeStart);

  const priorities: PriorityInput[] = [];
  const seenSlugs = new Map<string, number>();
  form.priorities.forEach((row, index) => {
    if (isBlankNewRow(row)) return;
    const key = `p${index}`;
    const id = row.id === '' ? null : Number(row.id);
    if (id !== null && !(Number.isInteger(id) && id > 0)) {
      c.add(`${key}.slug`, m.notFound);
      return;
    }
    if (row.remove && id !== null) {
      priorities.push({ id, slug: row.slug, name: { fi: row.name_fi, sv: row.name_sv, en: row.name_en }, description: { fi: '', sv: '', en: '' }, order: 0, remove: true, field: key });
      return;
    }
    const pSlug = c.slug(`${key}.slug`, `${m.slug} (${index + 1})`, row.slug);
    const p: PriorityInput = {
      id,
      slug: pSlug,
      name: {
        fi: c.text(`${key}.name_fi`, `${m.nameFi} (${index + 1})`, row.name_fi, limits.name),
        sv: c.text(`${key}.name_sv`, `${m.nameSv} (${index + 1})`, row.name_sv, limits.name),
        en: c.text(`${key}.name_en`, `${m.nameEn} (${index + 1})`, row.name_en, limits.name),
      },
      description: {
        fi: c.text(`${key}.description_fi`, `${m.descriptionFi} (${index + 1})`, row.description_fi, limits.description),
        sv: c.text(`${key}.description_sv`, `${m.descriptionSv} (${index + 1})`, row.description_sv, limits.description),
        en: c.text(`${key}.description_en`, `${m.descriptionEn} (${index + 1})`, row.description_en, limits.description),
      },
      order: c.wholeNumber(`${key}.order`, `${m.order} (${index + 1})`, row.order === '' ? String(index + 1) : row.order, 1, limits.order),
      remove: false,
      field: key,
    };
    if (pSlug !== '' && seenSlugs.has(pSlug)) c.add(`${key}.slug`, m.duplicatePrioritySlug(pSlug));
    seenSlugs.set(pSlug, index);
    priorities.push(p);
  });
  if (!priorities.some((p) => !p.remove)) c.add('p0.slug', m.priorityRequired);

  if (c.errors.length > 0 || validFrom === null) return { ok: false, errors: c.errors };
  return { ok: true, value: { slug, name, summary, validFrom, validTo, priorities } };
}
