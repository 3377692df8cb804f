import { isPostgres, type Db, type Executor } from '../../db/database.js';
import type { ApplicationStatus } from '../../db/schema.js';
import { isValidScore, scoreApplication, type CriterionResult } from '../../domain/review-scoring.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { latestSubmission, type SubmissionRecord } from '../applications/submission.service.js';
import { findCallDetails, type CallDetails } from '../calls/calls.repository.js';
import { lockCallReview, reviewLockOf, type ReviewLock } from './review-lock.js';
import { findAssignment, listApplicationAssignments, listScores, type Assignment, type ScoreEntry } from './reviews.repository.js';

/**
 * A reviewer's scores of one application: saved as a draft while they work, then submitted, after
 * which they are final. Reviewers score independently, so nothing of other reviewers' scores is even
 * read for a reviewer before their own scores are in. Scores and the officers' consensus can change
 * only while the call is in review and before its funding proposal is confirmed: the proposal freezes
 * what the councils decide on.
 */

export const scoringLimits = { comment: 5000 } as const;

export interface OtherReview {
  reviewerId: number;
  reviewerName: string;
  submittedAt: string;
  scores: ScoreEntry[];
}

export interface ReviewerScoring {
  assignment: Assignment;
  call: CallDetails;
  applicationStatus: ApplicationStatus;
  submission: SubmissionRecord;
  /** The reviewer's own scores, draft or submitted, by criterion id. */
  own: Map<number, ScoreEntry>;
  /** Other cleared reviewers' submitted reviews: empty until the reviewer has submitted their own. */
  others: OtherReview[];
  /** Each criterion's mean of every submitted review: null until the reviewer has submitted. */
  means: CriterionResult[] | null;
  lock: ReviewLock | null;
}

/** What a reviewer's scoring page shows. The caller checks that the viewer is the assignment's cleared reviewer. */
export async function loadReviewerScoring(db: Executor, assignmentId: number): Promise<ReviewerScoring | undefined> {
  const assignment = await findAssignment(db, assignmentId);
  if (!assignment) return undefined;
  const application = await db.selectFrom('applications').select(['call_id', 'status']).where('id', '=', assignment.applicationId).executeTakeFirst();
  if (!application) return undefined;
  const [call, submission, ownScores] = await Promise.all([
    findCallDetails(db, application.call_id),
    latestSubmission(db, assignment.applicationId),
    listScores(db, [assignment.id]),
  ]);
  if (!call || !submission) return undefined;
  const own = new Map(ownScores.map((s) => [s.criterionId, s]));
  const base = { assignment, call, applicationStatus: application.status, submission, own, lock: await reviewLockOf(db, call) };
  if (assignment.submittedAt === null || assignment.status !== 'cleared') return { ...base, others: [], means: null };

  const submitted = (await listApplicationAssignments(db, assignment.applicationId)).filter((a) => a.status === 'cleared' && a.submittedAt !== null);
  const scores = await listScores(db, submitted.map((a) => a.id));
  const others = submitted
    .filter((a) => a.id !== assignment.id)
    .map((a) => ({ reviewerId: a.reviewerId, reviewerName: a.reviewerName, submittedAt: a.submittedAt as string, scores: scores.filter((s) => s.assignmentId === a.id) }));
  const reviews = submitted.map((a) => ({
    reviewerId: a.reviewerId,
    scores: Object.fromEntries(scores.filter((s) => s.assignmentId === a.id && s.score !== null).map((s) => [s.criterionId, s.score as number])),
  }));
  const result = scoreApplication({
    criteria: call.criteria.map((c) => ({ id: c.id, kind: c.kind, weight: c.weight })),
    reviews,
    reviewsExpected: reviews.length,
    consensus: {},
    minTotalScore: call.minTotalScore,
  });
  return { ...base, others, means: result.criteria };
}

export interface ScoreInput {
  criterionId: number;
  score: number | null;
  comment: string;
}

export type SaveScoresResult =
  | { ok: true; submitted: boolean }
  | { ok: false; reason: 'not-found' | 'not-cleared' | 'submitted' | 'locked' | 'invalid' | 'incomplete' };

/**
 * Saves the reviewer's scores and comments for every criterion of the call (a criterion left out is
 * stored unscored), and with `submit` makes them final: every criterion needs a score and a comment.
 */
export async function saveScores(
  db: Db,
  actor: Actor,
  input: { assignmentId: number; reviewerId: number; scores: readonly ScoreInput[]; submit: boolean },
  now: Date,
): Promise<SaveScoresResult> {
  return db.transaction().execute(async (trx): Promise<SaveScoresResult> => {
    const first = await trx
      .selectFrom('review_assignments as ra')
      .innerJoin('applications as a', 'a.id', 'ra.application_id')
      .select(['a.call_id'])
      .where('ra.id', '=', input.assignmentId)
      .executeTakeFirst();
    if (!first) return { ok: false, reason: 'not-found' };
    const call = await lockCallReview(trx, first.call_id);
    const query = trx
      .selectFrom('review_assignments as ra')
      .innerJoin('applications as a', 'a.id', 'ra.application_id')
      .select(['ra.id', 'ra.application_id', 'ra.reviewer_id', 'ra.status', 'ra.submitted_at', 'a.status as application_status'])
      .where('ra.id', '=', input.assignmentId);
    const assignment = await (isPostgres(trx) ? query.forUpdate('ra') : query).executeTakeFirst();
    if (!call || !assignment || assignment.reviewer_id !== input.reviewerId) return { ok: false, reason: 'not-found' };
    if (assignment.status !== 'cleared') return { ok: false, reason: 'not-cleared' };
    if (assignment.submitted_at !== null) return { ok: false, reason: 'submitted' };
    if (call.lock !== null || assignment.application_status !== 'submitted') return { ok: false, reason: 'locked' };

    const criteria = await trx.selectFrom('call_criteria').select(['id', 'kind']).where('call_id', '=', first.call_id).orderBy('sort_order').orderBy('id').execute();
    const given = new Map(input.scores.map((s) => [s.criterionId, s]));
    if (input.scores.some((s) => !criteria.some((c) => c.id === s.criterionId))) return { ok: false, reason: 'invalid' };
    const rows = criteria.map((c) => {
      const s = given.get(c.id);
      return { criterion: c, score: s?.score ?? null, comment: (s?.comment ?? '').trim() };
    });
    if (rows.some((r) => (r.score !== null && !isValidScore(r.criterion.kind, r.score)) || [...r.comment].length > scoringLimits.comment)) {
      return { ok: false, reason: 'invalid' };
    }
    if (input.submit && rows.some((r) => r.score === null || r.comment === '')) return { ok: false, reason: 'incomplete' };

    const at = now.toISOString();
    for (const r of rows) {
      await trx
        .insertInto('review_scores')
        .values({ assignment_id: assignment.id, criterion_id: r.criterion.id, score: r.score, comment: r.comment, updated_at: at })
        .onConflict((oc) => oc.columns(['assignment_id', 'criterion_id']).doUpdateSet({ score: r.score, comment: r.comment, updated_at: at }))
        .execute();
    }
    if (!input.submit) return { ok: true, submitted: false };
    await trx.updateTable('review_assignments').set({ submitted_at: at }).where('id', '=', assignment.id).execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'review.scores-submitted',
        entityType: 'application',
        entityId: assignment.application_id,
        after: { assignmentId: assignment.id, scores: Object.fromEntries(rows.map((r) => [r.criterion.id, r.score])) },
      },
      now,
    );
    return { ok: true, submitted: true };
  });
}
