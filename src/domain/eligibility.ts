import { durationInMonths, parseIsoDate } from './project-duration.js';

/**
 * The eligibility of an application against its call's rules, and the figures behind it (costs,
 * financing, aid rate, regions). Pure and free of Node APIs: the server applies it on every save
 * and at submission, and the application form's script runs the very same module in the browser.
 *
 * Money is integer cents; rates are basis points (7500 = 75 %). A failed rule is a returned
 * problem naming the field it concerns, never an exception.
 */

export const costCategories = ['staff', 'services', 'travel', 'equipment', 'other'] as const;
export type CostCategory = (typeof costCategories)[number];

/** The parts of the description, in the order of the form. A section may be marked a business secret. */
export const applicationSections = ['background', 'objectives', 'implementation', 'results', 'cooperation'] as const;
export type ApplicationSection = (typeof applicationSections)[number];

export type CostModel = { kind: 'flat_rate'; flatRateBp: number } | { kind: 'itemised' };

/** The largest amount one money field may hold: EUR 100 million. */
export const MAX_AMOUNT_CENTS = 10_000_000_000;

export interface CallQuestionRule {
  id: number;
  kind: 'text' | 'choice' | 'number' | 'file';
  required: boolean;
  maxLength: number | null;
  optionCount: number;
}

export interface CallRules {
  /** Region codes of the councils taking part (each funds its own region's partners). */
  participatingRegions: readonly string[];
  priorityIds: readonly number[];
  minRegions: number;
  eligibleOrgTypes: readonly string[];
  minGrantCents: number;
  maxGrantCents: number;
  maxAidRateBp: number;
  maxDurationMonths: number;
  leadRegionMustParticipate: boolean;
  costModel: CostModel;
  questions: readonly CallQuestionRule[];
}

export interface PartnerDraft {
  /** A stable key for field names (the partner's id). */
  key: string;
  isLead: boolean;
  name: string;
  orgType: string;
  regionCode: string;
  unit: string;
  roleDescription: string;
  contactName: string;
  contactEmail: string;
  /** Costs by category; under the flat-rate model only 'staff' counts. */
  costs: Partial<Record<CostCategory, number>>;
  requestedCents: number;
  ownFundingCents: number;
  otherPublicCents: number;
}

export interface ApplicationDraft {
  title: string;
  summary: string;
  priorityId: number | null;
  startDate: string | null;
  endDate: string | null;
  sections: Partial<Record<ApplicationSection, string>>;
  indicators: ReadonlyArray<{ name: string; unit: string; targetValue: number }>;
  partners: readonly PartnerDraft[];
  /** Answers to the call's extra questions by question id; for a file question, the attachment's id. */
  answers: Readonly<Record<number, string>>;
}

export type ProblemCode =
  | 'missing'
  | 'invalid-amount'
  | 'invalid-date'
  | 'end-before-start'
  | 'too-long'
  | 'priority-not-in-call'
  | 'no-lead'
  | 'too-few-regions'
  | 'lead-region-not-participating'
  | 'grant-from-non-participating-region'
  | 'org-type-not-eligible'
  | 'no-costs'
  | 'financing-mismatch'
  | 'grant-below-minimum'
  | 'grant-above-maximum'
  | 'aid-rate-too-high'
  | 'answer-too-long'
  | 'answer-not-a-number'
  | 'answer-not-an-option';

/**
 * Field names: 'title', 'summary', 'priority', 'start_date', 'end_date', 'section.<name>',
 * 'indicators', 'partners', 'financing', 'partner.<key>' and 'partner.<key>.<field>' (unit,
 * role_description, contact_name, contact_email, costs, cost.<category>, requested, own_funding,
 * other_public, financing), 'question.<id>'.
 */
export interface Problem {
  code: ProblemCode;
  field: string;
  params?: Readonly<Record<string, string | number>>;
}

export interface PartnerFigures {
  key: string;
  regionCode: string;
  staffCents: number;
  /** The flat rate on staff costs, or the sum of the other itemised categories. */
  otherCostsCents: number;
  totalCostsCents: number;
  financingCents: number;
  requestedCents: number;
}

export interface Figures {
  partners: PartnerFigures[];
  totalCostsCents: number;
  requestedCents: number;
  ownFundingCents: number;
  otherPublicCents: number;
  financingCents: number;
  /** Requested grant as a share of the total costs, in basis points rounded up; null without costs. */
  aidRateBp: number | null;
  /** Distinct regions of the partners, sorted. */
  regions: string[];
  durationMonths: number | null;
  /** The grant requested from each region's council (the partners' shares). */
  requestedByRegion: Record<string, number>;
}

export interface EligibilityResult {
  eligible: boolean;
  problems: Problem[];
  figures: Figures;
}

const isAmount = (n: number) => Number.isSafeInteger(n) && n >= 0 && n <= MAX_AMOUNT_CENTS;
const amount = (n: number | undefined) => (n !== undefined && isAmount(n) ? n : 0);
const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';

/** The flat rate of other costs on staff costs, rounded down to the cent. */
export function flatRateCents(staffCents: number, flatRateBp: number): number {
  return Math.floor((staffCents * flatRateBp) / 10_000);
}

export function partnerFigures(partner: PartnerDraft, model: CostModel): PartnerFigures {
  const staffCents = amount(partner.costs.staff);
  const otherCostsCents =
    model.kind === 'flat_rate'
      ? flatRateCents(staffCents, model.flatRateBp)
      : costCategories.filter((c) => c !== 'staff').reduce((sum, c) => sum + amount(partner.costs[c]), 0);
  const requestedCents = amount(partner.requestedCents);
  return {
    key: partner.key,
    regionCode: partner.regionCode,
    staffCents,
    otherCostsCents,
    totalCostsCents: staffCents + otherCostsCents,
    financingCents: requestedCents + amount(partner.ownFundingCents) + amount(partner.otherPublicCents),
    requestedCents,
  };
}

/** The aid rate in basis points, rounded up so that a cap is never passed by rounding. */
export function aidRateBp(requestedCents: number, totalCostsCents: number): number | null {
  if (totalCostsCents <= 0) return null;
  return Math.ceil((requestedCents * 10_000) / totalCostsCents);
}

export function applicationFigures(application: ApplicationDraft, model: CostModel): Figures {
  const partners = application.partners.map((p) => partnerFigures(p, model));
  const sum = (pick: (p: PartnerDraft) => number) => application.partners.reduce((s, p) => s + amount(pick(p)), 0);
  const totalCostsCents = partners.reduce((s, p) => s + p.totalCostsCents, 0);
  const requestedCents = partners.reduce((s, p) => s + p.requestedCents, 0);
  const ownFundingCents = sum((p) => p.ownFundingCents);
  const otherPublicCents = sum((p) => p.otherPublicCents);
  const requestedByRegion: Record<string, number> = {};
  for (const p of partners) {
    if (p.regionCode === '') continue;
    requestedByRegion[p.regionCode] = (requestedByRegion[p.regionCode] ?? 0) + p.requestedCents;
  }
  const regions = [...new Set(application.partners.map((p) => p.regionCode).filter((r) => r !== ''))].sort();
  const durationMonths =
    application.startDate && application.endDate ? durationInMonths(application.startDate, application.endDate) : null;
  return {
    partners,
    totalCostsCents,
    requestedCents,
    ownFundingCents,
    otherPublicCents,
    financingCents: requestedCents + ownFundingCents + otherPublicCents,
    aidRateBp: aidRateBp(requestedCents, totalCostsCents),
    regions,
    durationMonths,
    requestedByRegion,
  };
}

function contentProblems(call: CallRules, a: ApplicationDraft, figures: Figures): Problem[] {
  const problems: Problem[] = [];
  const missing = (field: string) => problems.push({ code: 'missing', field });
  if (blank(a.title)) missing('title');
  if (blank(a.summary)) missing('summary');
  if (a.priorityId === null) missing('priority');
  else if (!call.priorityIds.includes(a.priorityId)) problems.push({ code: 'priority-not-in-call', field: 'priority' });
  for (const section of applicationSections) if (blank(a.sections[section])) missing(`section.${section}`);
  if (a.indicators.length === 0) missing('indicators');

  const start = a.startDate === null || blank(a.startDate) ? null : a.startDate;
  const end = a.endDate === null || blank(a.endDate) ? null : a.endDate;
  if (start === null) missing('start_date');
  else if (!parseIsoDate(start)) problems.push({ code: 'invalid-date', field: 'start_date' });
  if (end === null) missing('end_date');
  else if (!parseIsoDate(end)) problems.push({ code: 'invalid-date', field: 'end_date' });
  if (start && end && parseIsoDate(start) && parseIsoDate(end)) {
    if (end < start) problems.push({ code: 'end-before-start', field: 'end_date' });
    else if (figures.durationMonths !== null && figures.durationMonths > call.maxDurationMonths) {
      problems.push({ code: 'too-long', field: 'end_date', params: { months: figures.durationMonths, max: call.maxDurationMonths } });
    }
  }
  return problems;
}

function partnerProblems(call: CallRules, a: ApplicationDraft, figures: Figures): Problem[] {
  const problems: Problem[] = [];
  for (const [i, p] of a.partners.entries()) {
    const f = `partner.${p.key}`;
    for (const [field, value] of [
      ['unit', p.unit],
      ['role_description', p.roleDescription],
      ['contact_name', p.contactName],
      ['contact_email', p.contactEmail],
    ] as const) {
      if (blank(value)) problems.push({ code: 'missing', field: `${f}.${field}` });
    }
    if (!call.eligibleOrgTypes.includes(p.orgType)) {
      problems.push({ code: 'org-type-not-eligible', field: f, params: { orgType: p.orgType, partner: p.name } });
    }
    const amounts: Array<[string, number | undefined]> = [
      ['requested', p.requestedCents],
      ['own_funding', p.ownFundingCents],
      ['other_public', p.otherPublicCents],
      ...costCategories.map((c): [string, number | undefined] => [`cost.${c}`, p.costs[c]]),
    ];
    for (const [field, value] of amounts) {
      if (value !== undefined && !isAmount(value)) problems.push({ code: 'invalid-amount', field: `${f}.${field}` });
    }
    const pf = figures.partners[i]!;
    if (pf.financingCents !== pf.totalCostsCents) {
      problems.push({
        code: 'financing-mismatch',
        field: `${f}.financing`,
        params: { partner: p.name, costs: pf.totalCostsCents, financing: pf.financingCents },
      });
    }
    if (pf.requestedCents > 0 && !call.participatingRegions.includes(p.regionCode)) {
      problems.push({ code: 'grant-from-non-participating-region', field: `${f}.requested`, params: { partner: p.name, region: p.regionCode } });
    }
  }
  return problems;
}

function callRuleProblems(call: CallRules, a: ApplicationDraft, figures: Figures): Problem[] {
  const problems: Problem[] = [];
  const lead = a.partners.find((p) => p.isLead);
  if (!lead) problems.push({ code: 'no-lead', field: 'partners' });
  if (figures.regions.length < call.minRegions) {
    problems.push({ code: 'too-few-regions', field: 'partners', params: { count: figures.regions.length, min: call.minRegions } });
  }
  if (lead && call.leadRegionMustParticipate && !call.participatingRegions.includes(lead.regionCode)) {
    problems.push({ code: 'lead-region-not-participating', field: 'partners', params: { region: lead.regionCode } });
  }
  if (figures.totalCostsCents === 0) problems.push({ code: 'no-costs', field: 'financing' });
  if (figures.requestedCents < call.minGrantCents) {
    problems.push({ code: 'grant-below-minimum', field: 'financing', params: { requested: figures.requestedCents, min: call.minGrantCents } });
  }
  if (figures.requestedCents > call.maxGrantCents) {
    problems.push({ code: 'grant-above-maximum', field: 'financing', params: { requested: figures.requestedCents, max: call.maxGrantCents } });
  }
  // requested / total > max  ⇔  requested × 10 000 > max × total (exact in integers).
  if (figures.totalCostsCents > 0 && figures.requestedCents * 10_000 > call.maxAidRateBp * figures.totalCostsCents) {
    problems.push({ code: 'aid-rate-too-high', field: 'financing', params: { rate: figures.aidRateBp ?? 0, max: call.maxAidRateBp } });
  }
  return problems;
}

function answerProblems(call: CallRules, a: ApplicationDraft): Problem[] {
  const problems: Problem[] = [];
  for (const q of call.questions) {
    const field = `question.${q.id}`;
    const value = a.answers[q.id] ?? '';
    if (blank(value)) {
      if (q.required) problems.push({ code: 'missing', field });
      continue;
    }
    if (q.kind === 'text' && q.maxLength !== null && [...value].length > q.maxLength) {
      problems.push({ code: 'answer-too-long', field, params: { max: q.maxLength, length: [...value].length } });
    }
    if (q.kind === 'number' && !/^-?\d+(?:[.,]\d+)?$/.test(value.trim())) problems.push({ code: 'answer-not-a-number', field });
    if (q.kind === 'choice') {
      const index = Number(value);
      if (!Number.isInteger(index) || index < 0 || index >= q.optionCount) problems.push({ code: 'answer-not-an-option', field });
    }
  }
  return problems;
}

/** Every rule of the call applied to an application: eligible only when no problem is left. */
export function checkEligibility(call: CallRules, application: ApplicationDraft): EligibilityResult {
  const figures = applicationFigures(application, call.costModel);
  const problems = [
    ...contentProblems(call, application, figures),
    ...callRuleProblems(call, application, figures),
    ...partnerProblems(call, application, figures),
    ...answerProblems(call, application),
  ];
  return { eligible: problems.length === 0, problems, figures };
}
