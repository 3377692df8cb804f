import { criterionScale, type CriterionKindForScore } from './call-validation.js';
import { add, fraction, isAtLeast, times, ZERO, type Fraction } from './fraction.js';

/**
 * The scores of one application, from its reviewers' submitted scores and the officers' consensus.
 *
 * - Each scored criterion (content and specifying 0–5, horizontal 0–3) takes the mean of the
 *   submitted scores, or the consensus score when officers recorded one. The weighted total is
 *   Σ weight × that value, kept exact as a fraction.
 * - A general (pass/fail) criterion passes when the consensus says so or, without one, when every
 *   reviewer marked it passed; it fails when the consensus or every reviewer failed it; reviewers
 *   who disagree leave it undecided until officers record a consensus.
 * - Disagreement: reviewers differ on a pass/fail criterion, or their scores of a scored criterion lie
 *   more than half its scale apart (3 points on 0–5, 2 points on 0–3).
 * - An application is fundable when every assigned (and not disqualified) reviewer has submitted,
 *   every general criterion passed and the total reaches the call's minimum.
 *
 * Reviews of disqualified or barred reviewers never reach this function: the caller passes only the
 * submitted reviews of cleared reviewers.
 */

export interface ScoringCriterion {
  id: number;
  kind: CriterionKindForScore;
  weight: number;
}

export interface SubmittedReview {
  reviewerId: number;
  /** Criterion id → score (1/0 for pass/fail). */
  scores: Readonly<Record<number, number>>;
}

export interface CriterionResult {
  criterionId: number;
  kind: CriterionKindForScore;
  weight: number;
  /** The submitted scores, in the order of the reviews given. */
  scores: number[];
  mean: Fraction | null;
  consensus: number | null;
  /** What counts: the consensus, else the mean; null for a pass/fail criterion or without scores. */
  value: Fraction | null;
  /** Pass/fail criteria: true, false, or null while undecided. Always null for scored criteria. */
  passed: boolean | null;
  disagreement: boolean;
}

export type NotFundableReason =
  | { code: 'reviews-missing'; submitted: number; expected: number }
  | { code: 'general-failed'; criterionId: number }
  | { code: 'general-undecided'; criterionId: number }
  | { code: 'below-minimum'; total: Fraction; minimum: number };

export interface ApplicationScore {
  reviewsSubmitted: number;
  reviewsExpected: number;
  criteria: CriterionResult[];
  /** Weighted total; null until every scored criterion has a value. */
  total: Fraction | null;
  /** Weighted total of the content criteria alone: the first tie-break. */
  contentTotal: Fraction | null;
  allGeneralPassed: boolean;
  minimumReached: boolean;
  /** Criteria whose reviewers disagree, without a consensus yet. */
  disagreements: number[];
  fundable: boolean;
  reasons: NotFundableReason[];
}

export interface ScoringInput {
  criteria: readonly ScoringCriterion[];
  reviews: readonly SubmittedReview[];
  /** Cleared reviewers assigned (submitted or not): all of them must submit. */
  reviewsExpected: number;
  consensus: Readonly<Record<number, number>>;
  minTotalScore: number;
}

/** True when scores this far apart call for a discussion: more than half the criterion's scale. */
export function scoresDisagree(kind: CriterionKindForScore, scores: readonly number[]): boolean {
  if (scores.length < 2) return false;
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  if (kind === 'general') return min !== max;
  return (max - min) * 2 > criterionScale[kind];
}

/** Whether a score is on the criterion's scale: 0/1 for pass/fail, 0–5 or 0–3 otherwise, whole numbers. */
export function isValidScore(kind: CriterionKindForScore, score: number): boolean {
  return Number.isInteger(score) && score >= 0 && score <= (kind === 'general' ? 1 : criterionScale[kind]);
}

function criterionResult(c: ScoringCriterion, reviews: readonly SubmittedReview[], consensus: number | undefined): CriterionResult {
  const scores = reviews.map((r) => r.scores[c.id]).filter((s): s is number => s !== undefined);
  const mean = scores.length === 0 ? null : fraction(scores.reduce((s, v) => s + v, 0), scores.length);
  const hasConsensus = consensus !== undefined;
  const disagreement = !hasConsensus && scoresDisagree(c.kind, scores);
  if (c.kind === 'general') {
    let passed: boolean | null = null;
    if (hasConsensus) passed = consensus === 1;
    else if (scores.length > 0 && !disagreement) passed = scores[0] === 1;
    return { criterionId: c.id, kind: c.kind, weight: c.weight, scores, mean, consensus: consensus ?? null, value: null, passed, disagreement };
  }
  const value = hasConsensus ? fraction(consensus) : mean;
  return { criterionId: c.id, kind: c.kind, weight: c.weight, scores, mean, consensus: consensus ?? null, value, passed: null, disagreement };
}

export function scoreApplication(input: ScoringInput): ApplicationScore {
  const criteria = input.criteria.map((c) => criterionResult(c, input.reviews, input.consensus[c.id]));
  const scored = criteria.filter((c) => c.kind !== 'general');
  const complete = scored.every((c) => c.value !== null);
  const weighted = (list: CriterionResult[]) => list.reduce((sum, c) => add(sum, times(c.value ?? ZERO, c.weight)), ZERO);
  const total = complete ? weighted(scored) : null;
  const contentTotal = complete ? weighted(scored.filter((c) => c.kind === 'content')) : null;

  const reasons: NotFundableReason[] = [];
  if (input.reviews.length < input.reviewsExpected || input.reviewsExpected === 0) {
    reasons.push({ code: 'reviews-missing', submitted: input.reviews.length, expected: input.reviewsExpected });
  }
  for (const c of criteria) {
    if (c.kind !== 'general') continue;
    if (c.passed === false) reasons.push({ code: 'general-failed', criterionId: c.criterionId });
    // Without any score yet, the missing reviews are the reason; undecided means reviewers disagree.
    if (c.passed === null && c.scores.length > 0) reasons.push({ code: 'general-undecided', criterionId: c.criterionId });
  }
  const minimumReached = total !== null && isAtLeast(total, input.minTotalScore);
  if (total !== null && !minimumReached) reasons.push({ code: 'below-minimum', total, minimum: input.minTotalScore });

  return {
    reviewsSubmitted: input.reviews.length,
    reviewsExpected: input.reviewsExpected,
    criteria,
    total,
    contentTotal,
    allGeneralPassed: criteria.every((c) => c.kind !== 'general' || c.passed === true),
    minimumReached,
    disagreements: criteria.filter((c) => c.disagreement).map((c) => c.criterionId),
    fundable: reasons.length === 0 && total !== null,
    reasons,
  };
}
