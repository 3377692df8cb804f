import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { allocationSolver } from '../features/decisions/highs-solver.js';
import { allocationInput } from '../../test/helpers/allocation-arbitraries.js';
import { allocateStandard, sharesOf, type AllocationInput } from './allocation.js';
import { optimiseAllocation, type AllocationSolver, type OptimumObjective, type OptimumResult } from './allocation-optimum.js';

/**
 * Property-based tests of the what-if optimum with the real HiGHS solver: whatever the call, the set
 * stays within every budget in integer cents, is at least as good as the standard outcome, is the
 * best set there is (checked against every subset of up to 12 projects), and is the same every time.
 */

const objectives: OptimumObjective[] = ['score', 'amount'];
// The exact optimum of thirty projects of random amounts takes HiGHS milliseconds, now and then seconds.
const runs = { numRuns: 150 };

/** The value of a set: Σ score in input order (as the optimum adds it), or Σ granted cents. */
function valueOf(input: AllocationInput, chosen: ReadonlySet<number>, objective: OptimumObjective): number {
  let value = 0;
  for (const app of input.applications) {
    if (!chosen.has(app.applicationId)) continue;
    value += objective === 'score' ? app.score : Object.values(sharesOf(app.requestedByRegion, app.fixedGrantCents)).reduce((s, v) => s + v, 0);
  }
  return value;
}

const selectedIds = (result: OptimumResult) => new Set(result.outcomes.filter((o) => o.kind === 'selected').map((o) => o.applicationId));

/** The best value of any subset of the fundable projects that every budget can pay: all 2^n of them. */
function bruteForceBest(input: AllocationInput, objective: OptimumObjective): number {
  const fundable = input.applications.filter((a) => a.standing === 'fundable').map((a) => ({ id: a.applicationId, shares: sharesOf(a.requestedByRegion, a.fixedGrantCents) }));
  let best = 0;
  for (let mask = 0; mask < 1 << fundable.length; mask++) {
    const paid: Record<string, number> = {};
    const chosen = new Set<number>();
    fundable.forEach((f, j) => {
      if (!(mask & (1 << j))) return;
      chosen.add(f.id);
      for (const [r, share] of Object.entries(f.shares)) paid[r] = (paid[r] ?? 0) + share;
    });
    if (Object.entries(paid).every(([r, p]) => p <= (input.budgets[r] ?? 0))) best = Math.max(best, valueOf(input, chosen, objective));
  }
  return best;
}

describe('what-if optimum properties', () => {
  let highs: AllocationSolver;
  before(async () => {
    highs = await allocationSolver();
  });

  for (const objective of objectives) {
    it(`never spends more than any council’s budget, counted in cents [${objective}]`, () => {
      fc.assert(
        fc.property(allocationInput(), (input) => {
          const result = optimiseAllocation(highs, input, objective);
          const paid: Record<string, number> = {};
          for (const o of result.outcomes) {
            if (o.kind !== 'selected') continue;
            assert.equal(input.applications.find((a) => a.applicationId === o.applicationId)?.standing, 'fundable');
            for (const [r, share] of Object.entries(o.sharesByRegion)) paid[r] = (paid[r] ?? 0) + share;
          }
          for (const [r, p] of Object.entries(paid)) assert.ok(p <= (input.budgets[r] ?? 0), `council ${r} pays ${p} of ${input.budgets[r] ?? 0}`);
          for (const [r, budget] of Object.entries(input.budgets)) {
            assert.equal(result.totals.remainingByRegion[r]! + result.totals.grantedByRegion[r]!, budget);
            assert.equal(result.totals.grantedByRegion[r], paid[r] ?? 0);
          }
        }),
        runs,
      );
    });

    it(`is at least as good as the standard outcome [${objective}]`, () => {
      fc.assert(
        fc.property(allocationInput(), (input) => {
          const result = optimiseAllocation(highs, input, objective);
          const standard = allocateStandard(input);
          const funded = new Set(standard.outcomes.filter((o) => o.kind === 'funded').map((o) => o.applicationId));
          assert.ok(valueOf(input, selectedIds(result), objective) >= valueOf(input, funded, objective));
          assert.ok(objective === 'score' ? result.comparison.scoreDifference >= 0 : result.comparison.amountDifferenceCents >= 0);
        }),
        runs,
      );
    });

    it(`finds the best set there is, as trying every subset of up to 12 projects shows [${objective}]`, () => {
      fc.assert(
        fc.property(allocationInput(12), (input) => {
          const result = optimiseAllocation(highs, input, objective, { timeLimitSeconds: 600 });
          assert.equal(result.status, 'optimal', `the solver said ${result.solverStatus}`);
          const found = valueOf(input, selectedIds(result), objective);
          const best = bruteForceBest(input, objective);
          if (objective === 'amount') assert.equal(found, best);
          else assert.ok(Math.abs(found - best) <= 1e-9 * Math.max(1, best), `found ${found}, best ${best}`);
        }),
        runs,
      );
    });

    it(`gives the identical result for the same input [${objective}]`, () => {
      fc.assert(
        fc.property(allocationInput(), (input) => {
          // A generous time limit: a set cut short by the clock may differ from run to run.
          const limit = { timeLimitSeconds: 600 };
          assert.deepEqual(optimiseAllocation(highs, structuredClone(input), objective, limit), optimiseAllocation(highs, input, objective, limit));
        }),
        { numRuns: 60 },
      );
    });
  }
});
