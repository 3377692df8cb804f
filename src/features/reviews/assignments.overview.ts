import type { Executor } from '../../db/database.js';
import { isBarred } from '../../domain/disqualification.js';
import { planAssignments, type Unfilled } from '../../domain/reviewer-assignment.js';
import { listExperts, listReviewApplications, type Expert, type ReviewApplication } from './assignments.repository.js';
import { callLoads, isActive } from './assignments.service.js';
import { listCallAssignments, type Assignment } from './reviews.repository.js';
import { reviewLockOf, type ReviewLock } from './review-lock.js';

/** What the officers' review page of a call shows: each application with its reviewers, the expert pool and the loads. */
export interface CallReviewOverview {
  lock: ReviewLock | null;
  applications: Array<{
    application: ReviewApplication;
    assignments: Assignment[];
    /** Experts who may still be added, each marked if a member of a partner (they would be recorded as barred). */
    addable: Array<{ expert: Expert; barred: boolean }>;
    /** Places the automatic assignment cannot fill for the number the officer last asked for, and why. */
    unfilled: Unfilled | null;
  }>;
  experts: Expert[];
  loads: Array<{ expert: Expert; active: number; submitted: number; notReviewing: number }>;
}

/**
 * Reads the review of a call. With `perApplication`, each application also says how many places the
 * automatic assignment would leave empty and why: the same rule run without writing anything.
 */
export async function loadCallReview(db: Executor, call: { id: number; status: 'draft' | 'published' | 'in_review' | 'decided' }, perApplication: number | null): Promise<CallReviewOverview> {
  const [applications, experts, assignments, lock] = await Promise.all([
    listReviewApplications(db, call.id),
    listExperts(db),
    listCallAssignments(db, call.id),
    reviewLockOf(db, call),
  ]);
  const loads = callLoads(assignments, applications);
  const plan =
    perApplication === null
      ? null
      : planAssignments(
          applications.map((a) => ({
            id: a.id,
            regionCodes: a.regionCodes,
            partnerOrganisationIds: a.partners.map((p) => p.organisationId),
            assigned: assignments.filter((x) => x.applicationId === a.id).map((x) => ({ reviewerId: x.reviewerId, active: isActive(x.status) })),
          })),
          experts.map((e) => ({ id: e.id, regionCode: e.regionCode, organisationIds: e.organisationIds, load: loads.get(e.id) ?? 0 })),
          perApplication,
        );
  const submittedIds = new Set(applications.map((a) => a.id));
  const counted = assignments.filter((a) => submittedIds.has(a.applicationId));
  return {
    lock,
    applications: applications.map((application) => {
      const own = assignments.filter((x) => x.applicationId === application.id);
      const partnerIds = application.partners.map((p) => p.organisationId);
      return {
        application,
        assignments: own,
        addable: experts.filter((e) => !own.some((x) => x.reviewerId === e.id)).map((expert) => ({ expert, barred: isBarred(expert.organisationIds, partnerIds) })),
        unfilled: plan?.unfilled.find((u) => u.applicationId === application.id) ?? null,
      };
    }),
    experts,
    loads: experts.map((expert) => ({
      expert,
      active: loads.get(expert.id) ?? 0,
      submitted: counted.filter((a) => a.reviewerId === expert.id && a.status === 'cleared' && a.submittedAt !== null).length,
      notReviewing: counted.filter((a) => a.reviewerId === expert.id && (a.status === 'disqualified' || a.status === 'barred')).length,
    })),
  };
}
