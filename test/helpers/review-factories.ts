import type { Db } from '../../src/db/database.js';
import type { AssignmentMethod, AssignmentStatus, CallRow, OrganisationRow, UserRow } from '../../src/db/schema.js';
import { findCallDetails } from '../../src/features/calls/calls.repository.js';
import { findApplicationDetails } from '../../src/features/applications/applications.repository.js';
import { buildSnapshot, sealSnapshot } from '../../src/features/applications/submission.snapshot.js';
import { buildApplication, buildCall, type ApplicationSpec, type CallSpec } from './call-factories.js';
import { buildOrganisation, buildUser } from './factories.js';

/**
 * Factories for the review and decision stages: a call that has closed with submitted applications,
 * reviewers, assignments and submitted scores. Each states only what the test needs.
 */

/** A call that closed on 15 Nov 2026 (before the test clock's 28 Nov) and is in review. */
export async function buildClosedCall(db: Db, spec: CallSpec = {}): Promise<CallRow> {
  const call = await buildCall(db, { ...spec, opensAt: spec.opensAt ?? '2026-10-01T07:00:00.000Z', closesAt: spec.closesAt ?? '2026-11-15T14:15:00.000Z' });
  // Applications are submitted while the call is open; the status moves on after them (see submitted()).
  return call;
}

/** Moves a call to review, as officers do after closing. */
export async function startReview(db: Db, call: CallRow): Promise<void> {
  await db.updateTable('calls').set({ status: 'in_review', review_started_at: '2026-11-16T08:00:00.000Z' }).where('id', '=', call.id).execute();
}

let receipts = 0;

/**
 * A submitted application with its frozen snapshot and receipt, as submitApplication leaves it. The
 * submission time defaults to 10 Nov 2026; `submittedAt` orders ties in the ranking.
 */
export async function buildSubmittedApplication(
  db: Db,
  spec: Omit<ApplicationSpec, 'status' | 'lead'> & { lead?: ApplicationSpec['lead']; submittedAt?: string; submitter?: UserRow },
): Promise<{ id: number; partnerIds: number[]; receiptNumber: string }> {
  const lead = spec.lead ?? { organisation: await buildOrganisation(db, { region: '17' }) };
  const built = await buildApplication(db, { ...spec, lead, status: 'draft' });
  const call = await findCallDetails(db, spec.call.id);
  const details = await findApplicationDetails(db, built.id);
  if (!call || !details) throw new Error('buildSubmittedApplication: the application was not stored');
  const sealed = sealSnapshot(buildSnapshot(call, details));
  const submittedAt = spec.submittedAt ?? '2026-11-10T10:00:00.000Z';
  receipts += 1;
  const receiptNumber = `${call.reference.slice(0, 26)}-${String(receipts).padStart(4, '0')}`;
  await db
    .insertInto('application_submissions')
    .values({
      application_id: built.id,
      receipt_number: receiptNumber,
      submitted_at: submittedAt,
      submitted_by: spec.submitter?.id ?? null,
      content_sha256: sealed.sha256,
      snapshot: sealed.json,
    })
    .execute();
  await db.updateTable('applications').set({ status: 'submitted', submitted_at: submittedAt }).where('id', '=', built.id).execute();
  return { ...built, receiptNumber };
}

/** An expert of the given council, optionally a member of organisations (which bars them from those applications). */
export async function buildReviewer(db: Db, spec: { region?: string; name?: string; memberOf?: OrganisationRow[]; locale?: 'fi' | 'sv' | 'en' } = {}): Promise<UserRow> {
  return buildUser(db, {
    ...(spec.name ? { name: spec.name } : {}),
    ...(spec.locale ? { locale: spec.locale } : {}),
    roles: [{ role: 'expert', region: spec.region ?? '12' }],
    memberOf: (spec.memberOf ?? []).map((organisation) => ({ organisation })),
  });
}

/** An assignment in the given state (default cleared: declared no grounds). */
export async function buildAssignment(
  db: Db,
  spec: { applicationId: number; reviewer: UserRow; status?: AssignmentStatus; method?: AssignmentMethod },
): Promise<number> {
  const status = spec.status ?? 'cleared';
  const row = await db
    .insertInto('review_assignments')
    .values({
      application_id: spec.applicationId,
      reviewer_id: spec.reviewer.id,
      method: spec.method ?? 'manual',
      status,
      barred_reason: status === 'barred' ? 'partner-member' : null,
      assigned_by: null,
      assigned_at: '2026-11-16T09:00:00.000Z',
      declared_at: status === 'cleared' || status === 'disqualified' ? '2026-11-16T10:00:00.000Z' : null,
      disqualification_grounds: status === 'disqualified' ? JSON.stringify(['employment']) : status === 'cleared' ? '[]' : null,
      declaration_note: null,
      submitted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A reviewer's submitted scores: criterion id → score (1/0 for pass/fail). Criteria left out are
 * scored at their defaults: general passed, others at `fill` (default the scale's top).
 */
export async function submitScores(db: Db, assignmentId: number, scores: Record<number, number> = {}, fill?: number): Promise<void> {
  const assignment = await db.selectFrom('review_assignments').select('application_id').where('id', '=', assignmentId).executeTakeFirstOrThrow();
  const app = await db.selectFrom('applications').select('call_id').where('id', '=', assignment.application_id).executeTakeFirstOrThrow();
  const criteria = await db.selectFrom('call_criteria').select(['id', 'kind']).where('call_id', '=', app.call_id).execute();
  for (const c of criteria) {
    const top = c.kind === 'general' ? 1 : c.kind === 'horizontal' ? 3 : 5;
    const score = scores[c.id] ?? (c.kind === 'general' ? 1 : Math.min(fill ?? top, top));
    await db
      .insertInto('review_scores')
      .values({ assignment_id: assignmentId, criterion_id: c.id, score, comment: `Perustelu ${score}.`, updated_at: '2026-11-20T10:00:00.000Z' })
      .execute();
  }
  await db.updateTable('review_assignments').set({ submitted_at: '2026-11-20T10:00:00.000Z' }).where('id', '=', assignmentId).execute();
}

/**
 * A call in review with `count` submitted applications, each reviewed by one cleared reviewer who gave
 * every scored criterion `scores[i]` (default 5): a quick way to a ranked call.
 */
export async function buildReviewedCall(
  db: Db,
  spec: CallSpec & { scores?: number[]; count?: number; partners?: ApplicationSpec['partners'] } = {},
): Promise<{ call: CallRow; applicationIds: number[]; reviewer: UserRow }> {
  const call = await buildClosedCall(db, spec);
  const reviewer = await buildReviewer(db);
  const count = spec.count ?? spec.scores?.length ?? 3;
  const applicationIds: number[] = [];
  for (let i = 0; i < count; i++) {
    const app = await buildSubmittedApplication(db, { call, ...(spec.partners ? { partners: spec.partners } : {}), submittedAt: `2026-11-10T10:00:0${i % 10}.000Z` });
    const assignment = await buildAssignment(db, { applicationId: app.id, reviewer });
    await submitScores(db, assignment, {}, spec.scores?.[i] ?? 5);
    applicationIds.push(app.id);
  }
  await startReview(db, call);
  return { call, applicationIds, reviewer };
}
