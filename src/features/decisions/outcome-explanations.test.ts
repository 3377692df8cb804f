import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fraction } from '../../domain/fraction.js';
import type { AllocationOutcome } from '../../domain/allocation.js';
import type { Region } from '../regions/regions.repository.js';
import type { StandingReason } from './call-assessment.js';
import { explainOutcome, explanationNames, standingReasonText } from './outcome-explanations.js';

const region = (code: string, council: Region['council']['name']): Region => ({
  code,
  nuts3: `FI${code}`,
  slug: code,
  name: council,
  council: { name: council, website: 'https://example.org' },
});
const regions = [
  region('11', { fi: 'Pohjois-Savon liitto', sv: 'Norra Savolax förbund', en: 'Regional Council of Pohjois-Savo' }),
  region('18', { fi: 'Kainuun liitto', sv: 'Kajanalands förbund', en: 'Regional Council of Kainuu' }),
];
const criteria = [{ id: 7, name: { fi: 'Sopii strategiaan', sv: 'Passar strategin', en: 'Fits the strategy' } }];
const fi = explanationNames('fi', regions, criteria);
const sv = explanationNames('sv', regions, criteria);
const en = explanationNames('en', regions, criteria);

describe('outcome explanations', () => {
  it('says how many of the expected reviews are in, in each language', () => {
    const reason = { code: 'reviews-missing', submitted: 2, expected: 3 } as const;
    assert.match(standingReasonText('en', reason, en), /^2 of 3 reviews have been submitted\./);
    assert.match(standingReasonText('fi', reason, fi), /^3 arviosta on annettu 2\./);
    assert.match(standingReasonText('sv', reason, sv), /^2 av 3 bedömningar har lämnats in\./);
  });

  it('says that no reviewer is assigned rather than “0 of 0”', () => {
    assert.equal(standingReasonText('en', { code: 'reviews-missing', submitted: 0, expected: 0 }, en), 'No reviewers have been assigned to the application yet.');
  });

  it('names a failed or disputed general criterion in the reader’s language', () => {
    assert.equal(standingReasonText('en', { code: 'general-failed', criterionId: 7 }, en), 'General criterion ‘Fits the strategy’ was not passed.');
    assert.equal(standingReasonText('fi', { code: 'general-failed', criterionId: 7 }, fi), 'Yleinen kriteeri ”Sopii strategiaan” ei täyttynyt.');
    assert.equal(
      standingReasonText('sv', { code: 'general-undecided', criterionId: 7 }, sv),
      'Bedömarna är oeniga om ”Passar strategin” och någon gemensam bedömning har ännu inte registrerats.',
    );
  });

  it('writes the total score with two decimals at most and the language’s decimal mark', () => {
    const reason = { code: 'below-minimum', total: fraction(37, 3), minimum: 14 } as const;
    assert.equal(standingReasonText('en', reason, en), 'The total score 12.33 is below the call’s minimum 14.');
    assert.equal(standingReasonText('fi', reason, fi), 'Kokonaispisteet 12,33 jäävät alle haun vähimmäispistemäärän 14.');
  });

  it('quotes the officer’s reason for formal ineligibility as a full sentence', () => {
    const outcome = { kind: 'ineligible', applicationId: 1, requestedCents: 100, reasons: [{ code: 'formally-ineligible', reason: 'Lead partner is a private person' }] } as const;
    assert.deepEqual(explainOutcome('en', outcome, en), {
      headline: 'Formally ineligible.',
      details: ['The application was found formally ineligible: Lead partner is a private person.'],
    });
  });

  it('names each council and its part of a funded grant, and mentions a grant below the request', () => {
    const outcome = { kind: 'funded', applicationId: 1, rank: 1, sharesByRegion: { '18': 20_000_00, '11': 30_000_00 }, grantedCents: 50_000_00, requestedCents: 60_000_00 } as const;
    const explained = explainOutcome('fi', outcome, fi);
    assert.equal(explained.headline, 'Saa rahoitusta: avustus on 50\u00a0000,00\u00a0€, vaikka haettu summa oli 60\u00a0000,00\u00a0€.');
    assert.deepEqual(explained.details, ['Pohjois-Savon liitto rahoittaa 30\u00a0000,00\u00a0€.', 'Kainuun liitto rahoittaa 20\u00a0000,00\u00a0€.']);
  });

  it('explains a reserve by the council whose budget fell short, its share, what was left and the shortfall', () => {
    const outcome: AllocationOutcome<StandingReason> = {
      kind: 'reserve',
      applicationId: 2,
      rank: 3,
      reservePosition: 1,
      sharesByRegion: { '11': 40_000_00, '18': 10_000_00 },
      requestedCents: 50_000_00,
      shortfalls: [{ regionCode: '11', neededCents: 40_000_00, remainingCents: 25_000_00, shortCents: 15_000_00 }],
    };
    const explained = explainOutcome('sv', outcome, sv);
    assert.match(explained.headline, /^På reservlistan som nummer 1/);
    assert.ok(explained.details.includes('Norra Savolax förbund: projektets andel är 40\u00a0000,00\u00a0€, men av budgeten återstod bara 25\u00a0000,00\u00a0€, så 15\u00a0000,00\u00a0€ saknas.'));
    assert.ok(!explained.details.some((d) => d.includes('Kajanalands')), 'a council that could pay is not named as short');
  });
});
