import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { LegacyHighsSolution } from 'highs';
import { allocationSolver } from '../features/decisions/highs-solver.js';
import type { AllocationApplication, AllocationInput } from './allocation.js';
import { allocationModel, optimiseAllocation, type AllocationSolver } from './allocation-optimum.js';

const eur = (euros: number) => euros * 100;

const fundable = (applicationId: number, requestedByRegion: Record<string, number>, score: number, fixedGrantCents: number | null = null): AllocationApplication<string> => ({
  applicationId,
  standing: 'fundable',
  reasons: [],
  requestedByRegion,
  fixedGrantCents,
  score,
});

/**
 * The top project takes most of the money; the standard rule funds it and leaves the other two on
 * the reserve list, though the two together score more and use the whole budget.
 */
const crowdedOut: AllocationInput<string> = {
  budgets: { '17': eur(300_000), '18': eur(100_000) },
  applications: [
    fundable(1, { '17': eur(200_000) }, 30),
    fundable(2, { '17': eur(150_000), '18': eur(50_000) }, 25),
    fundable(3, { '17': eur(150_000) }, 24),
    { ...fundable(4, { '17': eur(10_000) }, 0), standing: 'not-fundable', reasons: ['below-minimum'] },
    { ...fundable(5, { '17': eur(10_000) }, 0), standing: 'ineligible', reasons: ['formally-ineligible'] },
  ],
};

/** A stand-in for HiGHS that answers with the given status and binaries, to reach the fallbacks. */
function answering(status: string, values: number[] | null): AllocationSolver {
  return {
    solve: () =>
      ({
        Status: status,
        ObjectiveValue: 0,
        Columns: values === null ? {} : Object.fromEntries(values.map((v, j) => [`x${j + 1}`, { Index: j, Lower: 0, Upper: 1, Type: 'Integer', Primal: v, Name: `x${j + 1}` }])),
        Rows: [],
      }) as unknown as LegacyHighsSolution,
  };
}

const kinds = (result: ReturnType<typeof optimiseAllocation>) => result.outcomes.map((o) => [o.applicationId, o.kind]);

describe('the what-if optimum', () => {
  let highs: AllocationSolver;
  before(async () => {
    highs = await allocationSolver();
  });

  it('funds the set with the greatest total score, and says what changes against the standard outcome', () => {
    const result = optimiseAllocation(highs, crowdedOut, 'score');
    assert.equal(result.status, 'optimal');
    assert.equal(result.chosen, 'solver');
    assert.equal(result.solverStatus, 'Optimal');
    assert.deepEqual(kinds(result), [
      [1, 'not-selected'],
      [2, 'selected'],
      [3, 'selected'],
      [4, 'not-selected'],
      [5, 'not-selected'],
    ]);
    assert.deepEqual(result.totals, {
      selectedCount: 2,
      grantedCents: eur(350_000),
      score: 49,
      grantedByRegion: { '17': eur(300_000), '18': eur(50_000) },
      remainingByRegion: { '17': 0, '18': eur(50_000) },
    });
    assert.deepEqual(result.comparison, { added: [2, 3], dropped: [1], scoreDifference: 19, amountDifferenceCents: eur(150_000) });
  });

  it('funds the set that grants the most money when the objective is the amount', () => {
    const input: AllocationInput<string> = {
      budgets: { '17': eur(300_000) },
      applications: [fundable(1, { '17': eur(120_000) }, 30), fundable(2, { '17': eur(100_000) }, 29), fundable(3, { '17': eur(90_000) }, 28), fundable(4, { '17': eur(180_000) }, 27)],
    };
    const result = optimiseAllocation(highs, input, 'amount');
    // Standard: 120,000 + 100,000 + … 80,000 left, the 90,000 and the 180,000 do not fit: 220,000 €.
    // The optimum spends all 300,000 € (120,000 + 180,000).
    assert.equal(result.totals.grantedCents, eur(300_000));
    assert.equal(result.comparison.amountDifferenceCents, eur(80_000));
    assert.deepEqual(result.totals.remainingByRegion, { '17': 0 });
  });

  it('charges a fixed grant by the same largest-remainder split as the standard rule', () => {
    const input: AllocationInput<string> = {
      budgets: { '17': eur(50_000), '18': eur(50_000), '19': eur(50_000) },
      applications: [fundable(1, { '17': eur(112_000), '18': eur(112_000), '19': eur(112_000) }, 30, eur(100_000))],
    };
    const result = optimiseAllocation(highs, input, 'score');
    assert.deepEqual(result.outcomes[0], { kind: 'selected', applicationId: 1, sharesByRegion: { '17': 3_333_334, '18': 3_333_333, '19': 3_333_333 }, grantedCents: eur(100_000) });
  });

  it('answers without the solver when nothing is fundable', () => {
    const input: AllocationInput<string> = { budgets: { '17': eur(10_000) }, applications: crowdedOut.applications.slice(3) };
    const result = optimiseAllocation(answering('Unknown', null), input, 'score');
    assert.equal(result.status, 'optimal');
    assert.equal(result.solverStatus, 'not run');
    assert.deepEqual(result.outcomes, [
      { kind: 'not-selected', applicationId: 4, standing: 'not-fundable' },
      { kind: 'not-selected', applicationId: 5, standing: 'ineligible' },
    ]);
  });

  it('writes a model of one binary per fundable project and one budget row per council, with generated names', () => {
    const { lp, variables, councils } = allocationModel(crowdedOut, 'score');
    assert.deepEqual(variables, ['x1', 'x2', 'x3']);
    assert.deepEqual(councils, ['17', '18']);
    assert.equal(
      lp,
      [
        '\\ What-if allocation: 3 fundable projects, 2 councils, objective score',
        'Maximize',
        ' obj: + 30 x1 + 25 x2 + 24 x3',
        'Subject To',
        ' council1: + 20000000 x1 + 15000000 x2 + 15000000 x3',
        '   <= 30000000',
        ' council2: + 5000000 x2',
        '   <= 10000000',
        'Binary',
        ' x1 x2 x3',
        'End',
        '',
      ].join('\n'),
    );
  });
});

describe('the what-if optimum is never worse than the standard outcome', () => {
  it('keeps the standard set when the solver stops on its time limit with a worse one', () => {
    const result = optimiseAllocation(answering('Time limit reached', [0, 0, 1]), crowdedOut, 'score');
    assert.equal(result.status, 'limit-reached');
    assert.equal(result.chosen, 'standard');
    assert.equal(result.solverValue, 24);
    assert.deepEqual(kinds(result).slice(0, 3), [
      [1, 'selected'],
      [2, 'not-selected'],
      [3, 'not-selected'],
    ]);
    assert.deepEqual(result.comparison, { added: [], dropped: [], scoreDifference: 0, amountDifferenceCents: 0 });
  });

  it('takes a better set found before the time limit, saying it is not proven best', () => {
    const result = optimiseAllocation(answering('Time limit reached', [0, 1, 1]), crowdedOut, 'score');
    assert.equal(result.status, 'limit-reached');
    assert.equal(result.chosen, 'solver');
    assert.equal(result.totals.score, 49);
  });

  it('keeps the standard set when the time limit came before any set was found', () => {
    const result = optimiseAllocation(answering('Time limit reached', null), crowdedOut, 'amount');
    assert.equal(result.status, 'limit-reached');
    assert.equal(result.chosen, 'standard');
    assert.equal(result.totals.grantedCents, eur(200_000));
  });

  it('rejects a solver answer that would overspend a budget by even a cent, and keeps the standard set', () => {
    const input: AllocationInput<string> = { budgets: { '17': eur(100_000) }, applications: [fundable(1, { '17': eur(50_000) }, 30), fundable(2, { '17': eur(50_000) + 1 }, 29)] };
    const result = optimiseAllocation(answering('Optimal', [1, 1]), input, 'score');
    assert.equal(result.status, 'solver-failed');
    assert.equal(result.chosen, 'standard');
    assert.equal(result.solverStatus, 'Optimal');
    assert.equal(result.solverValue, null);
    assert.deepEqual(kinds(result), [
      [1, 'selected'],
      [2, 'not-selected'],
    ]);
    assert.deepEqual(result.totals.remainingByRegion, { '17': eur(50_000) });
  });

  it('reads a binary that is off by the solver’s tolerance as the nearest whole value', () => {
    const result = optimiseAllocation(answering('Optimal', [1e-10, 0.9999999999, 1.0000000001]), crowdedOut, 'score');
    assert.equal(result.status, 'optimal');
    assert.deepEqual(result.comparison.added, [2, 3]);
  });

  it('keeps the standard set when the solver fails', () => {
    const throwing: AllocationSolver = {
      solve: () => {
        throw new Error('Aborted(OOM)');
      },
    };
    const failed = optimiseAllocation(throwing, crowdedOut, 'score');
    assert.equal(failed.status, 'solver-failed');
    assert.equal(failed.solverStatus, 'error: Aborted(OOM)');
    assert.equal(failed.chosen, 'standard');
    assert.equal(optimiseAllocation(answering('Solve error', null), crowdedOut, 'score').status, 'solver-failed');
  });
});
