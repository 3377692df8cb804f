import fc from 'fast-check';
import type { AllocationApplication, AllocationInput, AllocationStanding } from '../../src/domain/allocation.js';

/**
 * Random calls for the property tests of the allocation rules: one to seven councils with budgets
 * from nothing to a few projects' worth, applications with one to four partner regions (now and then
 * one outside the call, usually without a grant there), fixed grants below, at or above the request,
 * and scores that are thirds, as means of three reviewers are. Amounts are small enough that budgets
 * bind often, and sometimes billions of cents to exercise exact arithmetic.
 */

export const COUNCILS = ['10', '11', '12', '16', '17', '18', '19'] as const;
const OUTSIDE = '13';

const amount = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2_000_000 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 150_000_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5_000_000_000 }) },
);

const request = fc
  .uniqueArray(fc.constantFrom<string>(...COUNCILS, OUTSIDE), { minLength: 1, maxLength: 4 })
  .chain((regions) =>
    fc.tuple(...regions.map((r) => (r === OUTSIDE ? fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: amount }) : amount)).map((a, i) => a.map((v) => [regions[i]!, v] as const))),
  )
  .map((pairs) => Object.fromEntries(pairs) as Record<string, number>);

function application(applicationId: number, standing: AllocationStanding): fc.Arbitrary<AllocationApplication<string>> {
  return request.chain((requestedByRegion) => {
    const total = Object.values(requestedByRegion).reduce((s, v) => s + v, 0);
    return fc.record({
      applicationId: fc.constant(applicationId),
      standing: fc.constant(standing),
      reasons: fc.constant(standing === 'fundable' ? [] : [standing === 'ineligible' ? 'formally-ineligible' : 'below-minimum']),
      requestedByRegion: fc.constant(requestedByRegion),
      fixedGrantCents: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 2, arbitrary: fc.integer({ min: 0, max: Math.max(0, total) }) },
        { weight: 1, arbitrary: fc.integer({ min: total, max: total + 1_000_000 }) },
      ),
      score: fc.integer({ min: 0, max: 150 }).map((thirds) => thirds / 3),
    });
  });
}

const standing = fc.oneof(
  { weight: 8, arbitrary: fc.constant<AllocationStanding>('fundable') },
  { weight: 1, arbitrary: fc.constant<AllocationStanding>('not-fundable') },
  { weight: 1, arbitrary: fc.constant<AllocationStanding>('ineligible') },
);

/** A call's allocation input: the fundable first (in ranking order), then the rest, as assessCall gives it. */
export function allocationInput(maxApplications = 30): fc.Arbitrary<AllocationInput<string>> {
  return fc
    .record({
      councils: fc.uniqueArray(fc.constantFrom(...COUNCILS), { minLength: 1, maxLength: COUNCILS.length }),
      standings: fc.array(standing, { maxLength: maxApplications }),
    })
    .chain(({ councils, standings }) =>
      fc.record({
        budgets: fc.tuple(...councils.map(() => amount)).map((values) => Object.fromEntries(councils.map((c, i) => [c, values[i]!]))),
        applications: fc.tuple(...standings.map((s, i) => application(i + 1, s))).map((apps) => [
          ...apps.filter((a) => a.standing === 'fundable'),
          ...apps.filter((a) => a.standing !== 'fundable'),
        ]),
      }),
    );
}

