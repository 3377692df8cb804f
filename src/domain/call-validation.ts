/**
 * The rules a call must meet before it is published (and keep meeting when a published call is
 * corrected). Pure: the caller gives the call as stored, the priorities of the strategy in force
 * and the clock. Each failed rule is a returned problem naming the field it concerns.
 *
 * Money is integer cents; rates are basis points (7500 = 75 %).
 */

export type CriterionKindForScore = 'general' | 'content' | 'specifying' | 'horizontal';

/** The highest score of one criterion before its weight: content and specifying 0–5, horizontal 0–3, general pass/fail. */
export const criterionScale: Readonly<Record<CriterionKindForScore, number>> = { general: 0, content: 5, specifying: 5, horizontal: 3 };

/** The highest score of a criterion before its weight, or null for a pass/fail (general) one. */
export function criterionScaleMax(kind: CriterionKindForScore): number | null {
  return kind === 'general' ? null : criterionScale[kind];
}

/** The largest weighted total an application can reach: Σ weight × scale (general criteria count 0). */
export function maxWeightedTotal(criteria: ReadonlyArray<{ kind: CriterionKindForScore; weight: number }>): number {
  return criteria.reduce((sum, c) => sum + c.weight * criterionScale[c.kind], 0);
}

/** The rules of a call that stand on their own, without texts, criteria or the clock. */
export interface CallRuleValues {
  /** The councils taking part, each with its budget in cents. */
  budgets: ReadonlyArray<{ regionCode: string; budgetCents: number }>;
  opensAt: Date;
  closesAt: Date;
  minRegions: number;
  minGrantCents: number;
  maxGrantCents: number;
  maxAidRateBp: number;
  costModel: 'flat_rate' | 'itemised';
  flatRateBp: number;
}

export interface CallForPublishing extends CallRuleValues {
  title: { fi: string };
  summary: { fi: string };
  body: { fi: string };
  priorityIds: readonly number[];
  criteria: ReadonlyArray<{ kind: CriterionKindForScore; weight: number }>;
  minTotalScore: number;
}

export type CallProblem =
  | { code: 'finnish-text-missing'; field: 'title_fi' | 'summary_fi' | 'body_fi' }
  | { code: 'no-council-budget'; field: 'regions' }
  | { code: 'no-priority-in-force'; field: 'priority' }
  | { code: 'opens-not-before-closes'; field: 'closes_date' }
  | { code: 'closes-in-past'; field: 'closes_date' }
  | { code: 'grant-range'; field: 'max_grant' }
  | { code: 'min-regions-range'; field: 'min_regions'; councils: number }
  | { code: 'aid-rate-range'; field: 'max_aid_rate' }
  | { code: 'flat-rate-range'; field: 'flat_rate' }
  | { code: 'no-criteria'; field: 'criteria' }
  | { code: 'min-score-too-high'; field: 'min_total_score'; maxTotal: number };

export type CallProblemCode = CallProblem['code'];

/** Rules between the fields of a call; the call form applies these too, so a draft never breaks them. */
export function ruleProblems(call: CallRuleValues): CallProblem[] {
  const problems: CallProblem[] = [];
  if (!(call.opensAt.getTime() < call.closesAt.getTime())) problems.push({ code: 'opens-not-before-closes', field: 'closes_date' });
  if (call.minGrantCents > call.maxGrantCents) problems.push({ code: 'grant-range', field: 'max_grant' });
  const councils = call.budgets.length;
  if (!(call.minRegions >= 1 && call.minRegions <= Math.max(councils, 1))) {
    problems.push({ code: 'min-regions-range', field: 'min_regions', councils });
  }
  if (!(call.maxAidRateBp >= 100 && call.maxAidRateBp <= 10_000)) problems.push({ code: 'aid-rate-range', field: 'max_aid_rate' });
  if (call.costModel === 'flat_rate' && !(call.flatRateBp >= 0 && call.flatRateBp <= 10_000)) {
    problems.push({ code: 'flat-rate-range', field: 'flat_rate' });
  }
  return problems;
}

export interface PublishContext {
  now: Date;
  /** The ids of the priorities of the strategy in force. */
  priorityIdsInForce: readonly number[];
  /**
   * Whether the closing time must lie in the future: always when publishing; when correcting a
   * published call, only if the correction moves the closing time (a closed call's texts can still be corrected).
   */
  requireFutureClose: boolean;
}

/** Everything that stops a call from being published; an empty list means it may be published. */
export function publishProblems(call: CallForPublishing, context: PublishContext): CallProblem[] {
  const problems: CallProblem[] = [];
  if (call.title.fi.trim() === '') problems.push({ code: 'finnish-text-missing', field: 'title_fi' });
  if (call.summary.fi.trim() === '') problems.push({ code: 'finnish-text-missing', field: 'summary_fi' });
  if (call.body.fi.trim() === '') problems.push({ code: 'finnish-text-missing', field: 'body_fi' });
  if (!call.budgets.some((b) => b.budgetCents > 0)) problems.push({ code: 'no-council-budget', field: 'regions' });
  const inForce = new Set(context.priorityIdsInForce);
  if (!call.priorityIds.some((id) => inForce.has(id))) problems.push({ code: 'no-priority-in-force', field: 'priority' });
  const rules = ruleProblems(call);
  problems.push(...rules.filter((p) => p.code === 'opens-not-before-closes'));
  if (context.requireFutureClose && call.closesAt.getTime() <= context.now.getTime()) problems.push({ code: 'closes-in-past', field: 'closes_date' });
  problems.push(...rules.filter((p) => p.code !== 'opens-not-before-closes'));
  if (call.criteria.length === 0) problems.push({ code: 'no-criteria', field: 'criteria' });
  const maxTotal = maxWeightedTotal(call.criteria);
  if (call.criteria.length > 0 && call.minTotalScore > maxTotal) problems.push({ code: 'min-score-too-high', field: 'min_total_score', maxTotal });
  return problems;
}
