import {
  applicationSections,
  costCategories,
  MAX_AMOUNT_CENTS,
  type ApplicationSection,
  type CostCategory,
  type CostModel,
} from '../../domain/eligibility.js';
import { parseIsoDate } from '../../domain/project-duration.js';
import type { FieldError } from '../../http/errors.js';
import type { Locale } from '../../i18n/locales.js';
import { applicationsMessages, type ApplicationsMessages } from './applications.messages.js';

/**
 * The application editor's forms: read leniently from a posted body (everything kept as typed, so a
 * re-rendered form loses nothing), then checked field by field. A draft may be incomplete: a blank
 * field is never an error here (the eligibility check lists what is missing); only a value that
 * cannot be stored is. Free of Node APIs: the editor's script (autosave) reuses it in the browser.
 */

export const editorLimits = {
  title: 300,
  summary: 3000,
  section: 12_000,
  answer: 12_000,
  unit: 300,
  roleDescription: 4000,
  personName: 200,
  email: 254,
  indicatorName: 300,
  indicatorUnit: 60,
  /** Indicator rows read from a form; more are ignored. */
  indicatorRows: 40,
  /** Empty indicator rows offered below the filled ones. */
  emptyIndicatorRows: 2,
} as const;

// ---------- Values typed in Finnish style ----------

export type MoneyParse = { ok: true; cents: number | null } | { ok: false; reason: 'format' | 'negative' | 'too-large' };

/**
 * Euros as people type them, to integer cents: "300 000", "1 234,50", "1234.5", "1.234,50",
 * "1,234.50", "12 €". Spaces (also the no-break spaces of formatted amounts) group digits; a comma
 * or a point followed by one or two digits at the end is the decimal separator, followed by three
 * digits a thousands separator. Blank is null (nothing entered).
 */
export function parseEuros(input: string): MoneyParse {
  const text = input.replace(/\s+/g, '').replace(/€$|^€|eur$/i, '');
  if (text === '') return { ok: true, cents: null };
  if (/^[-−–]/.test(text)) return { ok: false, reason: 'negative' };
  if (!/^\d[\d.,]*$/.test(text)) return { ok: false, reason: 'format' };
  let whole = text;
  let fraction = '';
  const last = Math.max(text.lastIndexOf(','), text.lastIndexOf('.'));
  if (last >= 0 && /^\d{1,2}$/.test(text.slice(last + 1))) {
    whole = text.slice(0, last);
    fraction = text.slice(last + 1);
    if (whole.includes(text[last]!)) return { ok: false, reason: 'format' };
  }
  if (/[.,]/.test(whole)) {
    const separator = /[.,]/.exec(whole)![0];
    const grouped = separator === '.' ? /^\d{1,3}(?:\.\d{3})+$/ : /^\d{1,3}(?:,\d{3})+$/;
    if (!grouped.test(whole)) return { ok: false, reason: 'format' };
    whole = whole.replace(/[.,]/g, '');
  }
  if (whole.replace(/^0+/, '').length > 12) return { ok: false, reason: 'too-large' };
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents > MAX_AMOUNT_CENTS) return { ok: false, reason: 'too-large' };
  return { ok: true, cents };
}

/** Cents as a form shows them for editing: "1 234,50" (fi, sv) or "1,234.50" (en); whole euros without decimals. */
export function formatEurosInput(cents: number, locale: Locale): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  const group = locale === 'en' ? ',' : ' ';
  const decimal = locale === 'en' ? '.' : ',';
  const whole = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return rest === 0 ? whole : `${whole}${decimal}${String(rest).padStart(2, '0')}`;
}

export type DateParse = { ok: true; date: string | null } | { ok: false };

/** A date typed as "1.3.2027", "01.03.2027", "1/3/2027" or "2027-03-01", as 'YYYY-MM-DD'; blank is null. */
export function parseDateInput(input: string): DateParse {
  const text = input.trim().replace(/\.$/, '');
  if (text === '') return { ok: true, date: null };
  let iso: string | null = null;
  const finnish = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  if (finnish) iso = `${finnish[3]}-${finnish[2]!.padStart(2, '0')}-${finnish[1]!.padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) iso = text;
  return iso !== null && parseIsoDate(iso) ? { ok: true, date: iso } : { ok: false };
}

/** A stored 'YYYY-MM-DD' date as the form shows it: "1.3.2027". */
export function formatDateInput(iso: string | null): string {
  const d = iso ? parseIsoDate(iso) : null;
  return d ? `${d.day}.${d.month}.${d.year}` : '';
}

export type WholeNumberParse = { ok: true; value: number | null } | { ok: false };

/** A non-negative whole number, spaces allowed as digit groups ("1 500"); blank is null. */
export function parseWholeNumber(input: string): WholeNumberParse {
  const text = input.replace(/\s+/g, '');
  if (text === '') return { ok: true, value: null };
  if (!/^\d{1,12}$/.test(text)) return { ok: false };
  return { ok: true, value: Number(text) };
}

/** Reads a posted body: one value or every value of a field, always strings. */
function posted(body: unknown) {
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const all = (name: string): string[] => {
    const v = fields[name];
    if (typeof v === 'string') return [v];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  };
  return { one: (name: string) => all(name)[0] ?? '', all, names: () => Object.keys(fields) };
}

/** The version a form was loaded at (its hidden field), or null when it is missing or malformed. */
export function parseVersion(text: string): number | null {
  return /^[1-9]\d{0,9}$/.test(text.trim()) ? Number(text.trim()) : null;
}

// ---------- The general part (the lead's part) ----------

export interface IndicatorRowForm {
  name: string;
  unit: string;
  target: string;
}

export interface GeneralForm {
  version: string;
  title: string;
  summary: string;
  priority: string;
  growthSectors: string[];
  startDate: string;
  endDate: string;
  sections: Record<ApplicationSection, { body: string; secret: boolean }>;
  indicators: IndicatorRowForm[];
  /** Answers to the call's extra questions by question id, as typed. */
  answers: Record<string, string>;
  /** The "add a row" button was used. */
  addIndicator: boolean;
}

export interface GeneralInput {
  title: string;
  summary: string;
  priorityId: number | null;
  growthSectorIds: number[];
  startDate: string | null;
  endDate: string | null;
  sections: Record<ApplicationSection, { body: string; isSecret: boolean }>;
  indicators: Array<{ name: string; unit: string; targetValue: number }>;
  /** Answers by question id; blank answers are left out. Only the questions the form covers. */
  answers: Record<number, string>;
}

export function readGeneralForm(body: unknown): GeneralForm {
  const f = posted(body);
  const rows = new Set<number>();
  const questionIds = new Set<string>();
  for (const name of f.names()) {
    const row = /^indicator\.(\d{1,2})\.(?:name|unit|target)$/.exec(name);
    if (row && Number(row[1]) < editorLimits.indicatorRows) rows.add(Number(row[1]));
    const question = /^question\.([1-9]\d{0,9})$/.exec(name);
    if (question) questionIds.add(question[1]!);
  }
  const sections = Object.fromEntries(
    applicationSections.map((s) => [s, { body: f.one(`section.${s}`), secret: f.one(`section.${s}.secret`) !== '' }]),
  ) as GeneralForm['sections'];
  return {
    version: f.one('version'),
    title: f.one('title'),
    summary: f.one('summary'),
    priority: f.one('priority'),
    growthSectors: [...new Set(f.all('growth_sector'))],
    startDate: f.one('start_date'),
    endDate: f.one('end_date'),
    sections,
    indicators: [...rows]
      .sort((a, b) => a - b)
      .map((i) => ({ name: f.one(`indicator.${i}.name`), unit: f.one(`indicator.${i}.unit`), target: f.one(`indicator.${i}.target`) })),
    answers: Object.fromEntries([...questionIds].map((id) => [id, f.one(`question.${id}`)])),
    addIndicator: f.one('add_indicator') !== '',
  };
}

/** What the general form is checked against: the call's choices. */
export interface GeneralFormContext {
  priorityIds: readonly number[];
  /** Growth sectors of the regions involved: the only ones offered. */
  growthSectorIds: readonly number[];
  /** The call's questions answered on this form (not the file questions). */
  questions: ReadonlyArray<{ id: number; kind: 'text' | 'choice' | 'number'; label: string; optionCount: number }>;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

class Checks {
  readonly errors: FieldError[] = [];
  constructor(readonly m: ApplicationsMessages) {}
  add(field: string, message: string) {
    if (!this.errors.some((e) => e.field === field)) this.errors.push({ field, message });
  }
  text(field: string, label: string, value: string, max: number): string {
    const v = value.trim();
    if ([...v].length > max) this.add(field, this.m.tooLong(label, max));
    return v;
  }
  money(field: string, label: string, value: string): number | null {
    const parsed = parseEuros(value);
    if (parsed.ok) return parsed.cents;
    this.add(field, parsed.reason === 'negative' ? this.m.moneyNegative(label) : parsed.reason === 'too-large' ? this.m.moneyTooLarge(label) : this.m.moneyFormat(label));
    return null;
  }
  date(field: string, label: string, value: string): string | null {
    const parsed = parseDateInput(value);
    if (parsed.ok) return parsed.date;
    this.add(field, this.m.dateFormat(label));
    return null;
  }
}

const isBlankRow = (row: IndicatorRowForm) => row.name.trim() === '' && row.unit.trim() === '' && row.target.trim() === '';

/** Checks the general part's form; blank fields pass (the checklist names them), malformed ones do not. */
export function validateGeneralForm(form: GeneralForm, locale: Locale, context: GeneralFormContext): Validation<GeneralInput> {
  const m = applicationsMessages[locale];
  const c = new Checks(m);
  const title = c.text('title', m.fields.title, form.title, editorLimits.title).replace(/\s+/g, ' ');
  const summary = c.text('summary', m.fields.summary, form.summary, editorLimits.summary);
  let priorityId: number | null = null;
  if (form.priority !== '') {
    priorityId = Number(form.priority);
    if (!context.priorityIds.includes(priorityId)) c.add('priority', m.unknownChoice(m.fields.priority));
  }
  const growthSectorIds = form.growthSectors.map(Number);
  if (growthSectorIds.some((id) => !context.growthSectorIds.includes(id))) c.add('growth_sector', m.unknownChoice(m.fields.growthSectors));
  const startDate = c.date('start_date', m.fields.start_date, form.startDate);
  const endDate = c.date('end_date', m.fields.end_date, form.endDate);
  const sections = Object.fromEntries(
    applicationSections.map((s) => [
      s,
      { body: c.text(`section.${s}`, m.sections[s], form.sections[s].body, editorLimits.section), isSecret: form.sections[s].secret },
    ]),
  ) as GeneralInput['sections'];

  const indicators: GeneralInput['indicators'] = [];
  form.indicators.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const label = (field: string) => m.indicatorField(field, i + 1);
    const name = c.text(`indicator.${i}.name`, label(m.indicatorName), row.name, editorLimits.indicatorName);
    const unit = c.text(`indicator.${i}.unit`, label(m.indicatorUnit), row.unit, editorLimits.indicatorUnit);
    if (name === '') c.add(`indicator.${i}.name`, m.indicatorNameMissing(i + 1));
    const target = parseWholeNumber(row.target);
    if (!target.ok || target.value === null) c.add(`indicator.${i}.target`, m.indicatorTargetFormat(i + 1));
    else indicators.push({ name, unit, targetValue: target.value });
  });

  const answers: Record<number, string> = {};
  for (const q of context.questions) {
    const field = `question.${q.id}`;
    const raw = form.answers[String(q.id)] ?? '';
    const value = q.kind === 'number' ? raw.replace(/\s+/g, '') : c.text(field, q.label, raw, editorLimits.answer);
    if (value === '') continue;
    if (q.kind === 'number' && !/^-?\d{1,15}(?:[.,]\d{1,6})?$/.test(value)) c.add(field, m.numberFormat(q.label));
    if (q.kind === 'choice') {
      const index = Number(value);
      if (!(/^\d{1,3}$/.test(value) && index < q.optionCount)) c.add(field, m.unknownChoice(q.label));
    }
    answers[q.id] = value;
  }
  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return { ok: true, value: { title, summary, priorityId, growthSectorIds: [...new Set(growthSectorIds)].sort((a, b) => a - b), startDate, endDate, sections, indicators, answers } };
}

/** The stored general part as its form shows it. */
export function generalFormOf(
  values: GeneralInput,
  version: number,
  questionIds: readonly number[],
): GeneralForm {
  return {
    version: String(version),
    title: values.title,
    summary: values.summary,
    priority: values.priorityId === null ? '' : String(values.priorityId),
    growthSectors: values.growthSectorIds.map(String),
    startDate: formatDateInput(values.startDate),
    endDate: formatDateInput(values.endDate),
    sections: Object.fromEntries(applicationSections.map((s) => [s, { body: values.sections[s].body, secret: values.sections[s].isSecret }])) as GeneralForm['sections'],
    indicators: values.indicators.map((i) => ({ name: i.name, unit: i.unit, target: String(i.targetValue) })),
    answers: Object.fromEntries(questionIds.map((id) => [String(id), values.answers[id] ?? ''])),
    addIndicator: false,
  };
}

// ---------- A partner's part ----------

export interface PartnerForm {
  version: string;
  unit: string;
  roleDescription: string;
  contactName: string;
  contactEmail: string;
  costs: Record<CostCategory, string>;
  requested: string;
  ownFunding: string;
  otherPublic: string;
}

export interface PartnerInput {
  unit: string;
  roleDescription: string;
  contactName: string;
  contactEmail: string;
  /** Costs by category; under the flat-rate model only staff costs. A blank amount is left out. */
  costs: Partial<Record<CostCategory, number>>;
  requestedCents: number;
  ownFundingCents: number;
  otherPublicCents: number;
}

export function readPartnerForm(body: unknown): PartnerForm {
  const f = posted(body);
  return {
    version: f.one('version'),
    unit: f.one('unit'),
    roleDescription: f.one('role_description'),
    contactName: f.one('contact_name'),
    contactEmail: f.one('contact_email'),
    costs: Object.fromEntries(costCategories.map((c) => [c, f.one(`cost.${c}`)])) as Record<CostCategory, string>,
    requested: f.one('requested'),
    ownFunding: f.one('own_funding'),
    otherPublic: f.one('other_public'),
  };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The cost categories a call's cost model asks for. */
export function costFieldsOf(model: CostModel['kind']): readonly CostCategory[] {
  return model === 'flat_rate' ? ['staff'] : costCategories;
}

export function validatePartnerForm(form: PartnerForm, locale: Locale, costModel: CostModel['kind']): Validation<PartnerInput> {
  const m = applicationsMessages[locale];
  const c = new Checks(m);
  const unit = c.text('unit', m.fields.unit, form.unit, editorLimits.unit).replace(/\s+/g, ' ');
  const roleDescription = c.text('role_description', m.fields.role_description, form.roleDescription, editorLimits.roleDescription);
  const contactName = c.text('contact_name', m.fields.contact_name, form.contactName, editorLimits.personName).replace(/\s+/g, ' ');
  const contactEmail = c.text('contact_email', m.fields.contact_email, form.contactEmail, editorLimits.email);
  if (contactEmail !== '' && !emailPattern.test(contactEmail)) c.add('contact_email', m.emailFormat);
  const costs: Partial<Record<CostCategory, number>> = {};
  for (const category of costFieldsOf(costModel)) {
    const cents = c.money(`cost.${category}`, m.costs[category], form.costs[category]);
    if (cents !== null) costs[category] = cents;
  }
  const requestedCents = c.money('requested', m.fields.requested, form.requested) ?? 0;
  const ownFundingCents = c.money('own_funding', m.fields.own_funding, form.ownFunding) ?? 0;
  const otherPublicCents = c.money('other_public', m.fields.other_public, form.otherPublic) ?? 0;
  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return { ok: true, value: { unit, roleDescription, contactName, contactEmail, costs, requestedCents, ownFundingCents, otherPublicCents } };
}

/** A stored partner's part as its form shows it. */
export function partnerFormOf(values: PartnerInput, version: number, locale: Locale): PartnerForm {
  const money = (cents: number | undefined) => (cents === undefined ? '' : formatEurosInput(cents, locale));
  return {
    version: String(version),
    unit: values.unit,
    roleDescription: values.roleDescription,
    contactName: values.contactName,
    contactEmail: values.contactEmail,
    costs: Object.fromEntries(costCategories.map((c) => [c, money(values.costs[c])])) as Record<CostCategory, string>,
    requested: money(values.requestedCents),
    ownFunding: money(values.ownFundingCents),
    otherPublic: money(values.otherPublicCents),
  };
}
