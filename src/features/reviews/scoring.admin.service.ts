import type { Transaction } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { isValidScore } from '../../domain/review-scoring.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { lockCallReview } from './review-lock.js';

/**
 * The officers' part in the review of one application: a consensus score per criterion, which
 * settles what the reviewers disagree on and counts instead of their mean, and a finding of formal
 * ineligibility, whose reason is shown to the applicant. Each change is audited, and none is
 * possible once the call's funding proposal is confirmed.
 */

export const assessmentLimits = { justification: 5000, ineligibleReason: 2000 } as const;

export type OfficerChangeResult = { ok: true } | { ok: false; reason: 'not-found' | 'locked' | 'invalid' };

type Target = { callId: number; applicationId: number };

/** Locks the call, then checks that the application is a submitted one of it and the review may change. */
async function open(trx: Transaction<Database>, target: Target): Promise<OfficerChangeResult> {
  const call = await lockCallReview(trx, target.callId);
  if (!call) return { ok: false, reason: 'not-found' };
  const application = await trx.selectFrom('applications').select(['call_id', 'status']).where('id', '=', target.applicationId).executeTakeFirst();
  if (!application || application.call_id !== target.callId || application.status !== 'submitted') return { ok: false, reason: 'not-found' };
  if (call.lock !== null) return { ok: false, reason: 'locked' };
  return { ok: true };
}

const chars = (text: string) => [...text].length;

/** Who marked the application formally ineligible, and when; undefined when it is not marked. */
export async function findIneligibleMarking(db: Executor, applicationId: number): Promise<{ byName: string | null; at: string } | undefined> {
  const row = await db
    .selectFrom('application_assessments as x')
    .leftJoin('users as u', 'u.id', 'x.ineligible_by')
    .select(['x.ineligible_reason', 'x.ineligible_at', 'u.name'])
    .where('x.application_id', '=', applicationId)
    .executeTakeFirst();
  if (!row || row.ineligible_reason === null || row.ineligible_at === null) return undefined;
  return { byName: row.name ?? null, at: row.ineligible_at };
}

export async function recordConsensus(
  db: Db,
  actor: Actor,
  input: Target & { criterionId: number; score: number; justification: string },
  now: Date,
): Promise<OfficerChangeResult> {
  return db.transaction().execute(async (trx): Promise<OfficerChangeResult> => {
    const opened = await open(trx, input);
    if (!opened.ok) return opened;
    const criterion = await trx.selectFrom('call_criteria').select(['id', 'kind']).where('id', '=', input.criterionId).where('call_id', '=', input.callId).executeTakeFirst();
    if (!criterion) return { ok: false, reason: 'not-found' };
    const justification = input.justification.trim();
    if (!isValidScore(criterion.kind, input.score) || justification === '' || chars(justification) > assessmentLimits.justification) {
      return { ok: false, reason: 'invalid' };
    }
    const before = await trx
      .selectFrom('consensus_scores')
      .select(['score', 'justification'])
      .where('application_id', '=', input.applicationId)
      .where('criterion_id', '=', criterion.id)
      .executeTakeFirst();
    const values = { score: input.score, justification, recorded_by: actor.userId, recorded_at: now.toISOString() };
    await trx
      .insertInto('consensus_scores')
      .values({ application_id: input.applicationId, criterion_id: criterion.id, ...values })
      .onConflict((oc) => oc.columns(['application_id', 'criterion_id']).doUpdateSet(values))
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'review.consensus-recorded',
        entityType: 'application',
        entityId: input.applicationId,
        before: before ? { criterionId: criterion.id, ...before } : undefined,
        after: { criterionId: criterion.id, score: input.score, justification },
      },
      now,
    );
    return { ok: true };
  });
}

export async function removeConsensus(db: Db, actor: Actor, input: Target & { criterionId: number }, now: Date): Promise<OfficerChangeResult> {
  return db.transaction().execute(async (trx): Promise<OfficerChangeResult> => {
    const opened = await open(trx, input);
    if (!opened.ok) return opened;
    const before = await trx
      .selectFrom('consensus_scores')
      .select(['score', 'justification'])
      .where('application_id', '=', input.applicationId)
      .where('criterion_id', '=', input.criterionId)
      .executeTakeFirst();
    // Removing what is not there (a second click) changes nothing and needs no entry.
    if (!before) return { ok: true };
    await trx.deleteFrom('consensus_scores').where('application_id', '=', input.applicationId).where('criterion_id', '=', input.criterionId).execute();
    await appendAudit(
      trx,
      actor,
      { action: 'review.consensus-removed', entityType: 'application', entityId: input.applicationId, before: { criterionId: input.criterionId, ...before } },
      now,
    );
    return { ok: true };
  });
}

/** Records that the application is formally ineligible; the reason is shown to the applicant in the decision. */
export async function markIneligible(db: Db, actor: Actor, input: Target & { reason: string }, now: Date): Promise<OfficerChangeResult> {
  return db.transaction().execute(async (trx): Promise<OfficerChangeResult> => {
    const opened = await open(trx, input);
    if (!opened.ok) return opened;
    const reason = input.reason.trim();
    if (reason === '' || chars(reason) > assessmentLimits.ineligibleReason) return { ok: false, reason: 'invalid' };
    const before = await trx.selectFrom('application_assessments').select('ineligible_reason').where('application_id', '=', input.applicationId).executeTakeFirst();
    const values = { ineligible_reason: reason, ineligible_by: actor.userId, ineligible_at: now.toISOString() };
    await trx
      .insertInto('application_assessments')
      .values({ application_id: input.applicationId, ...values, fixed_grant_cents: null, fixed_reason: null, fixed_by: null, fixed_at: null })
      .onConflict((oc) => oc.column('application_id').doUpdateSet(values))
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'review.ineligible-marked',
        entityType: 'application',
        entityId: input.applicationId,
        before: { ineligibleReason: before?.ineligible_reason ?? null },
        after: { ineligibleReason: reason },
      },
      now,
    );
    return { ok: true };
  });
}

export async function clearIneligible(db: Db, actor: Actor, input: Target, now: Date): Promise<OfficerChangeResult> {
  return db.transaction().execute(async (trx): Promise<OfficerChangeResult> => {
    const opened = await open(trx, input);
    if (!opened.ok) return opened;
    const before = await trx.selectFrom('application_assessments').select('ineligible_reason').where('application_id', '=', input.applicationId).executeTakeFirst();
    if (!before || before.ineligible_reason === null) return { ok: true };
    await trx
      .updateTable('application_assessments')
      .set({ ineligible_reason: null, ineligible_by: null, ineligible_at: null })
      .where('application_id', '=', input.applicationId)
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'review.ineligible-cleared',
        entityType: 'application',
        entityId: input.applicationId,
        before: { ineligibleReason: before.ineligible_reason },
        after: { ineligibleReason: null },
      },
      now,
    );
    return { ok: true };
  });
}
