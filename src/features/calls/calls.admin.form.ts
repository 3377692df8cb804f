import { organisationTypes, type CostModelKind, type FundingInstrument, type OrganisationType } from '../../db/schema.js';
import { ruleProblems, type CallProblem } from '../../domain/call-validation.js';
import type { FieldError } from '../../http/errors.js';
import { formatCalendarDate } from '../../i18n/format.js';
import type { Locale, Localised } from '../../i18n/locales.js';
import { postedFields } from '../strategy/strategy.admin.form.js';
import type { CallDetails } from './calls.repository.js';
import { callsAdminMessages, type CallsAdminMessages } from './calls.admin.messages.js';
import {
  formatEuroInput,
  formatPercentInput,
  helsinkiFormParts,
  helsinkiInstant,
  pad2,
  parseDateInput,
  parseEuroCents,
  parsePercentBp,
  parseTimeInput,
} from './calls.admin.values.js';

/** The call form as typed, every value kept as a string so a re-rendered form loses nothing. */
export interface CallForm {
  title_fi: string;
  title_sv: string;
  title_en: string;
  summary_fi: string;
  summary_sv: string;
  summary_en: string;
  body_fi: string;
  body_sv: string;
  body_en: string;
  /** Region codes of the councils ticked. */
  regions: string[];
  /** The budget typed for each council, by region code. */
  budgets: Record<string, string>;
  priorities: string[];
  instrument: string;
  opens_date: string;
  opens_time: string;
  closes_date: string;
  closes_time: string;
  contact_email: string;
  min_regions: string;
  org_types: string[];
  min_grant: string;
  max_grant: string;
  max_aid_rate: string;
  max_duration: string;
  lead_region: string;
  cost_model: string;
  flat_rate: string;
  min_total_score: string;
  /** The version of the call the form was filled in on (optimistic lock); '' for a new call. */
  version: string;
  note_fi: string;
  note_sv: string;
  note_en: string;
}

/** A call's content as the service stores it. Times are UTC ISO strings, money cents, rates basis points. */
export interface CallInput {
  title: Localised;
  summary: Localised;
  body: Localised;
  budgets: Array<{ regionCode: string; budgetCents: number }>;
  priorityIds: number[];
  instrument: FundingInstrument;
  opensAt: string;
  closesAt: string;
  contactEmail: string;
  minRegions: number;
  eligibleOrgTypes: OrganisationType[];
  minGrantCents: number;
  maxGrantCents: number;
  maxAidRateBp: number;
  maxDurationMonths: number;
  leadRegionMustParticipate: boolean;
  costModel: CostModelKind;
  flatRateBp: number;
  minTotalScore: number;
}

export const callLimits = { title: 300, summary: 2000, body: 20_000, email: 254, note: 4000 } as const;
export const instruments: readonly FundingInstrument[] = ['erdf', 'akke', 'other'];
export const costModels: readonly CostModelKind[] = ['flat_rate', 'itemised'];

const textFields = ['title_fi', 'title_sv', 'title_en', 'summary_fi', 'summary_sv', 'summary_en', 'body_fi', 'body_sv', 'body_en'] as const;
const singleFields = [
  ...textFields,
  'instrument',
  'opens_date',
  'opens_time',
  'closes_date',
  'closes_time',
  'contact_email',
  'min_regions',
  'min_grant',
  'max_grant',
  'max_aid_rate',
  'max_duration',
  'lead_region',
  'cost_model',
  'flat_rate',
  'min_total_score',
  'version',
  'note_fi',
  'note_sv',
  'note_en',
] as const;

export function readCallForm(body: unknown, regionCodes: readonly string[]): CallForm {
  const f = postedFields(body);
  const single = Object.fromEntries(singleFields.map((k) => [k, f.one(k)])) as Record<(typeof singleFields)[number], string>;
  return {
    ...single,
    regions: [...new Set(f.all('regions'))],
    budgets: Object.fromEntries(regionCodes.map((code) => [code, f.one(`budget_${code}`)])),
    priorities: [...new Set(f.all('priority'))],
    org_types: [...new Set(f.all('org_types'))],
  };
}

/** A new call's form: the usual rules of a joint call filled in (three regions, flat rate 40 %). */
export function blankCallForm(regionCodes: readonly string[]): CallForm {
  return {
    ...(Object.fromEntries(singleFields.map((k) => [k, ''])) as Record<(typeof singleFields)[number], string>),
    regions: [],
    budgets: Object.fromEntries(regionCodes.map((code) => [code, ''])),
    priorities: [],
    org_types: [...organisationTypes],
    min_regions: '3',
    lead_region: 'yes',
    cost_model: 'flat_rate',
    flat_rate: '40',
    opens_time: '9.00',
    closes_time: '16.15',
  };
}

/** The form filled in from a stored call, for editing or correcting it. */
export function callToForm(call: CallDetails, regionCodes: readonly string[], locale: Locale): CallForm {
  const opens = helsinkiFormParts(call.opensAt, locale);
  const closes = helsinkiFormParts(call.closesAt, locale);
  const budgetOf = new Map(call.budgets.map((b) => [b.regionCode, b.budgetCents]));
  return {
    title_fi: call.title.fi,
    title_sv: call.title.sv,
    title_en: call.title.en,
    summary_fi: call.summary.fi,
    summary_sv: call.summary.sv,
    summary_en: call.summary.en,
    body_fi: call.body.fi,
    body_sv: call.body.sv,
    body_en: call.body.en,
    regions: call.budgets.map((b) => b.regionCode),
    budgets: Object.fromEntries(regionCodes.map((code) => [code, budgetOf.has(code) ? formatEuroInput(budgetOf.get(code)!) : ''])),
    priorities: call.priorityIds.map(String),
    instrument: call.instrument,
    opens_date: opens.date,
    opens_time: opens.time,
    closes_date: closes.date,
    closes_time: closes.time,
    contact_email: call.contactEmail,
    min_regions: String(call.minRegions),
    org_types: [...call.eligibleOrgTypes],
    min_grant: formatEuroInput(call.minGrantCents),
    max_grant: formatEuroInput(call.maxGrantCents),
    max_aid_rate: formatPercentInput(call.maxAidRateBp, locale),
    max_duration: String(call.maxDurationMonths),
    lead_region: call.leadRegionMustParticipate ? 'yes' : 'no',
    cost_model: call.costModel,
    flat_rate: formatPercentInput(call.flatRateBp, locale),
    min_total_score: String(call.minTotalScore),
    version: String(call.version),
    note_fi: '',
    note_sv: '',
    note_en: '',
  };
}

/** The message of a rule problem found by call-validation, in the page's language. */
export function problemMessage(problem: CallProblem, m: CallsAdminMessages): string {
  switch (problem.code) {
    case 'finnish-text-missing':
      return m.finnishTextMissing({ title_fi: m.titleFi, summary_fi: m.summaryFi, body_fi: m.bodyFi }[problem.field]);
    case 'no-council-budget':
      return m.noCouncilBudget;
    case 'no-priority-in-force':
      return m.noPriorityInForce;
    case 'opens-not-before-closes':
      return m.opensNotBeforeCloses;
    case 'closes-in-past':
      return m.closesInPast;
    case 'grant-range':
      return m.grantRange;
    case 'min-regions-range':
      return m.minRegionsRange(problem.councils);
    case 'aid-rate-range':
      return m.aidRateRange;
    case 'flat-rate-range':
      return m.flatRateRange;
    case 'no-criteria':
      return m.noCriteria;
    case 'min-score-too-high':
      return m.minScoreTooHigh(problem.maxTotal);
  }
}

/**
 * The fields in the order of the form, so that the error summary reads from top to bottom: the
 * single-valued fields, with the councils, budgets and priorities before the instrument and the
 * organisation types before the grant limits.
 */
export function fieldOrder(regionCodes: readonly string[]): string[] {
  const before: Partial<Record<(typeof singleFields)[number], string[]>> = {
    instrument: ['regions', ...regionCodes.map((c) => `budget_${c}`), 'priority'],
    min_grant: ['org_types'],
  };
  return singleFields.filter((f) => f !== 'version').flatMap((f) => [...(before[f] ?? []), f]);
}

export function sortErrors(errors: FieldError[], regionCodes: readonly string[]): FieldError[] {
  const order = fieldOrder(regionCodes);
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  return [...errors].sort((a, b) => rank(a.field) - rank(b.field));
}

/** Which fields a rule between fields depends on: a rule is checked only when those fields were read. */
const ruleInputs: Record<string, readonly string[]> = {
  'opens-not-before-closes': ['opens_date', 'opens_time', 'closes_date', 'closes_time'],
  'grant-range': ['min_grant', 'max_grant'],
  'min-regions-range': ['min_regions', 'regions'],
  'aid-rate-range': ['max_aid_rate'],
  'flat-rate-range': ['flat_rate', 'cost_model'],
};

export interface ValidationOptions {
  locale: Locale;
  /** The councils that can take part, with their names in the page's language. */
  councils: ReadonlyArray<{ regionCode: string; name: string }>;
  /** The priorities the call may target (the strategy in force, or a published call's own strategy). */
  priorityIds: readonly number[];
  /** A correction of a published call needs an announcement in Finnish. */
  correction: boolean;
}

export type CallFormValidation = { ok: true; value: CallInput; note: Localised | null } | { ok: false; errors: FieldError[] };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads and checks the whole form; every message names its field, in the page's language. */
export function validateCallForm(form: CallForm, options: ValidationOptions): CallFormValidation {
  const m = callsAdminMessages[options.locale];
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message });
  };
  const text = (field: (typeof textFields)[number] | 'note_fi' | 'note_sv' | 'note_en', label: string, max: number, required: boolean) => {
    const v = form[field].trim();
    if (v === '' && required) add(field, m.required(label));
    else if (v.length > max) add(field, m.tooLong(label, max));
    return v;
  };
  const whole = (field: 'min_regions' | 'max_duration' | 'min_total_score', label: string, min: number, max: number) => {
    const v = form[field].trim();
    const n = /^\d{1,6}$/.test(v) ? Number(v) : NaN;
    if (!(n >= min && n <= max)) add(field, v === '' ? m.required(label) : m.wholeNumber(label, min, max));
    return n;
  };
  const money = (field: string, value: string, label: string) => {
    const cents = parseEuroCents(value);
    if (cents === null) add(field, value.trim() === '' ? m.required(label) : m.money(label));
    return cents ?? NaN;
  };

  const title = { fi: text('title_fi', m.titleFi, callLimits.title, true), sv: text('title_sv', m.titleSv, callLimits.title, false), en: text('title_en', m.titleEn, callLimits.title, false) };
  const summary = {
    fi: text('summary_fi', m.summaryFi, callLimits.summary, true),
    sv: text('summary_sv', m.summarySv, callLimits.summary, false),
    en: text('summary_en', m.summaryEn, callLimits.summary, false),
  };
  const body = { fi: text('body_fi', m.bodyFi, callLimits.body, true), sv: text('body_sv', m.bodySv, callLimits.body, false), en: text('body_en', m.bodyEn, callLimits.body, false) };

  const known = new Map(options.councils.map((c) => [c.regionCode, c.name]));
  if (form.regions.length === 0) add('regions', m.chooseCouncil);
  else if (form.regions.some((code) => !known.has(code))) add('regions', m.unknownCouncil);
  const budgets = options.councils
    .filter((c) => form.regions.includes(c.regionCode))
    .map((c) => ({ regionCode: c.regionCode, budgetCents: money(`budget_${c.regionCode}`, form.budgets[c.regionCode] ?? '', m.budgetOf(c.name)) }));

  const priorityIds = form.priorities.map(Number);
  if (priorityIds.length === 0) add('priority', m.choosePriority);
  else if (priorityIds.some((id) => !options.priorityIds.includes(id))) add('priority', m.unknownPriority);

  if (!(instruments as readonly string[]).includes(form.instrument)) add('instrument', m.chooseOne(m.instrument));

  const instant = (prefix: 'opens' | 'closes', dateLabel: string, timeLabel: string): Date | null => {
    const date = parseDateInput(form[`${prefix}_date`]);
    const time = parseTimeInput(form[`${prefix}_time`]);
    if (!date) add(`${prefix}_date`, form[`${prefix}_date`].trim() === '' ? m.required(dateLabel) : m.date(dateLabel));
    if (!time) add(`${prefix}_time`, form[`${prefix}_time`].trim() === '' ? m.required(timeLabel) : m.time(timeLabel));
    if (!date || !time) return null;
    const result = helsinkiInstant({ ...date, ...time });
    if (result.ok) return result.instant;
    const isoDate = `${date.year}-${pad2(date.month)}-${pad2(date.day)}`;
    const shown = `${time.hour}${options.locale === 'en' ? ':' : '.'}${pad2(time.minute)}`;
    add(`${prefix}_time`, m.timeInGap(timeLabel, formatCalendarDate(isoDate, options.locale), shown));
    return null;
  };
  const opensAt = instant('opens', m.opensDate, m.opensTime);
  const closesAt = instant('closes', m.closesDate, m.closesTime);

  const contactEmail = form.contact_email.trim();
  if (contactEmail === '') add('contact_email', m.required(m.contactEmail));
  else if (contactEmail.length > callLimits.email || !emailPattern.test(contactEmail)) add('contact_email', m.email(m.contactEmail));

  const minRegions = whole('min_regions', m.minRegions, 1, 99);
  const orgTypes = form.org_types.filter((t): t is OrganisationType => (organisationTypes as readonly string[]).includes(t));
  if (orgTypes.length === 0 || orgTypes.length !== form.org_types.length) add('org_types', m.chooseOrgType);
  const minGrantCents = money('min_grant', form.min_grant, m.minGrant);
  const maxGrantCents = money('max_grant', form.max_grant, m.maxGrant);
  const maxAidRateBp = parsePercentBp(form.max_aid_rate);
  if (maxAidRateBp === null) add('max_aid_rate', form.max_aid_rate.trim() === '' ? m.required(m.maxAidRate) : m.percent(m.maxAidRate));
  const maxDurationMonths = whole('max_duration', m.maxDuration, 1, 240);
  if (form.lead_region !== 'yes' && form.lead_region !== 'no') add('lead_region', m.chooseOne(m.leadRegionLegend));
  const costModel = (costModels as readonly string[]).includes(form.cost_model) ? (form.cost_model as CostModelKind) : null;
  if (!costModel) add('cost_model', m.chooseOne(m.costModelLegend));
  let flatRateBp = parsePercentBp(form.flat_rate);
  if (costModel === 'flat_rate' && flatRateBp === null) add('flat_rate', form.flat_rate.trim() === '' ? m.required(m.flatRate) : m.percent(m.flatRate));
  // Under itemised costs the flat rate does not apply; a value that does not read is kept as 0.
  if (costModel === 'itemised' && flatRateBp === null) flatRateBp = 0;
  const minTotalScore = whole('min_total_score', m.minTotalScore, 0, 9999);

  const note = options.correction
    ? { fi: text('note_fi', m.noteFi, callLimits.note, true), sv: text('note_sv', m.noteSv, callLimits.note, false), en: text('note_en', m.noteEn, callLimits.note, false) }
    : null;

  // Rules between fields, from the same rules that publishing applies.
  const failed = new Set(errors.map((e) => e.field));
  const rules = ruleProblems({
    budgets,
    opensAt: opensAt ?? new Date(NaN),
    closesAt: closesAt ?? new Date(NaN),
    minRegions,
    minGrantCents,
    maxGrantCents,
    maxAidRateBp: maxAidRateBp ?? NaN,
    costModel: costModel ?? 'itemised',
    flatRateBp: flatRateBp ?? 0,
  });
  for (const problem of rules) {
    if ((ruleInputs[problem.code] ?? []).some((f) => failed.has(f))) continue;
    add(problem.field, problemMessage(problem, m));
  }

  const regionCodes = options.councils.map((c) => c.regionCode);
  if (errors.length > 0 || !opensAt || !closesAt || maxAidRateBp === null || !costModel || flatRateBp === null) {
    return { ok: false, errors: sortErrors(errors, regionCodes) };
  }
  return {
    ok: true,
    note,
    value: {
      title,
      summary,
      body,
      budgets,
      priorityIds: [...new Set(priorityIds)],
      instrument: form.instrument as FundingInstrument,
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      contactEmail,
      minRegions,
      eligibleOrgTypes: organisationTypes.filter((t) => orgTypes.includes(t)),
      minGrantCents,
      maxGrantCents,
      maxAidRateBp,
      maxDurationMonths,
      leadRegionMustParticipate: form.lead_region === 'yes',
      costModel,
      flatRateBp,
      minTotalScore,
    },
  };
}
