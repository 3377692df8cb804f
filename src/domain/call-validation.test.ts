import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maxWeightedTotal, publishProblems, ruleProblems, type CallForPublishing, type PublishContext } from './call-validation.js';

const now = new Date('2026-11-28T10:00:00Z');
const context: PublishContext = { now, priorityIdsInForce: [1, 2, 3], requireFutureClose: true };

/** The 2024 joint call as a ready draft: seven councils at EUR 300,000, three regions, four criteria. */
function readyCall(change: Partial<CallForPublishing> = {}): CallForPublishing {
  return {
    title: { fi: 'Yhteishaku' },
    summary: { fi: 'Tiivistelmä' },
    body: { fi: 'Kuvaus' },
    budgets: ['10', '11', '12', '16', '17', '18', '19'].map((regionCode) => ({ regionCode, budgetCents: 30_000_000 })),
    priorityIds: [1],
    opensAt: new Date('2027-01-10T08:00:00Z'),
    closesAt: new Date('2027-03-31T13:15:00Z'),
    minRegions: 3,
    minGrantCents: 5_000_000,
    maxGrantCents: 60_000_000,
    maxAidRateBp: 8000,
    costModel: 'flat_rate',
    flatRateBp: 4000,
    criteria: [
      { kind: 'general', weight: 1 },
      { kind: 'content', weight: 3 },
      { kind: 'specifying', weight: 2 },
      { kind: 'horizontal', weight: 1 },
    ],
    minTotalScore: 14,
    ...change,
  };
}

const codes = (call: CallForPublishing, ctx: PublishContext = context) => publishProblems(call, ctx).map((p) => p.code);

describe('call validation before publishing', () => {
  it('finds nothing wrong in a complete call', () => {
    assert.deepEqual(publishProblems(readyCall(), context), []);
  });

  it('counts content and specifying criteria to 5, horizontal to 3 and general ones not at all, times the weight', () => {
    assert.equal(maxWeightedTotal(readyCall().criteria), 3 * 5 + 2 * 5 + 1 * 3);
    assert.equal(maxWeightedTotal([{ kind: 'general', weight: 9 }]), 0);
    assert.equal(maxWeightedTotal([]), 0);
  });

  it('requires the Finnish title, summary and body, naming each field', () => {
    const problems = publishProblems(readyCall({ title: { fi: ' ' }, summary: { fi: '' }, body: { fi: '\n' } }), context);
    assert.deepEqual(
      problems.map((p) => p.field),
      ['title_fi', 'summary_fi', 'body_fi'],
    );
    assert.ok(problems.every((p) => p.code === 'finnish-text-missing'));
  });

  it('requires at least one council with a budget above zero', () => {
    assert.deepEqual(codes(readyCall({ budgets: [], minRegions: 1 })), ['no-council-budget']);
    assert.deepEqual(codes(readyCall({ budgets: [{ regionCode: '18', budgetCents: 0 }], minRegions: 1 })), ['no-council-budget']);
    assert.deepEqual(codes(readyCall({ budgets: [{ regionCode: '18', budgetCents: 0 }, { regionCode: '19', budgetCents: 1 }], minRegions: 1 })), []);
  });

  it('requires a priority of the strategy in force', () => {
    assert.deepEqual(codes(readyCall({ priorityIds: [] })), ['no-priority-in-force']);
    assert.deepEqual(codes(readyCall({ priorityIds: [7] })), ['no-priority-in-force']);
    assert.deepEqual(codes(readyCall({ priorityIds: [7, 2] })), []);
  });

  it('requires the opening before the closing, and the closing in the future', () => {
    assert.deepEqual(codes(readyCall({ opensAt: new Date('2027-03-31T13:15:00Z') })), ['opens-not-before-closes']);
    assert.deepEqual(codes(readyCall({ opensAt: new Date('2026-10-01T08:00:00Z'), closesAt: now })), ['closes-in-past']);
    assert.deepEqual(codes(readyCall({ opensAt: new Date('2026-10-01T08:00:00Z'), closesAt: new Date(now.getTime() + 1) })), []);
    // A correction that leaves the closing time alone may be made after the call has closed.
    assert.deepEqual(
      codes(readyCall({ opensAt: new Date('2026-10-01T08:00:00Z'), closesAt: new Date('2026-11-01T08:00:00Z') }), { ...context, requireFutureClose: false }),
      [],
    );
  });

  it('requires the minimum grant not to exceed the maximum', () => {
    assert.deepEqual(codes(readyCall({ minGrantCents: 60_000_001 })), ['grant-range']);
    assert.deepEqual(codes(readyCall({ minGrantCents: 60_000_000 })), []);
  });

  it('requires 1 ≤ minimum number of regions ≤ number of councils', () => {
    assert.deepEqual(codes(readyCall({ minRegions: 0 })), ['min-regions-range']);
    assert.deepEqual(codes(readyCall({ minRegions: 8 })), ['min-regions-range']);
    assert.deepEqual(codes(readyCall({ minRegions: 7 })), []);
    const problem = publishProblems(readyCall({ minRegions: 3, budgets: [{ regionCode: '18', budgetCents: 1 }, { regionCode: '19', budgetCents: 1 }] }), context)[0];
    assert.deepEqual(problem, { code: 'min-regions-range', field: 'min_regions', councils: 2 });
  });

  it('requires an aid rate of 1–100 % and a flat rate of 0–100 %', () => {
    assert.deepEqual(codes(readyCall({ maxAidRateBp: 99 })), ['aid-rate-range']);
    assert.deepEqual(codes(readyCall({ maxAidRateBp: 10_001 })), ['aid-rate-range']);
    assert.deepEqual(codes(readyCall({ maxAidRateBp: 100 })), []);
    assert.deepEqual(codes(readyCall({ maxAidRateBp: 10_000 })), []);
    assert.deepEqual(codes(readyCall({ flatRateBp: 10_001 })), ['flat-rate-range']);
    assert.deepEqual(codes(readyCall({ flatRateBp: -1 })), ['flat-rate-range']);
    assert.deepEqual(codes(readyCall({ flatRateBp: 0 })), []);
    // The flat rate does not matter when costs are itemised.
    assert.deepEqual(codes(readyCall({ costModel: 'itemised', flatRateBp: 20_000 })), []);
  });

  it('requires a selection criterion, and a minimum total that the criteria can reach', () => {
    assert.deepEqual(codes(readyCall({ criteria: [] })), ['no-criteria']);
    assert.deepEqual(publishProblems(readyCall({ minTotalScore: 29 }), context), [{ code: 'min-score-too-high', field: 'min_total_score', maxTotal: 28 }]);
    assert.deepEqual(codes(readyCall({ minTotalScore: 28 })), []);
    assert.deepEqual(codes(readyCall({ criteria: [{ kind: 'general', weight: 1 }], minTotalScore: 1 })), ['min-score-too-high']);
  });

  it('lists every problem at once, in the order of the form', () => {
    const problems = publishProblems(
      readyCall({ title: { fi: '' }, budgets: [], priorityIds: [], closesAt: new Date('2026-01-01T00:00:00Z'), minGrantCents: 1e9, criteria: [] }),
      context,
    );
    assert.deepEqual(
      problems.map((p) => p.code),
      ['finnish-text-missing', 'no-council-budget', 'no-priority-in-force', 'opens-not-before-closes', 'closes-in-past', 'grant-range', 'min-regions-range', 'no-criteria'],
    );
  });

  it('checks the rules between fields on their own, for the form', () => {
    assert.deepEqual(ruleProblems(readyCall()), []);
    assert.deepEqual(
      ruleProblems(readyCall({ minGrantCents: 2, maxGrantCents: 1, maxAidRateBp: 0 })).map((p) => p.code),
      ['grant-range', 'aid-rate-range'],
    );
  });
});
