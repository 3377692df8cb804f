import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fraction } from '../../domain/fraction.js';
import { decisionLetterFilename, renderDecisionLetter, type DecisionLetterInput } from './decision-letter.pdf.js';

const input: DecisionLetterInput = {
  locale: 'sv',
  finalAt: '2026-12-01T10:00:00.000Z',
  recipient: 'Åbo Akademi',
  call: { title: 'Gemensam utlysning 2026', reference: 'S3-2026-1' },
  application: { title: 'Vätgasekonomins ekosystem', receiptNumber: 'S3-2026-1-0007' },
  outcome: 'funded',
  explanation: { headline: 'Beviljas finansiering: stödet är 224 000,00 €.', details: ['Kajanalands förbund finansierar 112 000,00 €.'] },
  decisions: [
    { council: 'Kajanalands förbund', number: '§ 41', date: '2026-11-30', maker: 'Landskapsstyrelsen', grounds: 'Projektet stämmer väl överens med strategin.', requestedCents: 11_200_000, grantedCents: 11_200_000 },
    { council: 'Lapplands förbund', number: '§ 12', date: '2026-12-01', maker: 'Landskapsstyrelsen', grounds: 'Se ovan.', requestedCents: 11_200_000, grantedCents: 11_200_000 },
  ],
  scores: {
    total: fraction(70, 3),
    minimum: 14,
    criteria: [
      { name: 'Strategisk förenlighet', kind: 'general', weight: 1, value: null, passed: true },
      { name: 'Mervärde', kind: 'content', weight: 3, value: fraction(13, 3), passed: null },
    ],
  },
};

describe('decision letter PDF', () => {
  it('gives the same bytes for the same input, dated by the moment the outcome became final', async () => {
    const [first, second] = await Promise.all([renderDecisionLetter(input), renderDecisionLetter(input)]);
    assert.equal(first.subarray(0, 8).toString('latin1'), '%PDF-1.7');
    assert.ok(first.equals(second));
    assert.match(first.toString('latin1'), /\(D:20261201100000Z\)/);
    const later = await renderDecisionLetter({ ...input, finalAt: '2026-12-02T10:00:00.000Z' });
    assert.ok(!first.equals(later));
  });

  it('is a tagged PDF in the letter’s language whose viewers show its title', async () => {
    const pdf = (await renderDecisionLetter(input)).toString('latin1');
    assert.match(pdf, /\/Marked true/);
    assert.match(pdf, /\/Type \/StructTreeRoot/);
    assert.match(pdf, /\/Lang \(sv-FI\)/);
    assert.match(pdf, /\/DisplayDocTitle true/);
    for (const tag of ['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TH', 'TD', 'L', 'LI']) assert.match(pdf, new RegExp(`/S /${tag}\\b`), tag);
  });

  it('names the file in ASCII after the receipt number, in the letter’s language', () => {
    assert.equal(decisionLetterFilename('fi', 'S3-2026-1-0007'), 'rahoituspaatos-S3-2026-1-0007.pdf');
    assert.equal(decisionLetterFilename('sv', 'Ä/1 2'), 'finansieringsbeslut-1-2.pdf');
    assert.equal(decisionLetterFilename('en', '//'), 'funding-decision.pdf');
  });
});
