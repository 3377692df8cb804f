import type { Transaction } from 'kysely';
import { isPostgres, type Executor } from '../../db/database.js';
import type { CallStoredStatus, Database } from '../../db/schema.js';

/**
 * Whether the review of a call may change: only while the call is in review and before its funding
 * proposal is confirmed, which freezes what the councils decide on. Assignments, scores, consensus
 * scores and officers' assessments all ask here.
 */

/** Why the review of a call cannot change now. */
export type ReviewLock = 'not-in-review' | 'proposal-confirmed';

export async function reviewLockOf(db: Executor, call: { id: number; status: CallStoredStatus }): Promise<ReviewLock | null> {
  if (call.status !== 'in_review') return 'not-in-review';
  const proposal = await db.selectFrom('funding_proposals').select('id').where('call_id', '=', call.id).executeTakeFirst();
  return proposal ? 'proposal-confirmed' : null;
}

/**
 * Locks the call's row (as submitting and confirming the funding proposal do, in that order: call
 * first) and tells whether its review may change. A proposal confirmed at the same moment then waits
 * for this change, or this change sees the proposal.
 */
export async function lockCallReview(trx: Transaction<Database>, callId: number): Promise<{ lock: ReviewLock | null } | undefined> {
  const query = trx.selectFrom('calls').select(['id', 'status']).where('id', '=', callId);
  const call = await (isPostgres(trx) ? query.forNoKeyUpdate() : query).executeTakeFirst();
  if (!call) return undefined;
  return { lock: await reviewLockOf(trx, call) };
}
