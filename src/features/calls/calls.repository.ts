import type { Executor } from '../../db/database.js';
import type {
  CallCriterionRow,
  CallQuestionRow,
  CallRow,
  CostModelKind,
  CriterionKind,
  FundingInstrument,
  OrganisationType,
  QuestionKind,
} from '../../db/schema.js';
import { callPhase, type CallPhase, type StoredCallStatus } from '../../domain/call-lifecycle.js';
import type { CallRules } from '../../domain/eligibility.js';
import { localisedColumns, type Localised } from '../../i18n/locales.js';

/** A call as the platform reads it: its rules, councils with budgets, priorities, criteria and questions. */
export interface Call {
  id: number;
  reference: string;
  strategyId: number;
  status: StoredCallStatus;
  instrument: FundingInstrument;
  title: Localised;
  summary: Localised;
  body: Localised;
  opensAt: string;
  closesAt: string;
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
  contactEmail: string;
  version: number;
  publishedAt: string | null;
  reviewStartedAt: string | null;
  decidedAt: string | null;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CallBudget {
  regionCode: string;
  budgetCents: number;
}

export interface Criterion {
  id: number;
  kind: CriterionKind;
  name: Localised;
  description: Localised;
  weight: number;
}

export interface CallQuestion {
  id: number;
  kind: QuestionKind;
  label: Localised;
  help: Localised;
  options: Localised[];
  required: boolean;
  maxLength: number | null;
}

export interface CallDetails extends Call {
  budgets: CallBudget[];
  priorityIds: number[];
  criteria: Criterion[];
  questions: CallQuestion[];
}

export function toCall(row: CallRow): Call {
  return {
    id: row.id,
    reference: row.reference,
    strategyId: row.strategy_id,
    status: row.status,
    instrument: row.instrument,
    title: localisedColumns(row, 'title'),
    summary: localisedColumns(row, 'summary'),
    body: localisedColumns(row, 'body'),
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    minRegions: row.min_regions,
    eligibleOrgTypes: JSON.parse(row.eligible_org_types) as OrganisationType[],
    minGrantCents: Number(row.min_grant_cents),
    maxGrantCents: Number(row.max_grant_cents),
    maxAidRateBp: row.max_aid_rate_bp,
    maxDurationMonths: row.max_duration_months,
    leadRegionMustParticipate: row.lead_region_must_participate === 1,
    costModel: row.cost_model,
    flatRateBp: row.flat_rate_bp,
    minTotalScore: row.min_total_score,
    contactEmail: row.contact_email,
    version: row.version,
    publishedAt: row.published_at,
    reviewStartedAt: row.review_started_at,
    decidedAt: row.decided_at,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toCriterion(row: CallCriterionRow): Criterion {
  return { id: row.id, kind: row.kind, name: localisedColumns(row, 'name'), description: localisedColumns(row, 'description'), weight: row.weight };
}

export function toQuestion(row: CallQuestionRow): CallQuestion {
  return {
    id: row.id,
    kind: row.kind,
    label: localisedColumns(row, 'label'),
    help: localisedColumns(row, 'help'),
    options: JSON.parse(row.options) as Localised[],
    required: row.required === 1,
    maxLength: row.max_length,
  };
}

/** The call's phase now (draft, published, open, closed, in review, decided). */
export function phaseOf(call: Pick<Call, 'status' | 'opensAt' | 'closesAt'>, now: Date): CallPhase {
  return callPhase({ status: call.status, opensAt: new Date(call.opensAt), closesAt: new Date(call.closesAt) }, now);
}

/** The rules the eligibility check applies, from a call's details. */
export function callRules(call: CallDetails): CallRules {
  return {
    participatingRegions: call.budgets.map((b) => b.regionCode),
    priorityIds: call.priorityIds,
    minRegions: call.minRegions,
    eligibleOrgTypes: call.eligibleOrgTypes,
    minGrantCents: call.minGrantCents,
    maxGrantCents: call.maxGrantCents,
    maxAidRateBp: call.maxAidRateBp,
    maxDurationMonths: call.maxDurationMonths,
    leadRegionMustParticipate: call.leadRegionMustParticipate,
    costModel: call.costModel === 'flat_rate' ? { kind: 'flat_rate', flatRateBp: call.flatRateBp } : { kind: 'itemised' },
    questions: call.questions.map((q) => ({ id: q.id, kind: q.kind, required: q.required, maxLength: q.maxLength, optionCount: q.options.length })),
  };
}

export async function findCall(db: Executor, id: number): Promise<Call | undefined> {
  const row = await db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCall(row);
}

/** A call with everything that belongs to it, or undefined. */
export async function findCallDetails(db: Executor, id: number): Promise<CallDetails | undefined> {
  const call = await findCall(db, id);
  if (!call) return undefined;
  const [budgets, priorities, criteria, questions] = await Promise.all([
    db.selectFrom('call_regions').innerJoin('regions', 'regions.code', 'call_regions.region_code')
      .select(['call_regions.region_code', 'call_regions.budget_cents']).where('call_id', '=', id).orderBy('regions.sort_order').execute(),
    db.selectFrom('call_priorities').innerJoin('priorities', 'priorities.id', 'call_priorities.priority_id')
      .select('call_priorities.priority_id').where('call_id', '=', id).orderBy('priorities.sort_order').execute(),
    db.selectFrom('call_criteria').selectAll().where('call_id', '=', id).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('call_questions').selectAll().where('call_id', '=', id).orderBy('sort_order').orderBy('id').execute(),
  ]);
  return {
    ...call,
    budgets: budgets.map((b) => ({ regionCode: b.region_code, budgetCents: Number(b.budget_cents) })),
    priorityIds: priorities.map((p) => p.priority_id),
    criteria: criteria.map(toCriterion),
    questions: questions.map(toQuestion),
  };
}
