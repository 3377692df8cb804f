import type { Executor } from '../../db/database.js';
import { allocateStandard, requestedTotal, type AllocationApplication, type AllocationInput, type AllocationResult } from '../../domain/allocation.js';
import { toNumber, ZERO } from '../../domain/fraction.js';
import { rankApplications, type Ranked, type RankingEntry } from '../../domain/ranking.js';
import { scoreApplication, type ApplicationScore, type NotFundableReason, type SubmittedReview } from '../../domain/review-scoring.js';
import { findCallDetails, type CallDetails } from '../calls/calls.repository.js';
import { listCallAssignments, listCallConsensus, listSubmittedCallScores, type Assignment, type ConsensusEntry } from '../reviews/reviews.repository.js';

/**
 * Everything the ranking, the allocation and the decisions of one call rest on, read in a few bulk
 * queries and put through the pure rules: each submitted application's scores (review-scoring.ts),
 * the ranking list (ranking.ts) and the standard allocation (allocation.ts). Withdrawn applications
 * and drafts take no part. Pages, the API, the funding proposal and the benchmarks all read the call
 * through this one function, so they cannot disagree.
 */

export type StandingReason = NotFundableReason | { code: 'formally-ineligible'; reason: string };

export interface AssessedApplication {
  applicationId: number;
  title: string;
  summary: string;
  leadOrganisationId: number;
  leadOrganisationName: string;
  receiptNumber: string;
  submittedAt: string;
  /** The language of the person who submitted it: the decision letter is written in it. */
  submitterLocale: string;
  submitterEmail: string | null;
  requestedByRegion: Record<string, number>;
  requestedCents: number;
  ineligibleReason: string | null;
  fixedGrantCents: number | null;
  fixedReason: string | null;
  assignments: Assignment[];
  consensus: ConsensusEntry[];
  score: ApplicationScore;
  standing: AllocationApplication['standing'];
  reasons: StandingReason[];
}

export interface RankedApplication extends RankingEntry {
  application: AssessedApplication;
}

export interface CallAssessment {
  call: CallDetails;
  /** Every submitted application, by application number. */
  applications: AssessedApplication[];
  /** The fundable applications in ranking order. */
  ranking: Ranked<RankedApplication>[];
  /** Fundable in ranking order, then the not fundable and the ineligible, each by application number. */
  allocationInput: AllocationInput<StandingReason>;
  standard: AllocationResult<StandingReason>;
}

export async function assessCall(db: Executor, callId: number): Promise<CallAssessment | undefined> {
  const call = await findCallDetails(db, callId);
  if (!call) return undefined;

  const [apps, partnerShares, submissions, assessments, assignments, scores, consensus] = await Promise.all([
    db
      .selectFrom('applications as a')
      .innerJoin('organisations as o', 'o.id', 'a.lead_organisation_id')
      .select(['a.id', 'a.title', 'a.summary', 'a.lead_organisation_id', 'o.name as lead_name'])
      .where('a.call_id', '=', callId)
      .where('a.status', '=', 'submitted')
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('application_partners as p')
      .innerJoin('applications as a', 'a.id', 'p.application_id')
      .select(['p.application_id', 'p.region_code'])
      .select((eb) => eb.fn.sum<number>('p.requested_cents').as('requested'))
      .where('a.call_id', '=', callId)
      .where('a.status', '=', 'submitted')
      .groupBy(['p.application_id', 'p.region_code'])
      .execute(),
    db
      .selectFrom('application_submissions as s')
      .innerJoin('applications as a', 'a.id', 's.application_id')
      .leftJoin('users as u', 'u.id', 's.submitted_by')
      .select(['s.id', 's.application_id', 's.receipt_number', 's.submitted_at', 'u.locale', 'u.email'])
      .where('a.call_id', '=', callId)
      .where('a.status', '=', 'submitted')
      .where('s.withdrawn_at', 'is', null)
      .orderBy('s.id')
      .execute(),
    db
      .selectFrom('application_assessments as x')
      .innerJoin('applications as a', 'a.id', 'x.application_id')
      .select(['x.application_id', 'x.ineligible_reason', 'x.fixed_grant_cents', 'x.fixed_reason'])
      .where('a.call_id', '=', callId)
      .execute(),
    listCallAssignments(db, callId),
    listSubmittedCallScores(db, callId),
    listCallConsensus(db, callId),
  ]);

  const requested = new Map<number, Record<string, number>>();
  for (const p of partnerShares) {
    const shares = requested.get(p.application_id) ?? {};
    shares[p.region_code] = (shares[p.region_code] ?? 0) + Number(p.requested);
    requested.set(p.application_id, shares);
  }
  const latestSubmission = new Map<number, (typeof submissions)[number]>();
  for (const s of submissions) latestSubmission.set(s.application_id, s);
  const assessmentOf = new Map(assessments.map((x) => [x.application_id, x]));
  const assignmentsOf = groupBy(assignments, (a) => a.applicationId);
  const consensusOf = groupBy(consensus, (c) => c.applicationId);
  const reviewsOf = new Map<number, Map<number, Record<number, number>>>();
  for (const s of scores) {
    const byReviewer = reviewsOf.get(s.applicationId) ?? new Map<number, Record<number, number>>();
    const review = byReviewer.get(s.reviewerId) ?? {};
    review[s.criterionId] = s.score;
    byReviewer.set(s.reviewerId, review);
    reviewsOf.set(s.applicationId, byReviewer);
  }
  const criteria = call.criteria.map((c) => ({ id: c.id, kind: c.kind, weight: c.weight }));

  const applications: AssessedApplication[] = apps.map((a) => {
    const submission = latestSubmission.get(a.id);
    const assessment = assessmentOf.get(a.id);
    const own = assignmentsOf.get(a.id) ?? [];
    const agreed = consensusOf.get(a.id) ?? [];
    const reviews: SubmittedReview[] = [...(reviewsOf.get(a.id) ?? new Map<number, Record<number, number>>()).entries()].map(([reviewerId, s]) => ({
      reviewerId,
      scores: s,
    }));
    const score = scoreApplication({
      criteria,
      reviews,
      reviewsExpected: own.filter((x) => x.status === 'cleared' || x.status === 'awaiting-declaration').length,
      consensus: Object.fromEntries(agreed.map((c) => [c.criterionId, c.score])),
      minTotalScore: call.minTotalScore,
    });
    const ineligibleReason = assessment?.ineligible_reason ?? null;
    const requestedByRegion = requested.get(a.id) ?? {};
    const standing: AssessedApplication['standing'] = ineligibleReason !== null ? 'ineligible' : score.fundable ? 'fundable' : 'not-fundable';
    const reasons: StandingReason[] = ineligibleReason !== null ? [{ code: 'formally-ineligible', reason: ineligibleReason }] : score.reasons;
    return {
      applicationId: a.id,
      title: a.title,
      summary: a.summary,
      leadOrganisationId: a.lead_organisation_id,
      leadOrganisationName: a.lead_name,
      receiptNumber: submission?.receipt_number ?? '',
      submittedAt: submission?.submitted_at ?? '',
      submitterLocale: submission?.locale ?? 'fi',
      submitterEmail: submission?.email ?? null,
      requestedByRegion,
      requestedCents: requestedTotal(requestedByRegion),
      ineligibleReason,
      fixedGrantCents: assessment?.fixed_grant_cents === null || assessment?.fixed_grant_cents === undefined ? null : Number(assessment.fixed_grant_cents),
      fixedReason: assessment?.fixed_reason ?? null,
      assignments: own,
      consensus: agreed,
      score,
      standing,
      reasons,
    };
  });

  const ranking = rankApplications<RankedApplication>(
    applications
      .filter((a) => a.standing === 'fundable')
      .map((a) => ({
        applicationId: a.applicationId,
        total: a.score.total ?? ZERO,
        contentTotal: a.score.contentTotal ?? ZERO,
        requestedCents: a.requestedCents,
        submittedAt: a.submittedAt,
        application: a,
      })),
  );
  const toInput = (a: AssessedApplication): AllocationApplication<StandingReason> => ({
    applicationId: a.applicationId,
    standing: a.standing,
    reasons: a.reasons,
    requestedByRegion: a.requestedByRegion,
    fixedGrantCents: a.fixedGrantCents,
    score: a.score.total ? toNumber(a.score.total) : 0,
  });
  const allocationInput: AllocationInput<StandingReason> = {
    budgets: Object.fromEntries(call.budgets.map((b) => [b.regionCode, b.budgetCents])),
    applications: [
      ...ranking.map((r) => toInput(r.entry.application)),
      ...applications.filter((a) => a.standing === 'not-fundable').map(toInput),
      ...applications.filter((a) => a.standing === 'ineligible').map(toInput),
    ],
  };
  return { call, applications, ranking, allocationInput, standard: allocateStandard(allocationInput) };
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(key(item)) ?? [];
    list.push(item);
    map.set(key(item), list);
  }
  return map;
}
