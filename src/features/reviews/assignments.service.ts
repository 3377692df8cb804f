import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AssignmentStatus, Database } from '../../db/schema.js';
import { isBarred, type DeclarationOutcome } from '../../domain/disqualification.js';
import { planAssignments, type Unfilled } from '../../domain/reviewer-assignment.js';
import { pagePath } from '../../http/page-paths.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { notifyUser } from '../notifications/notify-user.js';
import { assignmentMessages } from './assignments.messages.js';
import {
  callOfApplication,
  deleteUnsubmittedAssignment,
  findReviewApplication,
  insertAssignment,
  listExperts,
  listReviewApplications,
  recordDeclaration,
  type Expert,
} from './assignments.repository.js';
import { findAssignment, listCallAssignments } from './reviews.repository.js';
import { lockCallReview, type ReviewLock } from './review-lock.js';

/**
 * Assigning reviewers to the applications of a call, by hand or automatically, taking them off, and the
 * reviewer's disqualification declaration. Each change locks the call's row first, checks that the
 * review may still change (the call is in review and no funding proposal is confirmed), and writes its
 * audit entry and the reviewers' e-mail in the same transaction; the caller flushes the mailer after
 * commit. A reviewer gets one e-mail per batch, however many applications the batch gave them.
 */

export interface MailSettings {
  deliver: boolean;
  baseUrl: string;
}

/** Active assignments fill the places on an application and count in a reviewer's load. */
export const isActive = (status: AssignmentStatus) => status === 'awaiting-declaration' || status === 'cleared';

type Locked = { ok: false; reason: 'locked'; lock: ReviewLock };

export type AssignResult =
  | { ok: true; assignmentId: number; status: 'awaiting-declaration' | 'barred'; reviewerName: string; mailed: boolean }
  | Locked
  | { ok: false; reason: 'call-not-found' | 'application-not-found' | 'reviewer-not-found' | 'already-assigned' };

/** One reviewer on one application, chosen by an officer. A member of a partner organisation is recorded as barred. */
export async function assignByHand(
  db: Db,
  actor: Actor,
  input: { callId: number; applicationId: number; reviewerId: number },
  mail: MailSettings,
  now: Date,
): Promise<AssignResult> {
  return db.transaction().execute(async (trx): Promise<AssignResult> => {
    const state = await lockCallReview(trx, input.callId);
    if (!state) return { ok: false, reason: 'call-not-found' };
    if (state.lock) return { ok: false, reason: 'locked', lock: state.lock };
    const application = await findReviewApplication(trx, input.applicationId);
    if (!application || application.callId !== input.callId) return { ok: false, reason: 'application-not-found' };
    const reviewer = (await listExperts(trx)).find((e) => e.id === input.reviewerId);
    if (!reviewer) return { ok: false, reason: 'reviewer-not-found' };
    const existing = await trx
      .selectFrom('review_assignments')
      .select('id')
      .where('application_id', '=', application.id)
      .where('reviewer_id', '=', reviewer.id)
      .executeTakeFirst();
    if (existing) return { ok: false, reason: 'already-assigned' };

    const barred = isBarred(reviewer.organisationIds, application.partners.map((p) => p.organisationId));
    const status = barred ? 'barred' : 'awaiting-declaration';
    const assignmentId = await insertAssignment(trx, {
      applicationId: application.id,
      reviewerId: reviewer.id,
      method: 'manual',
      status,
      barredReason: barred ? 'partner-member' : null,
      assignedBy: actor.userId,
      assignedAt: now.toISOString(),
    });
    await appendAudit(
      trx,
      actor,
      {
        action: 'review.assigned',
        entityType: 'review_assignment',
        entityId: assignmentId,
        after: { callId: input.callId, applicationId: application.id, reviewerId: reviewer.id, method: 'manual', status, barredReason: barred ? 'partner-member' : null },
      },
      now,
    );
    // A barred reviewer has nothing to do, so they get no e-mail.
    if (!barred) await mailReviewer(trx, reviewer, input.callId, 1, mail, now);
    return { ok: true, assignmentId, status, reviewerName: reviewer.name, mailed: !barred };
  });
}

export type AutomaticResult = { ok: true; added: number; reviewersMailed: number; unfilled: Unfilled[] } | Locked | { ok: false; reason: 'call-not-found' };

/** Fills every submitted application of the call up to `perApplication` active reviewers (see reviewer-assignment.ts). */
export async function assignAutomatically(
  db: Db,
  actor: Actor,
  input: { callId: number; perApplication: number },
  mail: MailSettings,
  now: Date,
): Promise<AutomaticResult> {
  return db.transaction().execute(async (trx): Promise<AutomaticResult> => {
    const state = await lockCallReview(trx, input.callId);
    if (!state) return { ok: false, reason: 'call-not-found' };
    if (state.lock) return { ok: false, reason: 'locked', lock: state.lock };
    const [applications, experts, assignments] = await Promise.all([listReviewApplications(trx, input.callId), listExperts(trx), listCallAssignments(trx, input.callId)]);
    const loads = callLoads(assignments, applications);
    const plan = planAssignments(
      applications.map((a) => ({
        id: a.id,
        regionCodes: a.regionCodes,
        partnerOrganisationIds: a.partners.map((p) => p.organisationId),
        assigned: assignments.filter((x) => x.applicationId === a.id).map((x) => ({ reviewerId: x.reviewerId, active: isActive(x.status) })),
      })),
      experts.map((e) => ({ id: e.id, regionCode: e.regionCode, organisationIds: e.organisationIds, load: loads.get(e.id) ?? 0 })),
      input.perApplication,
    );
    if (plan.assignments.length === 0) return { ok: true, added: 0, reviewersMailed: 0, unfilled: plan.unfilled };

    const made: Array<{ id: number; applicationId: number; reviewerId: number }> = [];
    for (const a of plan.assignments) {
      const id = await insertAssignment(trx, {
        applicationId: a.applicationId,
        reviewerId: a.reviewerId,
        method: 'automatic',
        status: 'awaiting-declaration',
        barredReason: null,
        assignedBy: actor.userId,
        assignedAt: now.toISOString(),
      });
      made.push({ id, ...a });
    }
    await appendAudit(
      trx,
      actor,
      {
        action: 'review.assigned-automatically',
        entityType: 'call',
        entityId: input.callId,
        after: { perApplication: input.perApplication, assignments: made, unfilled: plan.unfilled.map((u) => ({ applicationId: u.applicationId, missing: u.missing })) },
      },
      now,
    );
    const countOf = new Map<number, number>();
    for (const a of made) countOf.set(a.reviewerId, (countOf.get(a.reviewerId) ?? 0) + 1);
    for (const expert of experts) {
      const count = countOf.get(expert.id);
      if (count) await mailReviewer(trx, expert, input.callId, count, mail, now);
    }
    return { ok: true, added: made.length, reviewersMailed: countOf.size, unfilled: plan.unfilled };
  });
}

/** Each reviewer's active assignments on the call's submitted applications. */
export function callLoads(assignments: ReadonlyArray<{ applicationId: number; reviewerId: number; status: AssignmentStatus }>, applications: ReadonlyArray<{ id: number }>): Map<number, number> {
  const submitted = new Set(applications.map((a) => a.id));
  const loads = new Map<number, number>();
  for (const a of assignments) if (submitted.has(a.applicationId) && isActive(a.status)) loads.set(a.reviewerId, (loads.get(a.reviewerId) ?? 0) + 1);
  return loads;
}

export type RemoveResult = { ok: true } | Locked | { ok: false; reason: 'call-not-found' | 'not-found' | 'scores-submitted' | 'disqualified' };

/**
 * Takes a reviewer off an application, unless they have submitted their scores (which the ranking
 * counts) or are disqualified or barred from it: that record stays, so the reviewer is never picked
 * for the application again.
 */
export async function removeAssignment(db: Db, actor: Actor, input: { callId: number; assignmentId: number }, now: Date): Promise<RemoveResult> {
  return db.transaction().execute(async (trx): Promise<RemoveResult> => {
    const state = await lockCallReview(trx, input.callId);
    if (!state) return { ok: false, reason: 'call-not-found' };
    const assignment = await findAssignment(trx, input.assignmentId);
    if (!assignment || (await callOfApplication(trx, assignment.applicationId)) !== input.callId) return { ok: false, reason: 'not-found' };
    if (state.lock) return { ok: false, reason: 'locked', lock: state.lock };
    if (assignment.status === 'disqualified' || assignment.status === 'barred') return { ok: false, reason: 'disqualified' };
    if (assignment.submittedAt !== null || !(await deleteUnsubmittedAssignment(trx, assignment.id))) return { ok: false, reason: 'scores-submitted' };
    await appendAudit(
      trx,
      actor,
      {
        action: 'review.assignment-removed',
        entityType: 'review_assignment',
        entityId: assignment.id,
        before: { callId: input.callId, applicationId: assignment.applicationId, reviewerId: assignment.reviewerId, method: assignment.method, status: assignment.status },
      },
      now,
    );
    return { ok: true };
  });
}

export type DeclareResult = { ok: true; status: 'cleared' | 'disqualified' } | Locked | { ok: false; reason: 'not-found' | 'already-declared' };

/**
 * The reviewer's own declaration on an assignment waiting for it: no grounds clears them to review,
 * one or more disqualifies them. It is made once; a reviewer whose situation changes tells the officers.
 */
export async function declare(
  db: Db,
  actor: Actor,
  input: { assignmentId: number; reviewerId: number; declaration: Extract<DeclarationOutcome, { ok: true }>; note: string | null },
  now: Date,
): Promise<DeclareResult> {
  return db.transaction().execute(async (trx): Promise<DeclareResult> => {
    const before = await findAssignment(trx, input.assignmentId);
    if (!before || before.reviewerId !== input.reviewerId) return { ok: false, reason: 'not-found' };
    const callId = await callOfApplication(trx, before.applicationId);
    const state = callId === undefined ? undefined : await lockCallReview(trx, callId);
    if (!state) return { ok: false, reason: 'not-found' };
    if (state.lock) return { ok: false, reason: 'locked', lock: state.lock };
    const { status, grounds } = input.declaration;
    const recorded = await recordDeclaration(trx, before.id, { status, grounds, note: input.note, declaredAt: now.toISOString() });
    if (!recorded) return { ok: false, reason: 'already-declared' };
    await appendAudit(
      trx,
      actor,
      {
        action: 'review.declared',
        entityType: 'review_assignment',
        entityId: before.id,
        before: { status: before.status },
        // The note may hold personal data: the log, which cannot be changed, says only whether there is one.
        after: { applicationId: before.applicationId, status, grounds, note: input.note !== null },
      },
      now,
    );
    return { ok: true, status };
  });
}

async function mailReviewer(trx: Transaction<Database>, reviewer: Expert, callId: number, count: number, mail: MailSettings, now: Date): Promise<void> {
  const locale: Locale = isLocale(reviewer.locale) ? reviewer.locale : 'fi';
  const call = await trx.selectFrom('calls').select(['title_fi', 'title_sv', 'title_en']).where('id', '=', callId).executeTakeFirstOrThrow();
  const title = call[`title_${locale}`] || call.title_fi;
  const m = assignmentMessages[locale];
  const url = `${mail.baseUrl}${pagePath(locale, 'reviews')}`;
  await notifyUser(
    trx,
    { userId: reviewer.id, kind: 'review-assigned', to: reviewer.email, locale, purpose: 'review-assigned', subject: m.mailSubject(title), text: m.mailText(reviewer.name, title, count, url) },
    { deliverMail: mail.deliver },
    now,
  );
}
