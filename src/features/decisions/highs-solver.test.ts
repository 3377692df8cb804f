import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { optimiseAllocation } from '../../domain/allocation-optimum.js';
import { allocationSolver } from './highs-solver.js';

describe('the HiGHS solver for the what-if optimum', () => {
  it('loads the WebAssembly module once and hands every caller the same solver', async () => {
    const [first, second] = await Promise.all([allocationSolver(), allocationSolver()]);
    assert.equal(first, second);
    assert.equal(await allocationSolver(), first);
  });

  it('solves an allocation with the loaded module', async () => {
    const result = optimiseAllocation(
      await allocationSolver(),
      {
        budgets: { '17': 100 },
        applications: [
          { applicationId: 1, standing: 'fundable', reasons: [], requestedByRegion: { '17': 60 }, fixedGrantCents: null, score: 10 },
          { applicationId: 2, standing: 'fundable', reasons: [], requestedByRegion: { '17': 50 }, fixedGrantCents: null, score: 6 },
          { applicationId: 3, standing: 'fundable', reasons: [], requestedByRegion: { '17': 50 }, fixedGrantCents: null, score: 6 },
        ],
      },
      'score',
    );
    assert.equal(result.status, 'optimal');
    assert.deepEqual(result.comparison, { added: [2, 3], dropped: [1], scoreDifference: 2, amountDifferenceCents: 40 });
  });
});
