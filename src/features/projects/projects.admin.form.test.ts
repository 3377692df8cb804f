import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hundredthsInput, parseHundredths, periodProblemErrors, readTargetForm, validatePeriodForm, validateReviewForm } from './projects.admin.form.js';

describe('numbers typed by officers', () => {
  it('reads Finnish grouping and decimal commas and decimal points, to hundredths', () => {
    assert.deepEqual(parseHundredths('1 234,5', 2), { ok: true, value: 123_450 });
    assert.deepEqual(parseHundredths('1234.5', 1), { ok: true, value: 123_450 });
    assert.deepEqual(parseHundredths('1\u00a0234\u202f567', 0), { ok: true, value: 123_456_700 });
    assert.deepEqual(parseHundredths(' 12 ', 0), { ok: true, value: 1200 });
    assert.deepEqual(parseHundredths('0,05', 2), { ok: true, value: 5 });
    assert.deepEqual(parseHundredths('007', 0), { ok: true, value: 700 });
    // Trailing zeros are no decimals: 3,50 is 3,5.
    assert.deepEqual(parseHundredths('3,50', 1), { ok: true, value: 350 });
    assert.deepEqual(parseHundredths('3,0', 0), { ok: true, value: 300 });
  });

  it('refuses more decimals than the indicator has, negatives, words and badly grouped digits', () => {
    assert.deepEqual(parseHundredths('1,5', 0), { ok: false, problem: 'too-many-decimals' });
    assert.deepEqual(parseHundredths('1,25', 1), { ok: false, problem: 'too-many-decimals' });
    assert.deepEqual(parseHundredths('1,255', 2), { ok: false, problem: 'too-many-decimals' });
    assert.deepEqual(parseHundredths('-3', 0), { ok: false, problem: 'negative' });
    assert.deepEqual(parseHundredths('\u22123,5', 1), { ok: false, problem: 'negative' });
    assert.deepEqual(parseHundredths('-0', 0), { ok: true, value: 0 });
    assert.deepEqual(parseHundredths('kolme', 0), { ok: false, problem: 'not-a-number' });
    assert.deepEqual(parseHundredths('12 34', 0), { ok: false, problem: 'not-a-number' });
    assert.deepEqual(parseHundredths('1,2,3', 2), { ok: false, problem: 'not-a-number' });
    assert.deepEqual(parseHundredths('1e5', 0), { ok: false, problem: 'not-a-number' });
    assert.deepEqual(parseHundredths('', 0), { ok: false, problem: 'required' });
    assert.deepEqual(parseHundredths('1234567890123', 0), { ok: false, problem: 'too-large' });
  });

  it('writes hundredths back as a person would type them', () => {
    assert.equal(hundredthsInput(123_450, 'fi'), '1234,5');
    assert.equal(hundredthsInput(123_405, 'sv'), '1234,05');
    assert.equal(hundredthsInput(123_450, 'en'), '1234.5');
    assert.equal(hundredthsInput(1200, 'fi'), '12');
    for (const v of [5, 50, 123_450, 99_999]) assert.deepEqual(parseHundredths(hundredthsInput(v, 'fi'), 2), { ok: true, value: v });
  });
});

describe('reporting period form', () => {
  it('reads dates as Finns write them or in ISO form', () => {
    assert.deepEqual(validatePeriodForm({ kind: 'progress', start: '1.1.2027', end: '2027-12-31', due: '31.1.2028' }, 'fi'), {
      ok: true,
      value: { kind: 'progress', start: '2027-01-01', end: '2027-12-31', due: '2028-01-31' },
    });
  });

  it('names each missing or impossible field', () => {
    const checked = validatePeriodForm({ kind: '', start: '', end: '31.2.2027', due: 'huomenna' }, 'fi');
    assert.deepEqual(checked, {
      ok: false,
      errors: [
        { field: 'kind', message: 'Valitse raportin laji.' },
        { field: 'start', message: 'Kirjoita kauden alkupäivä.' },
        { field: 'end', message: 'Kauden loppupäivä ei ole oikea päivämäärä. Kirjoita se muodossa 31.12.2027.' },
        { field: 'due', message: 'Raportin määräpäivä ei ole oikea päivämäärä. Kirjoita se muodossa 31.12.2027.' },
      ],
    });
  });

  it('puts each broken period rule at its field', () => {
    const errors = periodProblemErrors(['due-before-end', 'overlaps'], 'en', { startDate: '2027-01-01', endDate: null }, (d) => d);
    assert.deepEqual(errors, [
      { field: 'due', message: 'The due date of the report cannot be before the last day of the period.' },
      { field: 'start', message: 'The period overlaps another period of the same kind.' },
    ]);
  });
});

describe('target and review forms', () => {
  it('reads a row form’s own target field, else the add form’s', () => {
    assert.deepEqual(readTargetForm({ indicator: '4', target_4: '12', target: '99' }), { indicator: '4', field: 'target_4', target: '12' });
    assert.deepEqual(readTargetForm({ indicator: '4', target: '99' }), { indicator: '4', field: 'target', target: '99' });
  });

  it('needs a comment to return a report, not to accept one', () => {
    assert.deepEqual(validateReviewForm({ version: 1, comment: '' }, 'accept', 'fi'), []);
    assert.deepEqual(validateReviewForm({ version: 1, comment: '' }, 'return', 'sv'), [
      { field: 'comment', message: 'Skriv en kommentar: berätta vad som ska kompletteras eller rättas i rapporten.' },
    ]);
  });
});
