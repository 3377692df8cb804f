import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isBarred } from './disqualification.js';
import { isInvolved, planAssignments, type ApplicationToStaff, type PoolReviewer } from './reviewer-assignment.js';

/**
 * Properties of the automatic assignment, over calls of up to 12 applications and pools of up to 10
 * reviewers drawn from seven regions and eight organisations, with assignments already made.
 */

const REGIONS = ['10', '11', '12', '16', '17', '18', '19'] as const;
const organisationIds = fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 3 });

const poolArb: fc.Arbitrary<PoolReviewer[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 10 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          regionCode: fc.option(fc.constantFrom(...REGIONS), { nil: null, freq: 5 }),
          organisationIds,
          load: fc.integer({ min: 0, max: 4 }),
        }),
      ),
    ),
  );

const applicationsArb = (reviewerIds: readonly number[]): fc.Arbitrary<ApplicationToStaff[]> =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 12 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc.record({
            id: fc.constant(id),
            regionCodes: fc.uniqueArray(fc.constantFrom(...REGIONS), { minLength: 1, maxLength: 4 }),
            partnerOrganisationIds: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 }),
            assigned: reviewerIds.length === 0 ? fc.constant([]) : fc.uniqueArray(fc.record({ reviewerId: fc.constantFrom(...reviewerIds), active: fc.boolean() }), { maxLength: 3, selector: (a) => a.reviewerId }),
          }),
        ),
      ),
    );

const callArb = poolArb.chain((pool) =>
  fc.record({ pool: fc.constant(pool), applications: applicationsArb(pool.map((r) => r.id)), perApplication: fc.integer({ min: 0, max: 5 }) }),
);

/** A pool and applications in which nobody is barred and nobody is on an application yet; loads start within one. */
const openCallArb = fc
  .record({ reviewers: fc.integer({ min: 1, max: 10 }), applications: fc.integer({ min: 0, max: 15 }), base: fc.integer({ min: 0, max: 3 }), perApplication: fc.integer({ min: 1, max: 5 }) })
  .chain(({ reviewers, applications, base, perApplication }) =>
    fc.record({
      pool: fc.tuple(...Array.from({ length: reviewers }, (_, i) => fc.record({ id: fc.constant(i + 1), regionCode: fc.option(fc.constantFrom(...REGIONS), { nil: null }), organisationIds: fc.constant([100 + i]), load: fc.integer({ min: base, max: base + 1 }) }))),
      applications: fc.tuple(...Array.from({ length: applications }, (_, i) => fc.record({ id: fc.constant(i + 1), regionCodes: fc.uniqueArray(fc.constantFrom(...REGIONS), { minLength: 1, maxLength: 4 }), partnerOrganisationIds: fc.constant([1, 2, 3]), assigned: fc.constant([]) }))),
      perApplication: fc.constant(perApplication),
    }),
  );

describe('reviewer assignment: properties', () => {
  it('never assigns a member of a partner organisation, nor anyone twice to one application', () => {
    fc.assert(
      fc.property(callArb, ({ pool, applications, perApplication }) => {
        const plan = planAssignments(applications, pool, perApplication);
        const byId = new Map(pool.map((r) => [r.id, r]));
        for (const app of applications) {
          const added = plan.assignments.filter((a) => a.applicationId === app.id).map((a) => a.reviewerId);
          for (const id of added) assert.ok(!isBarred(byId.get(id)!.organisationIds, app.partnerOrganisationIds), `barred reviewer ${id} on ${app.id}`);
          const everyone = [...app.assigned.map((a) => a.reviewerId), ...added];
          assert.equal(new Set(everyone).size, everyone.length, `a reviewer twice on ${app.id}`);
        }
      }),
    );
  });

  it('never fills more than the number wanted, and fills it whenever a candidate is left', () => {
    fc.assert(
      fc.property(callArb, ({ pool, applications, perApplication }) => {
        const plan = planAssignments(applications, pool, perApplication);
        for (const app of applications) {
          const active = app.assigned.filter((a) => a.active).length;
          const added = plan.assignments.filter((a) => a.applicationId === app.id).length;
          const candidates = pool.filter((r) => !app.assigned.some((a) => a.reviewerId === r.id) && !isBarred(r.organisationIds, app.partnerOrganisationIds)).length;
          assert.equal(added, Math.min(Math.max(perApplication - active, 0), candidates));
          const gap = plan.unfilled.find((u) => u.applicationId === app.id)?.missing ?? 0;
          assert.equal(gap, Math.max(perApplication - active - added, 0));
        }
      }),
    );
  });

  it('keeps the loads within one of each other when every reviewer may review every application', () => {
    fc.assert(
      fc.property(openCallArb, ({ pool, applications, perApplication }) => {
        const plan = planAssignments(applications, pool, perApplication);
        const loads = plan.loads.map((l) => l.load);
        assert.ok(Math.max(...loads) - Math.min(...loads) <= 1, `loads ${loads.join(',')}`);
      }),
    );
  });

  it('gives the same result for the same input, whatever the order of the arrays', () => {
    fc.assert(
      fc.property(callArb, fc.integer(), ({ pool, applications, perApplication }, seed) => {
        const shuffle = <T,>(items: readonly T[]) => [...items].sort((a, b) => (hash(a, seed) - hash(b, seed)));
        const first = planAssignments(applications, pool, perApplication);
        assert.deepEqual(planAssignments(applications, pool, perApplication), first);
        assert.deepEqual(planAssignments(shuffle(applications), shuffle(pool), perApplication), first);
      }),
    );
  });

  it('always takes the lowest load, and at equal load a reviewer from a region the application does not involve', () => {
    fc.assert(
      fc.property(callArb, ({ pool, applications, perApplication }) => {
        const plan = planAssignments(applications, pool, perApplication);
        // Replays the run: at each assignment, no candidate left had a lower load, nor the same load
        // while coming from a region the application does not involve when the chosen one does.
        const load = new Map(pool.map((r) => [r.id, r.load]));
        const onIt = new Map(applications.map((a) => [a.id, new Set(a.assigned.map((x) => x.reviewerId))]));
        for (const { applicationId, reviewerId } of plan.assignments) {
          const app = applications.find((a) => a.id === applicationId)!;
          const chosen = pool.find((r) => r.id === reviewerId)!;
          const candidates = pool.filter((r) => !onIt.get(applicationId)!.has(r.id) && !isBarred(r.organisationIds, app.partnerOrganisationIds));
          for (const c of candidates) {
            assert.ok(load.get(c.id)! >= load.get(chosen.id)!, `reviewer ${c.id} had a lower load than ${chosen.id}`);
            if (load.get(c.id) === load.get(chosen.id) && isInvolved(chosen, app)) assert.ok(isInvolved(c, app), `reviewer ${c.id} is not involved in ${applicationId}, ${chosen.id} is`);
          }
          load.set(reviewerId, load.get(reviewerId)! + 1);
          onIt.get(applicationId)!.add(reviewerId);
        }
      }),
    );
  });
});

/** A stable pseudo-random key of a value for shuffling. */
function hash(value: unknown, seed: number): number {
  let h = seed | 0;
  for (const ch of JSON.stringify(value)) h = Math.imul(h ^ ch.charCodeAt(0), 16_777_619);
  return h;
}
