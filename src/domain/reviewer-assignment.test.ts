import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planAssignments, type ApplicationToStaff, type PoolReviewer } from './reviewer-assignment.js';

const application = (id: number, spec: Partial<Omit<ApplicationToStaff, 'id'>> = {}): ApplicationToStaff => ({
  id,
  regionCodes: spec.regionCodes ?? ['17', '18', '19'],
  partnerOrganisationIds: spec.partnerOrganisationIds ?? [900 + id],
  assigned: spec.assigned ?? [],
});
const reviewer = (id: number, spec: Partial<Omit<PoolReviewer, 'id'>> = {}): PoolReviewer => ({
  id,
  regionCode: spec.regionCode === undefined ? '10' : spec.regionCode,
  organisationIds: spec.organisationIds ?? [],
  load: spec.load ?? 0,
});
const pairs = (plan: ReturnType<typeof planAssignments>) => plan.assignments.map((a) => [a.applicationId, a.reviewerId]);

describe('reviewer assignment', () => {
  it('fills each application up to the number wanted, the least-loaded reviewer first', () => {
    const plan = planAssignments([application(1), application(2)], [reviewer(1, { load: 2 }), reviewer(2), reviewer(3, { load: 1 })], 2);
    assert.deepEqual(pairs(plan), [
      [1, 2],
      [1, 3],
      [2, 2],
      [2, 1],
    ]);
    assert.deepEqual(plan.loads, [
      { reviewerId: 1, load: 3 },
      { reviewerId: 2, load: 2 },
      { reviewerId: 3, load: 2 },
    ]);
    assert.deepEqual(plan.unfilled, []);
  });

  it('never assigns a member of a partner organisation', () => {
    const plan = planAssignments([application(1, { partnerOrganisationIds: [50, 51] })], [reviewer(1, { organisationIds: [51] }), reviewer(2)], 2);
    assert.deepEqual(pairs(plan), [[1, 2]]);
    assert.deepEqual(plan.unfilled, [{ applicationId: 1, missing: 1, reason: { code: 'too-few-reviewers', poolSize: 2, reviewing: 1, barred: 1, disqualified: 0 } }]);
  });

  it('counts reviewers already active towards the number and never takes anyone on the application again', () => {
    const plan = planAssignments(
      [application(1, { assigned: [{ reviewerId: 1, active: true }, { reviewerId: 2, active: false }] })],
      [reviewer(1), reviewer(2), reviewer(3, { load: 5 })],
      2,
    );
    assert.deepEqual(pairs(plan), [[1, 3]]);
  });

  it('adds nobody to an application that already has enough active reviewers', () => {
    const plan = planAssignments([application(1, { assigned: [{ reviewerId: 1, active: true }, { reviewerId: 2, active: true }] })], [reviewer(3)], 2);
    assert.deepEqual(plan.assignments, []);
    assert.deepEqual(plan.unfilled, []);
  });

  it('prefers a reviewer from a region the application does not involve when the loads are equal', () => {
    const plan = planAssignments([application(1, { regionCodes: ['17', '18', '19'] })], [reviewer(1, { regionCode: '17' }), reviewer(2, { regionCode: '11' })], 1);
    assert.deepEqual(pairs(plan), [[1, 2]]);
  });

  it('takes an involved reviewer of lower load before a non-involved one of higher load', () => {
    const plan = planAssignments([application(1)], [reviewer(1, { regionCode: '17', load: 0 }), reviewer(2, { regionCode: '11', load: 1 })], 1);
    assert.deepEqual(pairs(plan), [[1, 1]]);
  });

  it('counts a reviewer without a council as not involved', () => {
    const plan = planAssignments([application(1)], [reviewer(1, { regionCode: '18' }), reviewer(2, { regionCode: null })], 1);
    assert.deepEqual(pairs(plan), [[1, 2]]);
  });

  it('fills applications in ascending id whatever order they are given in', () => {
    const given = planAssignments([application(2), application(1)], [reviewer(1), reviewer(2)], 1);
    assert.deepEqual(pairs(given), [
      [1, 1],
      [2, 2],
    ]);
  });

  it('says why places stayed empty: who was reviewing, barred or disqualified', () => {
    const plan = planAssignments(
      [application(1, { partnerOrganisationIds: [7], assigned: [{ reviewerId: 3, active: false }] })],
      [reviewer(1), reviewer(2, { organisationIds: [7] }), reviewer(3)],
      3,
    );
    assert.deepEqual(plan.unfilled, [{ applicationId: 1, missing: 2, reason: { code: 'too-few-reviewers', poolSize: 3, reviewing: 1, barred: 1, disqualified: 1 } }]);
  });

  it('reports an empty pool as such', () => {
    const plan = planAssignments([application(1)], [], 2);
    assert.deepEqual(plan.unfilled, [{ applicationId: 1, missing: 2, reason: { code: 'no-reviewers' } }]);
  });

  it('refuses a number per application that is not a whole number', () => {
    assert.throws(() => planAssignments([], [], 1.5), RangeError);
    assert.throws(() => planAssignments([], [], -1), RangeError);
  });
});
