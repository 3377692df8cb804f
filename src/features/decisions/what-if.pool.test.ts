import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { optimiseAllocation } from '../../domain/allocation-optimum.js';
import type { AllocationInput } from '../../domain/allocation.js';
import { allocationSolver } from './highs-solver.js';
import { solveWhatIf, stopWhatIfWorker } from './what-if.pool.js';

const input: AllocationInput<string> = {
  budgets: { '17': 100, '18': 100 },
  applications: [
    { applicationId: 1, standing: 'fundable', reasons: [], requestedByRegion: { '17': 80, '18': 10 }, fixedGrantCents: null, score: 30 },
    { applicationId: 2, standing: 'fundable', reasons: [], requestedByRegion: { '17': 50 }, fixedGrantCents: null, score: 20 },
    { applicationId: 3, standing: 'fundable', reasons: ['x'], requestedByRegion: { '17': 50, '18': 90 }, fixedGrantCents: null, score: 20 },
  ],
};

describe('the what-if worker thread', () => {
  after(() => stopWhatIfWorker());

  it('gives the same answer as solving in the main thread, for both objectives at once', async () => {
    const inThread = optimiseAllocation(await allocationSolver(), input, 'score', { timeLimitSeconds: 5 });
    const [score, amount] = await Promise.all([solveWhatIf(input, 'score', { timeLimitSeconds: 5 }), solveWhatIf(input, 'amount', { timeLimitSeconds: 5 })]);
    assert.deepEqual(score, inThread);
    assert.equal(score.status, 'optimal');
    assert.deepEqual(score.outcomes.filter((o) => o.kind === 'selected').map((o) => o.applicationId), [2, 3]);
    assert.equal(amount.objective, 'amount');
  });

  it('starts a new worker after the old one stopped', async () => {
    await stopWhatIfWorker();
    const again = await solveWhatIf(input, 'score', { timeLimitSeconds: 5 });
    assert.equal(again.status, 'optimal');
  });
});
