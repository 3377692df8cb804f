import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  applicationFigures,
  applicationSections,
  checkEligibility,
  costCategories,
  flatRateCents,
  type ApplicationDraft,
  type CallRules,
  type CostCategory,
  type CostModel,
  type PartnerDraft,
} from './eligibility.js';

/**
 * Property-based tests of the money rules: whatever partners, costs and financing an applicant
 * types, the figures add up and each rule fires exactly at its boundary. Amounts go up to EUR 10
 * million a field (10^9 cents), so products with rates stay exact in doubles and are checked in
 * BigInt where it matters.
 */

const REGIONS = ['10', '11', '12', '16', '17', '18', '19'] as const;
const cents = fc.integer({ min: 0, max: 1_000_000_000 });
const rateBp = fc.integer({ min: 0, max: 10_000 });

const costModel: fc.Arbitrary<CostModel> = fc.oneof(
  rateBp.map((flatRateBp): CostModel => ({ kind: 'flat_rate', flatRateBp })),
  fc.constant<CostModel>({ kind: 'itemised' }),
);

const costs = fc.record(Object.fromEntries(costCategories.map((c) => [c, cents])) as Record<CostCategory, fc.Arbitrary<number>>, {
  requiredKeys: [],
});

const partner = (key: string, isLead: boolean): fc.Arbitrary<PartnerDraft> =>
  fc.record({
    regionCode: fc.constantFrom(...REGIONS),
    costs,
    requestedCents: cents,
    ownFundingCents: cents,
    otherPublicCents: cents,
  }).map((p) => ({
    key,
    isLead,
    name: `Partner ${key}`,
    orgType: 'university',
    unit: 'Unit',
    roleDescription: 'Role',
    contactName: 'Contact',
    contactEmail: 'contact@example.test',
    ...p,
  }));

const partners: fc.Arbitrary<PartnerDraft[]> = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => partner(String(i + 1), i === 0))));

function draft(ps: readonly PartnerDraft[]): ApplicationDraft {
  return {
    title: 'Title',
    summary: 'Summary',
    priorityId: 1,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    sections: Object.fromEntries(applicationSections.map((s) => [s, 'Text'])),
    indicators: [{ name: 'Companies', unit: 'pcs', targetValue: 10 }],
    partners: ps,
    answers: {},
  };
}

const rules = fc.record({
  costModel,
  minGrantCents: fc.integer({ min: 0, max: 2_000_000_000 }),
  maxGrantCents: fc.integer({ min: 0, max: 4_000_000_000 }),
  maxAidRateBp: rateBp,
  minRegions: fc.integer({ min: 0, max: 7 }),
});

function callRules(r: { costModel: CostModel; minGrantCents: number; maxGrantCents: number; maxAidRateBp: number; minRegions: number }): CallRules {
  return {
    participatingRegions: REGIONS,
    priorityIds: [1],
    minRegions: r.minRegions,
    eligibleOrgTypes: ['university'],
    minGrantCents: r.minGrantCents,
    maxGrantCents: r.maxGrantCents,
    maxAidRateBp: r.maxAidRateBp,
    maxDurationMonths: 36,
    leadRegionMustParticipate: true,
    costModel: r.costModel,
    questions: [],
  };
}

const codes = (call: CallRules, a: ApplicationDraft) => checkEligibility(call, a).problems.map((p) => p.code);
const runs = { numRuns: 300 };

describe('eligibility money rules (property-based)', () => {
  it('total costs are the sum of the partners’ totals, and each partner’s total is staff plus other costs', () => {
    fc.assert(
      fc.property(partners, costModel, (ps, model) => {
        const f = applicationFigures(draft(ps), model);
        assert.equal(f.totalCostsCents, f.partners.reduce((s, p) => s + p.totalCostsCents, 0));
        for (const p of f.partners) assert.equal(p.totalCostsCents, p.staffCents + p.otherCostsCents);
        assert.equal(f.financingCents, f.requestedCents + f.ownFundingCents + f.otherPublicCents);
      }),
      runs,
    );
  });

  it('under the flat-rate model only staff costs count, and the other costs are the flat rate of them', () => {
    fc.assert(
      fc.property(partners, rateBp, (ps, flatRateBp) => {
        const f = applicationFigures(draft(ps), { kind: 'flat_rate', flatRateBp });
        for (const [i, p] of f.partners.entries()) {
          assert.equal(p.staffCents, ps[i]!.costs.staff ?? 0);
          assert.equal(p.otherCostsCents, flatRateCents(p.staffCents, flatRateBp));
        }
      }),
      runs,
    );
  });

  it('the flat rate never exceeds staff × rate and falls short of it by less than one cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), rateBp, (staff, rate) => {
        const flat = BigInt(flatRateCents(staff, rate));
        const exact = BigInt(staff) * BigInt(rate); // the exact flat rate, times 10 000
        assert.ok(flat * 10_000n <= exact, `flat ${flat} over ${staff} × ${rate}`);
        assert.ok(exact - flat * 10_000n < 10_000n, `flat ${flat} more than a cent under ${staff} × ${rate}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('a partner’s financing equals its costs exactly when no financing-mismatch problem names it', () => {
    // Half the partners are given financing that matches their costs exactly, so both sides are exercised.
    const balanced = fc.tuple(partners, costModel, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 })).map(([ps, model, fix]) => {
      const fixed = ps.map((p, i) => {
        if (!fix[i]) return p;
        const total = applicationFigures(draft([p]), model).totalCostsCents;
        const requested = Math.min(p.requestedCents, total);
        const other = Math.min(p.otherPublicCents, total - requested);
        return { ...p, requestedCents: requested, otherPublicCents: other, ownFundingCents: total - requested - other };
      });
      return { ps: fixed, model };
    });
    fc.assert(
      fc.property(balanced, rules, ({ ps, model }, r) => {
        const call = callRules({ ...r, costModel: model });
        const result = checkEligibility(call, draft(ps));
        for (const [i, p] of result.figures.partners.entries()) {
          const flagged = result.problems.some((x) => x.code === 'financing-mismatch' && x.field === `partner.${ps[i]!.key}.financing`);
          assert.equal(flagged, p.financingCents !== p.totalCostsCents);
        }
        const anyMismatch = result.figures.partners.some((p) => p.financingCents !== p.totalCostsCents);
        assert.equal(result.problems.some((x) => x.code === 'financing-mismatch'), anyMismatch);
      }),
      runs,
    );
  });

  it('aid-rate-too-high appears exactly when requested × 10 000 > max × total costs', () => {
    fc.assert(
      fc.property(partners, rules, (ps, r) => {
        const call = callRules(r);
        const result = checkEligibility(call, draft(ps));
        const { requestedCents, totalCostsCents } = result.figures;
        const over = totalCostsCents > 0 && BigInt(requestedCents) * 10_000n > BigInt(r.maxAidRateBp) * BigInt(totalCostsCents);
        assert.equal(result.problems.some((p) => p.code === 'aid-rate-too-high'), over);
      }),
      runs,
    );
  });

  it('the aid rate shown is rounded up: never below the true rate, less than one basis point above it', () => {
    fc.assert(
      fc.property(partners, costModel, (ps, model) => {
        const f = applicationFigures(draft(ps), model);
        if (f.totalCostsCents === 0) return assert.equal(f.aidRateBp, null);
        const rate = BigInt(f.aidRateBp!);
        const scaled = BigInt(f.requestedCents) * 10_000n;
        assert.ok(rate * BigInt(f.totalCostsCents) >= scaled);
        assert.ok((rate - 1n) * BigInt(f.totalCostsCents) < scaled);
      }),
      runs,
    );
  });

  it('the aid-rate cap is met at exactly the cap and missed one cent above it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 1, max: 10_000 }), (staff, maxBp) => {
        // Itemised: staff costs only, so the total is the staff costs; the largest grant within the cap:
        const atCap = Math.floor((staff * maxBp) / 10_000);
        const call = callRules({ costModel: { kind: 'itemised' }, minGrantCents: 0, maxGrantCents: 4_000_000_000, maxAidRateBp: maxBp, minRegions: 0 });
        const partnerWith = (requested: number): PartnerDraft => ({
          key: '1', isLead: true, name: 'P', orgType: 'university', regionCode: '18', unit: 'U', roleDescription: 'R', contactName: 'C',
          contactEmail: 'c@example.test', costs: { staff }, requestedCents: requested, ownFundingCents: staff - requested, otherPublicCents: 0,
        });
        assert.ok(!codes(call, draft([partnerWith(atCap)])).includes('aid-rate-too-high'));
        if (atCap + 1 <= staff) assert.ok(codes(call, draft([partnerWith(atCap + 1)])).includes('aid-rate-too-high'));
      }),
      runs,
    );
  });

  it('grant-below-minimum and grant-above-maximum fire exactly outside [min, max], boundaries included as allowed', () => {
    fc.assert(
      fc.property(partners, rules, (ps, r) => {
        const call = callRules(r);
        const result = checkEligibility(call, draft(ps));
        const requested = result.figures.requestedCents;
        const got = result.problems.map((p) => p.code);
        assert.equal(got.includes('grant-below-minimum'), requested < r.minGrantCents);
        assert.equal(got.includes('grant-above-maximum'), requested > r.maxGrantCents);
      }),
      runs,
    );
    // And pinned at the boundaries themselves: requested = min and = max are allowed, one cent beyond is not.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 1_000_000_000 }), (min, span) => {
        const max = min + span;
        const call = callRules({ costModel: { kind: 'itemised' }, minGrantCents: min, maxGrantCents: max, maxAidRateBp: 10_000, minRegions: 0 });
        const withGrant = (requested: number): ApplicationDraft =>
          draft([{ key: '1', isLead: true, name: 'P', orgType: 'university', regionCode: '18', unit: 'U', roleDescription: 'R', contactName: 'C',
            contactEmail: 'c@example.test', costs: { staff: requested }, requestedCents: requested, ownFundingCents: 0, otherPublicCents: 0 }]);
        assert.ok(!codes(call, withGrant(min)).includes('grant-below-minimum'));
        assert.ok(codes(call, withGrant(min - 1)).includes('grant-below-minimum'));
        assert.ok(!codes(call, withGrant(max)).includes('grant-above-maximum'));
        assert.ok(codes(call, withGrant(max + 1)).includes('grant-above-maximum'));
      }),
      runs,
    );
  });

  it('counts the distinct regions of the partners, and too-few-regions exactly below the call’s minimum', () => {
    fc.assert(
      fc.property(partners, rules, (ps, r) => {
        const result = checkEligibility(callRules(r), draft(ps));
        const distinct = new Set(ps.map((p) => p.regionCode));
        assert.deepEqual(result.figures.regions, [...distinct].sort());
        assert.equal(result.problems.some((p) => p.code === 'too-few-regions'), distinct.size < r.minRegions);
      }),
      runs,
    );
  });

  it('the grant requested from each council sums to the requested total, each the share of its region’s partners', () => {
    fc.assert(
      fc.property(partners, costModel, (ps, model) => {
        const f = applicationFigures(draft(ps), model);
        const byRegion = f.requestedByRegion;
        assert.equal(Object.values(byRegion).reduce((s, v) => s + v, 0), f.requestedCents);
        for (const region of Object.keys(byRegion)) {
          assert.equal(byRegion[region], ps.filter((p) => p.regionCode === region).reduce((s, p) => s + p.requestedCents, 0));
        }
        assert.deepEqual(Object.keys(byRegion).sort(), f.regions);
      }),
      runs,
    );
  });

  it('a complete, balanced application within every limit is eligible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 7 }), fc.integer({ min: 1, max: 100_000_000 }), rateBp, (n, staff, flatRateBp) => {
        const model: CostModel = { kind: 'flat_rate', flatRateBp };
        const total = staff + flatRateCents(staff, flatRateBp);
        const requested = Math.floor((total * 7500) / 10_000);
        const ps: PartnerDraft[] = REGIONS.slice(0, n).map((regionCode, i) => ({
          key: String(i + 1), isLead: i === 0, name: `P${i}`, orgType: 'university', regionCode, unit: 'U', roleDescription: 'R',
          contactName: 'C', contactEmail: 'c@example.test', costs: { staff }, requestedCents: requested, ownFundingCents: total - requested, otherPublicCents: 0,
        }));
        const call = callRules({ costModel: model, minGrantCents: 0, maxGrantCents: 4_000_000_000, maxAidRateBp: 7500, minRegions: 3 });
        const result = checkEligibility(call, draft(ps));
        assert.deepEqual(result.problems, []);
        assert.equal(result.eligible, true);
      }),
      runs,
    );
  });
});
