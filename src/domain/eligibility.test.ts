import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applicationSections, checkEligibility, flatRateCents, type ApplicationDraft, type CallRules, type PartnerDraft } from './eligibility.js';

/** The 2024 joint call's shape: seven councils, three regions at least, flat rate 40 %, 80 % aid. */
const call: CallRules = {
  participatingRegions: ['10', '11', '12', '16', '17', '18', '19'],
  priorityIds: [1],
  minRegions: 3,
  eligibleOrgTypes: ['university', 'university-of-applied-sciences', 'research-institute'],
  minGrantCents: 5_000_000,
  maxGrantCents: 60_000_000,
  maxAidRateBp: 8000,
  maxDurationMonths: 36,
  leadRegionMustParticipate: true,
  costModel: { kind: 'flat_rate', flatRateBp: 4000 },
  questions: [
    { id: 7, kind: 'text', required: true, maxLength: 10, optionCount: 0 },
    { id: 8, kind: 'choice', required: false, maxLength: null, optionCount: 2 },
    { id: 9, kind: 'number', required: false, maxLength: null, optionCount: 0 },
  ],
};

function partner(key: string, regionCode: string, over: Partial<PartnerDraft> = {}): PartnerDraft {
  // Staff EUR 100,000 + 40 % = EUR 140,000; 80 % requested, the rest own funding.
  return {
    key,
    isLead: key === 'a',
    name: `Partner ${key}`,
    orgType: 'university',
    regionCode,
    unit: 'Unit',
    roleDescription: 'Role',
    contactName: 'Contact',
    contactEmail: 'contact@example.test',
    costs: { staff: 10_000_000 },
    requestedCents: 11_200_000,
    ownFundingCents: 2_800_000,
    otherPublicCents: 0,
    ...over,
  };
}

function application(over: Partial<ApplicationDraft> = {}): ApplicationDraft {
  return {
    title: 'Title',
    summary: 'Summary',
    priorityId: 1,
    startDate: '2027-01-01',
    endDate: '2029-12-31',
    sections: Object.fromEntries(applicationSections.map((s) => [s, 'Text'])),
    indicators: [{ name: 'Enterprises supported', unit: 'pcs', targetValue: 10 }],
    partners: [partner('a', '17'), partner('b', '18'), partner('c', '19')],
    answers: { 7: 'Yes' },
    ...over,
  };
}

const codes = (a: ApplicationDraft, rules: CallRules = call) => checkEligibility(rules, a).problems.map((p) => `${p.code}@${p.field}`);

describe('eligibility', () => {
  it('passes a complete group project with partners in three regions', () => {
    const result = checkEligibility(call, application());
    assert.deepEqual(result.problems, []);
    assert.equal(result.eligible, true);
    assert.equal(result.figures.totalCostsCents, 42_000_000);
    assert.equal(result.figures.requestedCents, 33_600_000);
    assert.equal(result.figures.aidRateBp, 8000);
    assert.deepEqual(result.figures.regions, ['17', '18', '19']);
    assert.equal(result.figures.durationMonths, 36);
    assert.deepEqual(result.figures.requestedByRegion, { '17': 11_200_000, '18': 11_200_000, '19': 11_200_000 });
  });

  it('counts distinct regions: two partners in one region do not make two regions', () => {
    assert.deepEqual(codes(application({ partners: [partner('a', '17'), partner('b', '18'), partner('c', '18')] })), ['too-few-regions@partners']);
  });

  it('names every missing field of an empty draft', () => {
    const empty = application({
      title: ' ',
      summary: '',
      priorityId: null,
      startDate: null,
      endDate: null,
      sections: {},
      indicators: [],
      answers: {},
    });
    assert.deepEqual(codes(empty), [
      'missing@title',
      'missing@summary',
      'missing@priority',
      ...applicationSections.map((s) => `missing@section.${s}`),
      'missing@indicators',
      'missing@start_date',
      'missing@end_date',
      'missing@question.7',
    ]);
  });

  it('refuses a priority the call does not target, an end before the start and a project longer than allowed', () => {
    assert.deepEqual(codes(application({ priorityId: 2 })), ['priority-not-in-call@priority']);
    assert.deepEqual(codes(application({ endDate: '2026-12-31' })), ['end-before-start@end_date']);
    assert.deepEqual(codes(application({ endDate: '2030-01-01' })), ['too-long@end_date']);
    assert.deepEqual(codes(application({ startDate: '2027-02-30' })), ['invalid-date@start_date']);
  });

  it('checks the lead partner: there must be one, in a region whose council takes part when the call says so', () => {
    const noLead = application({ partners: [partner('x', '17'), partner('b', '18'), partner('c', '19')] });
    assert.deepEqual(codes(noLead), ['no-lead@partners']);
    const rules = { ...call, participatingRegions: ['18', '19', '17'].filter((r) => r !== '17') };
    const leadOutside = application({ partners: [partner('a', '17', { requestedCents: 0, ownFundingCents: 14_000_000 }), partner('b', '18'), partner('c', '19')] });
    assert.deepEqual(codes(leadOutside, rules), ['lead-region-not-participating@partners']);
    assert.deepEqual(codes(leadOutside, { ...rules, leadRegionMustParticipate: false }), []);
  });

  it("refuses a grant to a partner whose region's council does not take part, since no council could pay it", () => {
    const rules = { ...call, participatingRegions: ['17', '18'], leadRegionMustParticipate: false };
    assert.deepEqual(codes(application(), rules), ['grant-from-non-participating-region@partner.c.requested']);
  });

  it('refuses organisation types the call does not take', () => {
    const a = application({ partners: [partner('a', '17'), partner('b', '18', { orgType: 'company' }), partner('c', '19')] });
    assert.deepEqual(codes(a), ['org-type-not-eligible@partner.b']);
  });

  it('asks each partner to finance exactly its costs', () => {
    const a = application({ partners: [partner('a', '17'), partner('b', '18', { ownFundingCents: 2_799_999 }), partner('c', '19')] });
    const result = checkEligibility(call, a);
    assert.deepEqual(result.problems.map((p) => p.code), ['financing-mismatch']);
    assert.deepEqual(result.problems[0]?.params, { partner: 'Partner b', costs: 14_000_000, financing: 13_999_999 });
  });

  it('keeps the aid rate at or under the cap, exactly', () => {
    // The cap applies to the project as a whole: one partner a cent above 80 % is balanced by another a cent below.
    const balanced = application({
      partners: [
        partner('a', '17', { requestedCents: 11_200_001, ownFundingCents: 2_799_999 }),
        partner('b', '18', { requestedCents: 11_199_999, ownFundingCents: 2_800_001 }),
        partner('c', '19'),
      ],
    });
    assert.deepEqual(codes(balanced), []);
    assert.equal(checkEligibility(call, balanced).figures.aidRateBp, 8000);
    // 80 % of EUR 420,000 is EUR 336,000: one cent more in all is over the cap.
    const oneCentOver = application({ partners: [partner('a', '17', { requestedCents: 11_200_001, ownFundingCents: 2_799_999 }), partner('b', '18'), partner('c', '19')] });
    assert.deepEqual(codes(oneCentOver), ['aid-rate-too-high@financing']);
    assert.equal(checkEligibility(call, oneCentOver).figures.aidRateBp, 8001);
    const overAll = application({
      partners: ['a', 'b', 'c'].map((k, i) => partner(k, ['17', '18', '19'][i]!, { requestedCents: 11_200_001, ownFundingCents: 2_799_999 })),
    });
    assert.deepEqual(codes(overAll), ['aid-rate-too-high@financing']);
  });

  it('keeps the requested grant between the minimum and the maximum, both included', () => {
    assert.deepEqual(codes(application(), { ...call, minGrantCents: 33_600_000, maxGrantCents: 33_600_000 }), []);
    assert.deepEqual(codes(application(), { ...call, minGrantCents: 33_600_001 }), ['grant-below-minimum@financing']);
    assert.deepEqual(codes(application(), { ...call, maxGrantCents: 33_599_999 }), ['grant-above-maximum@financing']);
  });

  it('applies the flat rate to staff costs only, rounded down to the cent', () => {
    assert.equal(flatRateCents(12_345, 4000), 4938);
    assert.equal(flatRateCents(1, 4000), 0);
    const itemised: CallRules = { ...call, costModel: { kind: 'itemised' } };
    const a = application({
      partners: [
        partner('a', '17', { costs: { staff: 10_000_000, travel: 1_000_000, equipment: 3_000_000 } }),
        partner('b', '18'),
        partner('c', '19'),
      ],
    });
    const result = checkEligibility(itemised, a);
    assert.equal(result.figures.partners[0]?.otherCostsCents, 4_000_000);
    assert.equal(result.figures.partners[1]?.otherCostsCents, 0);
  });

  it('checks answers to the extra questions by their kind', () => {
    assert.deepEqual(codes(application({ answers: { 7: 'Far too long an answer' } })), ['answer-too-long@question.7']);
    assert.deepEqual(codes(application({ answers: { 7: 'Yes', 8: '2' } })), ['answer-not-an-option@question.8']);
    assert.deepEqual(codes(application({ answers: { 7: 'Yes', 8: '1', 9: '12,5' } })), []);
    assert.deepEqual(codes(application({ answers: { 7: 'Yes', 9: 'many' } })), ['answer-not-a-number@question.9']);
  });

  it('refuses negative and absurd amounts without counting them', () => {
    const a = application({ partners: [partner('a', '17', { ownFundingCents: -1 }), partner('b', '18'), partner('c', '19')] });
    assert.deepEqual(codes(a), ['invalid-amount@partner.a.own_funding', 'financing-mismatch@partner.a.financing']);
  });
});
