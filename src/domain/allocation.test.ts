import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocateStandard, sharesOf, type AllocationApplication } from './allocation.js';

/** Amounts in whole euros, written as cents. */
const eur = (euros: number) => euros * 100;

const fundable = (applicationId: number, requestedByRegion: Record<string, number>, extra: Partial<AllocationApplication<string>> = {}): AllocationApplication<string> => ({
  applicationId,
  standing: 'fundable',
  reasons: [],
  requestedByRegion,
  fixedGrantCents: null,
  score: 20,
  ...extra,
});

describe('council shares of a grant', () => {
  it('charges each council what its region’s partners requested when no grant is fixed', () => {
    assert.deepEqual(sharesOf({ '18': eur(80_000), '17': eur(120_000) }, null), { '17': eur(120_000), '18': eur(80_000) });
  });

  it('splits a fixed grant in proportion to the requests, the odd cent to the largest remainder', () => {
    // 150,000 € of a 200,000 € request: 17 asked 60 %, 18 30 %, 19 10 %.
    assert.deepEqual(sharesOf({ '17': eur(120_000), '18': eur(60_000), '19': eur(20_000) }, eur(150_000)), {
      '17': eur(90_000),
      '18': eur(45_000),
      '19': eur(15_000),
    });
    // 100,000.01 € over 1 : 2 : 3 = 1,666,666.83 / 3,333,333.67 / 5,000,000.5 cents: the two cents left
    // over go to the largest remainders, .83 (17) and .67 (18); 19 keeps its floor.
    assert.deepEqual(sharesOf({ '17': eur(100_000), '18': eur(200_000), '19': eur(300_000) }, 10_000_001), { '17': 1_666_667, '18': 3_333_334, '19': 5_000_000 });
  });

  it('gives a cent left over between equal remainders to the lower region code', () => {
    // 100,000 € over three equal requests: 33,333.33… each, one cent left over.
    assert.deepEqual(sharesOf({ '19': eur(112_000), '17': eur(112_000), '18': eur(112_000) }, eur(100_000)), {
      '17': 3_333_334,
      '18': 3_333_333,
      '19': 3_333_333,
    });
  });

  it('never grants more than the request, whatever grant is fixed', () => {
    assert.deepEqual(sharesOf({ '17': eur(50_000), '18': eur(30_000) }, eur(90_000)), { '17': eur(50_000), '18': eur(30_000) });
  });

  it('splits a fixed grant of billions of cents exactly', () => {
    const shares = sharesOf({ '10': 7_777_777_777, '11': 3_333_333_333, '12': 1 }, 9_999_999_999);
    assert.equal(Object.values(shares).reduce((s, v) => s + v, 0), 9_999_999_999);
  });
});

describe('the standard allocation', () => {
  it('puts a project that a council cannot pay on the reserve list, naming the council and how much it lacks', () => {
    const result = allocateStandard({
      budgets: { '17': eur(300_000), '18': eur(300_000) },
      applications: [fundable(1, { '17': eur(200_000), '18': eur(100_000) }), fundable(2, { '17': eur(150_000), '18': eur(50_000) })],
    });
    assert.deepEqual(result.outcomes[1], {
      kind: 'reserve',
      applicationId: 2,
      rank: 2,
      reservePosition: 1,
      sharesByRegion: { '17': eur(150_000), '18': eur(50_000) },
      requestedCents: eur(200_000),
      shortfalls: [{ regionCode: '17', neededCents: eur(150_000), remainingCents: eur(100_000), shortCents: eur(50_000) }],
    });
  });

  it('funds a lower-ranked project that fits when a higher-ranked one did not', () => {
    const result = allocateStandard({
      budgets: { '17': eur(300_000), '18': eur(300_000) },
      applications: [
        fundable(1, { '17': eur(200_000), '18': eur(100_000) }),
        fundable(2, { '17': eur(150_000), '18': eur(50_000) }),
        fundable(3, { '17': eur(80_000), '18': eur(80_000) }),
        fundable(4, { '17': eur(30_000) }),
      ],
    });
    assert.deepEqual(
      result.outcomes.map((o) => [o.applicationId, o.kind]),
      [
        [1, 'funded'],
        [2, 'reserve'],
        [3, 'funded'],
        [4, 'reserve'],
      ],
    );
    assert.deepEqual(result.remainingByRegion, { '17': eur(20_000), '18': eur(120_000) });
    assert.deepEqual(result.grantedByRegion, { '17': eur(280_000), '18': eur(180_000) });
    assert.equal(result.fundedCount, 2);
    assert.equal(result.grantedCents, eur(460_000));
    const fourth = result.outcomes[3];
    assert.ok(fourth?.kind === 'reserve');
    assert.equal(fourth.reservePosition, 2);
    assert.equal(fourth.rank, 4);
  });

  it('charges a fixed grant to the councils by its exact largest-remainder split', () => {
    const result = allocateStandard({
      budgets: { '17': eur(100_000), '18': eur(100_000), '19': eur(100_000) },
      applications: [fundable(1, { '17': eur(112_000), '18': eur(112_000), '19': eur(112_000) }, { fixedGrantCents: eur(100_000) })],
    });
    assert.deepEqual(result.outcomes[0], {
      kind: 'funded',
      applicationId: 1,
      rank: 1,
      sharesByRegion: { '17': 3_333_334, '18': 3_333_333, '19': 3_333_333 },
      grantedCents: eur(100_000),
      requestedCents: eur(336_000),
    });
    assert.deepEqual(result.remainingByRegion, { '17': 6_666_666, '18': 6_666_667, '19': 6_666_667 });
  });

  it('carries the not fundable and the ineligible through with their reasons, taking no rank and no money', () => {
    const result = allocateStandard({
      budgets: { '17': eur(300_000) },
      applications: [
        fundable(1, { '17': eur(100_000) }),
        { ...fundable(2, { '17': eur(50_000) }), standing: 'not-fundable', reasons: ['below-minimum'] },
        { ...fundable(3, { '17': eur(60_000) }), standing: 'ineligible', reasons: ['formally-ineligible'] },
        fundable(4, { '17': eur(100_000) }),
      ],
    });
    assert.deepEqual(result.outcomes.slice(1, 3), [
      { kind: 'not-fundable', applicationId: 2, requestedCents: eur(50_000), reasons: ['below-minimum'] },
      { kind: 'ineligible', applicationId: 3, requestedCents: eur(60_000), reasons: ['formally-ineligible'] },
    ]);
    const fourth = result.outcomes[3];
    assert.ok(fourth?.kind === 'funded');
    assert.equal(fourth.rank, 2);
    assert.equal(result.remainingByRegion['17'], eur(100_000));
  });

  it('adds the funded projects’ scores and nothing else', () => {
    const result = allocateStandard({
      budgets: { '17': eur(100_000) },
      applications: [fundable(1, { '17': eur(60_000) }, { score: 31.5 }), fundable(2, { '17': eur(60_000) }, { score: 30 }), fundable(3, { '17': eur(40_000) }, { score: 22 })],
    });
    assert.equal(result.fundedScore, 53.5);
  });

  it('reports remaining money for the call’s councils only, even when a partner without a grant is from another region', () => {
    // Eligibility lets a partner from a council outside the call take part with no grant (requested 0).
    const result = allocateStandard({
      budgets: { '17': eur(100_000) },
      applications: [fundable(1, { '17': eur(60_000), '13': 0 })],
    });
    assert.equal(result.outcomes[0]?.kind, 'funded');
    assert.deepEqual(result.remainingByRegion, { '17': eur(40_000) });
    assert.deepEqual(result.grantedByRegion, { '17': eur(60_000) });
  });
});
