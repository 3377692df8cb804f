import type { Transaction } from 'kysely';
import { isPostgres, type Db, type Executor } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { CallPhase } from '../../domain/call-lifecycle.js';
import { allocateStandard, type AllocationInput, type AllocationOutcome, type AllocationResult } from '../../domain/allocation.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { phaseOf, toCall } from '../calls/calls.repository.js';
import { assessCall, type AssessedApplication, type CallAssessment, type StandingReason } from './call-assessment.js';
import { buildProposal, findProposal, sealProposal, type StoredProposal } from './funding-proposal.js';

/**
 * The officers' work on a call's funding: fixing a grant below the request, previewing what that
 * would change, and confirming (or cancelling) the funding proposal the councils decide on.
 *
 * Every change runs in one transaction with its audit entry. On PostgreSQL the call's row is locked
 * first (as submission.service.ts does), so a fixed grant cannot slip in beside a confirmation that
 * did not see it; SQLite runs one write transaction at a time anyway. A proposal, once confirmed,
 * locks the fixed grants until it is cancelled, and it can be cancelled only until a council has
 * recorded a decision on it.
 */

export const fixedReasonMax = 2000;

export interface FixedGrantPreview {
  applicationId: number;
  cents: number;
}

export interface FundingView {
  assessment: CallAssessment;
  phase: CallPhase;
  proposal: StoredProposal | null;
  /** True once any council has recorded a decision on the call: the proposal can no longer be cancelled. */
  councilDecided: boolean;
  /** The allocation input shown: the stored one, or with the previewed grant applied. */
  input: AllocationInput<StandingReason>;
  /** The standard allocation of `input`. */
  allocation: AllocationResult<StandingReason>;
  /** The previewed grant and the applications whose outcome it changes (nothing is stored). */
  preview: (FixedGrantPreview & { changed: number[] }) | null;
  /** Applications still waiting for reviews: the proposal cannot be confirmed while any remain. */
  missingReviews: AssessedApplication[];
}

/** The allocation input with one application's grant fixed at `cents`, everything else as it is. */
export function withFixedGrant<R>(input: AllocationInput<R>, applicationId: number, cents: number): AllocationInput<R> {
  return { ...input, applications: input.applications.map((a) => (a.applicationId === applicationId ? { ...a, fixedGrantCents: cents } : a)) };
}

/** The applications whose outcome differs between two allocations: funded or not, or a different grant. */
export function changedOutcomes<R>(before: readonly AllocationOutcome<R>[], after: readonly AllocationOutcome<R>[]): number[] {
  const granted = (o: AllocationOutcome<R> | undefined) => (o?.kind === 'funded' ? o.grantedCents : null);
  const previous = new Map(before.map((o) => [o.applicationId, o]));
  return after
    .filter((o) => {
      const p = previous.get(o.applicationId);
      return p === undefined || p.kind !== o.kind || granted(p) !== granted(o);
    })
    .map((o) => o.applicationId);
}

/** Applications (other than ineligible ones) with reviews not yet in, or no reviewer at all. */
export function applicationsMissingReviews(assessment: CallAssessment): AssessedApplication[] {
  return assessment.applications.filter((a) => a.standing !== 'ineligible' && a.reasons.some((r) => r.code === 'reviews-missing'));
}

async function councilHasDecided(db: Executor, callId: number): Promise<boolean> {
  const row = await db.selectFrom('council_decisions').select('id').where('call_id', '=', callId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Everything the funding page shows; with a preview, the allocation as it would be with that grant. */
export async function loadFundingView(db: Db, callId: number, now: Date, preview: FixedGrantPreview | null = null): Promise<FundingView | undefined> {
  const [assessment, proposal, councilDecided] = await Promise.all([assessCall(db, callId), findProposal(db, callId), councilHasDecided(db, callId)]);
  if (!assessment) return undefined;
  const input = preview ? withFixedGrant(assessment.allocationInput, preview.applicationId, preview.cents) : assessment.allocationInput;
  const allocation = preview ? allocateStandard(input) : assessment.standard;
  return {
    assessment,
    phase: phaseOf(assessment.call, now),
    proposal: proposal ?? null,
    councilDecided,
    input,
    allocation,
    preview: preview ? { ...preview, changed: changedOutcomes(assessment.standard.outcomes, allocation.outcomes).filter((id) => id !== preview.applicationId) } : null,
    missingReviews: applicationsMissingReviews(assessment),
  };
}

/** Locks the call's row (PostgreSQL) and tells its phase now; undefined when there is no such call. */
async function lockCall(trx: Transaction<Database>, callId: number, now: Date): Promise<CallPhase | undefined> {
  const query = trx.selectFrom('calls').selectAll().where('id', '=', callId);
  const row = await (isPostgres(trx) ? query.forNoKeyUpdate() : query).executeTakeFirst();
  return row && phaseOf(toCall(row), now);
}

export type FixedGrantResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' | 'not-in-review' | 'proposal-exists' | 'not-fundable' }
  | { ok: false; reason: 'above-requested'; requestedCents: number };

/** Fixes the grant of a fundable application at `cents` (0 < cents ≤ requested), with the officer's reason. */
export async function setFixedGrant(
  db: Db,
  actor: Actor,
  input: { callId: number; applicationId: number; cents: number; reason: string },
  now: Date,
): Promise<FixedGrantResult> {
  if (!Number.isSafeInteger(input.cents) || input.cents <= 0) throw new RangeError(`a fixed grant must be whole cents above zero, got ${input.cents}`);
  return db.transaction().execute(async (trx) => {
    const phase = await lockCall(trx, input.callId, now);
    if (phase === undefined) return { ok: false, reason: 'not-found' };
    if (phase !== 'in_review') return { ok: false, reason: 'not-in-review' };
    if (await findProposal(trx, input.callId)) return { ok: false, reason: 'proposal-exists' };
    const assessment = await assessCall(trx, input.callId);
    const application = assessment?.applications.find((a) => a.applicationId === input.applicationId);
    if (!application) return { ok: false, reason: 'not-found' };
    if (application.standing !== 'fundable') return { ok: false, reason: 'not-fundable' };
    if (input.cents > application.requestedCents) return { ok: false, reason: 'above-requested', requestedCents: application.requestedCents };
    const at = now.toISOString();
    const values = { fixed_grant_cents: input.cents, fixed_reason: input.reason, fixed_by: actor.userId, fixed_at: at };
    await trx
      .insertInto('application_assessments')
      .values({ application_id: input.applicationId, ineligible_reason: null, ineligible_by: null, ineligible_at: null, ...values })
      .onConflict((oc) => oc.column('application_id').doUpdateSet(values))
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'funding.fixed-grant-set',
        entityType: 'application',
        entityId: input.applicationId,
        before: { fixedGrantCents: application.fixedGrantCents, reason: application.fixedReason },
        after: { callId: input.callId, fixedGrantCents: input.cents, requestedCents: application.requestedCents, reason: input.reason },
      },
      now,
    );
    return { ok: true };
  });
}

export type ClearFixedResult = { ok: true } | { ok: false; reason: 'not-found' | 'not-in-review' | 'proposal-exists' };

/** Removes a fixed grant: the application is proposed for the grant it requested again. */
export async function clearFixedGrant(db: Db, actor: Actor, input: { callId: number; applicationId: number }, now: Date): Promise<ClearFixedResult> {
  return db.transaction().execute(async (trx) => {
    const phase = await lockCall(trx, input.callId, now);
    if (phase === undefined) return { ok: false, reason: 'not-found' };
    if (phase !== 'in_review') return { ok: false, reason: 'not-in-review' };
    if (await findProposal(trx, input.callId)) return { ok: false, reason: 'proposal-exists' };
    const row = await trx
      .selectFrom('application_assessments as x')
      .innerJoin('applications as a', 'a.id', 'x.application_id')
      .select(['x.fixed_grant_cents', 'x.fixed_reason'])
      .where('x.application_id', '=', input.applicationId)
      .where('a.call_id', '=', input.callId)
      .executeTakeFirst();
    if (!row || row.fixed_grant_cents === null) return { ok: false, reason: 'not-found' };
    await trx
      .updateTable('application_assessments')
      .set({ fixed_grant_cents: null, fixed_reason: null, fixed_by: null, fixed_at: null })
      .where('application_id', '=', input.applicationId)
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'funding.fixed-grant-cleared',
        entityType: 'application',
        entityId: input.applicationId,
        before: { callId: input.callId, fixedGrantCents: Number(row.fixed_grant_cents), reason: row.fixed_reason },
      },
      now,
    );
    return { ok: true };
  });
}

export type ConfirmResult =
  | { ok: true; proposalId: number; sha256: string }
  | { ok: false; reason: 'not-found' | 'not-in-review' | 'proposal-exists' }
  | { ok: false; reason: 'reviews-missing'; applications: AssessedApplication[] };

/**
 * Freezes the standard allocation as the call's funding proposal: canonical JSON and its SHA-256,
 * read and stored in one transaction. Refused while any application still waits for reviews.
 */
export async function confirmProposal(db: Db, actor: Actor, callId: number, now: Date): Promise<ConfirmResult> {
  return db.transaction().execute(async (trx) => {
    const phase = await lockCall(trx, callId, now);
    if (phase === undefined) return { ok: false, reason: 'not-found' };
    if (phase !== 'in_review') return { ok: false, reason: 'not-in-review' };
    if (await findProposal(trx, callId)) return { ok: false, reason: 'proposal-exists' };
    const assessment = await assessCall(trx, callId);
    if (!assessment) return { ok: false, reason: 'not-found' };
    const missing = applicationsMissingReviews(assessment);
    if (missing.length > 0) return { ok: false, reason: 'reviews-missing', applications: missing };
    const sealed = sealProposal(buildProposal(assessment));
    const row = await trx
      .insertInto('funding_proposals')
      .values({ call_id: callId, snapshot: sealed.json, sha256: sealed.sha256, confirmed_by: actor.userId, confirmed_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      actor,
      {
        action: 'funding.proposal-confirmed',
        entityType: 'call',
        entityId: callId,
        after: {
          proposalId: row.id,
          sha256: sealed.sha256,
          funded: assessment.standard.fundedCount,
          grantedCents: assessment.standard.grantedCents,
        },
      },
      now,
    );
    return { ok: true, proposalId: row.id, sha256: sealed.sha256 };
  });
}

export type CancelResult = { ok: true } | { ok: false; reason: 'not-found' | 'no-proposal' | 'council-decided' };

/** Deletes the confirmed proposal, as long as no council has recorded a decision on the call. */
export async function cancelProposal(db: Db, actor: Actor, callId: number, now: Date): Promise<CancelResult> {
  return db.transaction().execute(async (trx) => {
    const phase = await lockCall(trx, callId, now);
    if (phase === undefined) return { ok: false, reason: 'not-found' };
    const proposal = await findProposal(trx, callId);
    if (!proposal) return { ok: false, reason: 'no-proposal' };
    if (await councilHasDecided(trx, callId)) return { ok: false, reason: 'council-decided' };
    await trx.deleteFrom('funding_proposals').where('id', '=', proposal.id).execute();
    await appendAudit(
      trx,
      actor,
      { action: 'funding.proposal-cancelled', entityType: 'call', entityId: callId, before: { proposalId: proposal.id, sha256: proposal.sha256 } },
      now,
    );
    return { ok: true };
  });
}
