import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allocationInput } from '../../test/helpers/allocation-arbitraries.js';
import { allocateStandard, requestedTotal, sharesOf, type AllocationInput, type AllocationResult } from './allocation.js';

/**
 * Property-based tests of the standard allocation: whatever councils, budgets, requests and fixed
 * grants a call has, no budget is overspent, the money adds up to the cent, and a project is passed
 * over only when a council it needs could not pay at its turn.
 */

const runs = { numRuns: 300 };
const sum = (values: Iterable<number>) => [...values].reduce((s, v) => s + v, 0);

/** The funded projects' shares charged to each council. */
function chargedByRegion(result: AllocationResult<string>): Map<string, number> {
  const charged = new Map<string, number>();
  for (const o of result.outcomes) {
    if (o.kind !== 'funded') continue;
    for (const [r, share] of Object.entries(o.sharesByRegion)) charged.set(r, (charged.get(r) ?? 0) + share);
  }
  return charged;
}

describe('standard allocation properties', () => {
  it('never spends more than any council’s budget, and charges no council outside the call', () => {
    fc.assert(
      fc.property(allocationInput(), (input) => {
        const result = allocateStandard(input);
        for (const [region, charged] of chargedByRegion(result)) {
          assert.ok(charged <= (input.budgets[region] ?? 0), `council ${region} charged ${charged} of ${input.budgets[region] ?? 0}`);
        }
      }),
      runs,
    );
  });

  it('keeps remaining + granted equal to the budget of every council, and reports no other council', () => {
    fc.assert(
      fc.property(allocationInput(), (input) => {
        const result = allocateStandard(input);
        const charged = chargedByRegion(result);
        assert.deepEqual(Object.keys(result.remainingByRegion).sort(), Object.keys(input.budgets).sort());
        assert.deepEqual(Object.keys(result.grantedByRegion).sort(), Object.keys(input.budgets).sort());
        for (const [region, budget] of Object.entries(input.budgets)) {
          assert.equal(result.remainingByRegion[region]! + result.grantedByRegion[region]!, budget);
          assert.equal(result.grantedByRegion[region], charged.get(region) ?? 0);
          assert.ok(result.remainingByRegion[region]! >= 0);
        }
        assert.equal(result.grantedCents, sum(Object.values(result.grantedByRegion)));
      }),
      runs,
    );
  });

  it('adds each project’s council shares up to its grant exactly: the request, or the fixed grant when lower', () => {
    fc.assert(
      fc.property(allocationInput(), (input) => {
        const result = allocateStandard(input);
        input.applications.forEach((app, i) => {
          const outcome = result.outcomes[i]!;
          assert.equal(outcome.applicationId, app.applicationId);
          assert.equal(outcome.requestedCents, requestedTotal(app.requestedByRegion));
          if (outcome.kind !== 'funded' && outcome.kind !== 'reserve') return;
          const grant = app.fixedGrantCents === null ? outcome.requestedCents : Math.min(Math.max(0, app.fixedGrantCents), outcome.requestedCents);
          assert.equal(sum(Object.values(outcome.sharesByRegion)), grant);
          if (outcome.kind === 'funded') assert.equal(outcome.grantedCents, grant);
        });
      }),
      runs,
    );
  });

  it('splits a fixed grant so that every share is within one cent of its exact proportion', () => {
    const fixed = fc
      .dictionary(fc.constantFrom('10', '11', '12', '16', '17', '18', '19'), fc.integer({ min: 0, max: 5_000_000_000 }), { minKeys: 1, maxKeys: 7 })
      .chain((requested) => fc.tuple(fc.constant(requested), fc.integer({ min: 0, max: Math.max(0, requestedTotal(requested)) })));
    fc.assert(
      fc.property(fixed, ([requested, grant]) => {
        const total = BigInt(requestedTotal(requested));
        const shares = sharesOf(requested, grant);
        assert.equal(sum(Object.values(shares)), grant);
        for (const [region, share] of Object.entries(shares)) {
          if (total === 0n) continue;
          // |share − grant × requested_r / total| < 1, multiplied through by total to stay in integers.
          const deviation = BigInt(share) * total - BigInt(grant) * BigInt(requested[region]!);
          assert.ok((deviation < 0n ? -deviation : deviation) < total, `share of ${region} is ${share}`);
          assert.ok(share >= 0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('funds in ranking order, passing a project over only when a council it needs is short at its turn', () => {
    fc.assert(
      fc.property(allocationInput(), (input) => {
        const result = allocateStandard(input);
        // Replay the walk: each funded project fit the money left at its turn; each one on the reserve
        // list lacked money in exactly the councils it names, by exactly the amounts it names.
        const left: Record<string, number> = { ...input.budgets };
        let rank = 0;
        let reservePosition = 0;
        input.applications.forEach((app, i) => {
          const outcome = result.outcomes[i]!;
          if (app.standing !== 'fundable') {
            assert.equal(outcome.kind, app.standing);
            return;
          }
          rank += 1;
          assert.ok(outcome.kind === 'funded' || outcome.kind === 'reserve');
          assert.equal(outcome.rank, rank);
          const shares = sharesOf(app.requestedByRegion, app.fixedGrantCents);
          assert.deepEqual(outcome.sharesByRegion, shares);
          const short = Object.entries(shares)
            .filter(([r, need]) => need > (left[r] ?? 0))
            .map(([regionCode, neededCents]) => ({ regionCode, neededCents, remainingCents: left[regionCode] ?? 0, shortCents: neededCents - (left[regionCode] ?? 0) }));
          if (outcome.kind === 'reserve') {
            reservePosition += 1;
            assert.equal(outcome.reservePosition, reservePosition);
            assert.ok(short.length > 0, `application ${app.applicationId} was passed over though every council could pay`);
            assert.deepEqual(outcome.shortfalls, short);
          } else {
            assert.deepEqual(short, [], `application ${app.applicationId} was funded beyond a budget`);
            for (const [r, share] of Object.entries(shares)) if (share > 0) left[r] = left[r]! - share;
          }
        });
        assert.deepEqual(result.remainingByRegion, left);
      }),
      runs,
    );
  });

  it('carries the not fundable and the ineligible through with their reasons, untouched', () => {
    fc.assert(
      fc.property(allocationInput(), (input) => {
        const result = allocateStandard(input);
        input.applications.forEach((app, i) => {
          const outcome = result.outcomes[i]!;
          if (app.standing === 'fundable') return;
          assert.deepEqual(outcome, { kind: app.standing, applicationId: app.applicationId, requestedCents: requestedTotal(app.requestedByRegion), reasons: app.reasons });
        });
      }),
      runs,
    );
  });

  it('gives the same result for the same input, and does not change the input', () => {
    fc.assert(
      fc.property(allocationInput(), (input: AllocationInput<string>) => {
        const before = JSON.stringify(input);
        const first = allocateStandard(input);
        assert.equal(JSON.stringify(input), before);
        assert.deepEqual(allocateStandard(structuredClone(input)), first);
      }),
      runs,
    );
  });
});
