import { isBarred } from './disqualification.js';

/**
 * Automatic assignment of reviewers from the expert group to the applications of a call.
 *
 * Rules:
 *   1. Never a reviewer who is a member of a partner organisation of the application (isBarred).
 *   2. Never the same reviewer twice on one application: whoever is already on it, in any standing
 *      (awaiting declaration, cleared, disqualified, barred), is not a candidate again.
 *   3. Each application is filled up to `perApplication` active reviewers (awaiting declaration or
 *      cleared). Those already active count; an application that has enough gets none.
 *   4. Load first: each place goes to the candidate with the fewest active assignments in the call at
 *      that moment, the assignments made in this run included.
 *   5. Then region: among the candidates of that lowest load, one whose council is not among the regions
 *      the application involves (its partners' regions) goes before one whose council is. A reviewer
 *      without a council counts as not involved. The region preference never takes a candidate above
 *      the lowest load: taking one would leave them two above the least-loaded candidate, and the loads
 *      would no longer stay within one of each other (rule 4 is what spreads the work).
 *   6. Then the lower reviewer id, so equal candidates are always taken in the same order.
 *   7. Applications are filled one after another in ascending id (the order of their numbers), each
 *      completely before the next. Filling one application at a time keeps the loads within one of
 *      each other when everyone may review everything; going round the applications one place at a
 *      time does not (a reviewer can be the only one left for an application in the last round).
 *
 * The result depends only on the input, not on the order of the arrays given: the same call gives the
 * same assignments on every run and database. Places that could not be filled are reported per
 * application with the reason: who in the pool is already reviewing it, who is barred and who has been
 * disqualified from it.
 */

export interface ApplicationToStaff {
  id: number;
  /** The regions the application involves: those of its partners (the councils that would fund it). */
  regionCodes: readonly string[];
  /** Every partner organisation, the lead included. */
  partnerOrganisationIds: readonly number[];
  /** Reviewers already on the application; the active ones (awaiting declaration or cleared) fill places. */
  assigned: ReadonlyArray<{ reviewerId: number; active: boolean }>;
}

export interface PoolReviewer {
  id: number;
  /** The reviewer's council (the region of their expert role), or null. */
  regionCode: string | null;
  organisationIds: readonly number[];
  /** Active assignments the reviewer already has in this call. */
  load: number;
}

export interface NewAssignment {
  applicationId: number;
  reviewerId: number;
}

export type UnfilledReason =
  | { code: 'no-reviewers' }
  | {
      code: 'too-few-reviewers';
      /** Reviewers in the pool. */
      poolSize: number;
      /** Of them, reviewing the application now (the run's new assignments included). */
      reviewing: number;
      /** Of them, members of a partner organisation. */
      barred: number;
      /** Of them, on the application but no longer reviewing it (disqualified by their declaration). */
      disqualified: number;
    };

export interface Unfilled {
  applicationId: number;
  /** Places still empty after the run. */
  missing: number;
  reason: UnfilledReason;
}

export interface AssignmentPlan {
  /** The new assignments in the order they were made. */
  assignments: NewAssignment[];
  /** Applications left with fewer active reviewers than wanted, by application id. */
  unfilled: Unfilled[];
  /** Every pool reviewer's load after the run, by reviewer id. */
  loads: Array<{ reviewerId: number; load: number }>;
}

/** A reviewer's council is among the regions the application involves. */
export const isInvolved = (reviewer: Pick<PoolReviewer, 'regionCode'>, application: Pick<ApplicationToStaff, 'regionCodes'>) =>
  reviewer.regionCode !== null && application.regionCodes.includes(reviewer.regionCode);

export function planAssignments(applications: readonly ApplicationToStaff[], pool: readonly PoolReviewer[], perApplication: number): AssignmentPlan {
  if (!Number.isInteger(perApplication) || perApplication < 0) throw new RangeError(`planAssignments: perApplication must be a whole number ≥ 0, got ${perApplication}`);
  const reviewers = [...pool].sort((a, b) => a.id - b.id);
  const load = new Map(reviewers.map((r) => [r.id, r.load]));
  const assignments: NewAssignment[] = [];
  const unfilled: Unfilled[] = [];

  for (const application of [...applications].sort((a, b) => a.id - b.id)) {
    const onIt = new Set(application.assigned.map((a) => a.reviewerId));
    let active = application.assigned.filter((a) => a.active).length;
    const candidates = reviewers.filter((r) => !onIt.has(r.id) && !isBarred(r.organisationIds, application.partnerOrganisationIds));
    while (active < perApplication && candidates.length > 0) {
      let best = 0;
      for (let i = 1; i < candidates.length; i++) if (before(candidates[i]!, candidates[best]!, application, load)) best = i;
      const chosen = candidates.splice(best, 1)[0]!;
      assignments.push({ applicationId: application.id, reviewerId: chosen.id });
      load.set(chosen.id, (load.get(chosen.id) ?? 0) + 1);
      onIt.add(chosen.id);
      active += 1;
    }
    if (active < perApplication) unfilled.push({ applicationId: application.id, missing: perApplication - active, reason: whyUnfilled(application, reviewers, onIt) });
  }

  return { assignments, unfilled, loads: reviewers.map((r) => ({ reviewerId: r.id, load: load.get(r.id) ?? 0 })) };
}

/** Rules 4–6: lower load, then not involved, then lower id. */
function before(a: PoolReviewer, b: PoolReviewer, application: ApplicationToStaff, load: ReadonlyMap<number, number>): boolean {
  const la = load.get(a.id) ?? 0;
  const lb = load.get(b.id) ?? 0;
  if (la !== lb) return la < lb;
  const ia = isInvolved(a, application);
  const ib = isInvolved(b, application);
  if (ia !== ib) return !ia;
  return a.id < b.id;
}

function whyUnfilled(application: ApplicationToStaff, reviewers: readonly PoolReviewer[], onIt: ReadonlySet<number>): UnfilledReason {
  if (reviewers.length === 0) return { code: 'no-reviewers' };
  const inactive = new Set(application.assigned.filter((a) => !a.active).map((a) => a.reviewerId));
  let reviewing = 0;
  let barred = 0;
  let disqualified = 0;
  for (const r of reviewers) {
    if (onIt.has(r.id) && !inactive.has(r.id)) reviewing += 1;
    else if (isBarred(r.organisationIds, application.partnerOrganisationIds)) barred += 1;
    else if (inactive.has(r.id)) disqualified += 1;
  }
  return { code: 'too-few-reviewers', poolSize: reviewers.length, reviewing, barred, disqualified };
}
