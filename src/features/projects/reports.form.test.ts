import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportStatus } from '../../db/schema.js';
import type { ReportingPeriod } from './projects.repository.js';
import { formatIndicatorInput, parseIndicatorValue, parseReportVersion, readReportForm, spendingLimitCents, validateReportForm, type ReportFormContext } from './reports.form.js';
import { nextReport, periodHasEnded, previousAcceptedReportId, reportState } from './reports.service.js';

describe('indicator values typed in Finnish style', () => {
  const ok = (text: string, decimals: number) => {
    const r = parseIndicatorValue(text, decimals);
    assert.ok(r.ok, `${text} should parse`);
    return r.hundredths;
  };
  it('reads grouped digits, a decimal comma or point, and no-break spaces into hundredths', () => {
    assert.equal(ok('1 234,5', 1), 123_450);
    assert.equal(ok('1234.5', 1), 123_450);
    assert.equal(ok('1\u00a0234,56', 2), 123_456);
    assert.equal(ok('1.234,5', 1), 123_450);
    assert.equal(ok('1,234.5', 1), 123_450);
    assert.equal(ok('12', 0), 1_200);
    assert.equal(ok('0', 0), 0);
    assert.equal(ok('  7 ', 0), 700);
    // Three digits after a separator group thousands, as in the euro fields.
    assert.equal(ok('1.234', 2), 123_400);
    assert.equal(ok('', 1), null);
    assert.equal(ok('   ', 1), null);
  });
  it('respects the indicator’s decimals, letting trailing zeros through', () => {
    assert.deepEqual(parseIndicatorValue('1,5', 0), { ok: false, reason: 'decimals' });
    assert.deepEqual(parseIndicatorValue('1,25', 1), { ok: false, reason: 'decimals' });
    assert.equal(ok('12,0', 0), 1_200);
    assert.equal(ok('12,50', 1), 1_250);
  });
  it('refuses negatives, words and absurd sizes', () => {
    assert.deepEqual(parseIndicatorValue('-3', 0), { ok: false, reason: 'negative' });
    assert.deepEqual(parseIndicatorValue('−3', 0), { ok: false, reason: 'negative' });
    assert.deepEqual(parseIndicatorValue('kolme', 0), { ok: false, reason: 'format' });
    assert.deepEqual(parseIndicatorValue('1,2,3', 0), { ok: false, reason: 'format' });
    assert.deepEqual(parseIndicatorValue('12,3.4', 1), { ok: false, reason: 'format' });
    assert.deepEqual(parseIndicatorValue('12345678901', 0), { ok: false, reason: 'too-large' });
    assert.equal(ok('10 000 000 000', 0), 1_000_000_000_000);
  });
  it('shows stored hundredths back in the form in each language', () => {
    assert.equal(formatIndicatorInput(123_450, 1, 'fi'), '1 234,5');
    assert.equal(formatIndicatorInput(123_450, 1, 'en'), '1,234.5');
    assert.equal(formatIndicatorInput(1_200, 0, 'sv'), '12');
    assert.equal(formatIndicatorInput(1_205, 2, 'fi'), '12,05');
    assert.equal(formatIndicatorInput(1_250, 2, 'fi'), '12,5');
    for (const h of [0, 5, 1_250, 123_456, 99_999_999]) assert.equal(parseIndicatorValue(formatIndicatorInput(h, 2, 'fi'), 2).ok && (parseIndicatorValue(formatIndicatorInput(h, 2, 'fi'), 2) as { hundredths: number }).hundredths, h);
  });
});

describe('the report form', () => {
  const ctx: ReportFormContext = {
    locale: 'fi',
    partners: [
      { id: 7, name: 'Akkuyliopisto', limitCents: 100_000_000 },
      { id: 8, name: 'Kainuun Kehitys Oy', limitCents: 100_000_000 },
    ],
    indicators: [
      { indicatorId: 3, name: 'Tuetut yritykset', decimals: 0 },
      { indicatorId: 9, name: 'Syntyneet työpaikat', decimals: 1 },
    ],
  };
  const body = (fields: Record<string, string>) => readReportForm(fields, [7, 8], [3, 9]);

  it('reads only this project’s partners and indicators', () => {
    const form = body({ version: ' 2 ', action: 'submit', narrative: 'a\r\nb', spending_7: '1 000', spending_99: '5', indicator_3: '4', indicator_77: '1', confirm: '1' });
    assert.deepEqual(form, { version: '2', action: 'submit', narrative: 'a\nb', spending: { '7': '1 000', '8': '' }, values: { '3': '4', '9': '' }, confirm: true });
    assert.equal(body({}).action, 'draft');
    assert.equal(parseReportVersion('0'), 0);
    assert.equal(parseReportVersion('12'), 12);
    assert.equal(parseReportVersion(''), null);
    assert.equal(parseReportVersion('1e3'), null);
  });

  it('saves an incomplete draft, keeping what is filled in', () => {
    const r = validateReportForm(body({ action: 'draft', narrative: '  Alku  ', spending_7: '12 345,67', indicator_9: '2,5' }), ctx);
    assert.ok(r.ok);
    assert.equal(r.value.narrative, 'Alku');
    assert.deepEqual([...r.value.spendingCents], [[7, 1_234_567]]);
    assert.deepEqual([...r.value.valuesHundredths], [[9, 250]]);
  });

  it('refuses invalid values in a draft too', () => {
    const r = validateReportForm(body({ action: 'draft', spending_8: '-5', indicator_3: '1,5' }), ctx);
    assert.ok(!r.ok);
    assert.deepEqual(r.errors, [
      { field: 'spending_8', message: 'Toteuttajan Kainuun Kehitys Oy kustannukset eivät voi olla negatiiviset' },
      { field: 'indicator_3', message: 'Indikaattorin ”Tuetut yritykset” arvon on oltava kokonaisluku' },
    ]);
  });

  it('needs everything on submit, naming each field', () => {
    const r = validateReportForm(body({ action: 'submit' }), ctx);
    assert.ok(!r.ok);
    assert.deepEqual(
      r.errors.map((e) => e.field),
      ['narrative', 'spending_7', 'spending_8', 'indicator_3', 'indicator_9', 'confirm'],
    );
    assert.equal(r.errors[1]!.message, 'Anna toteuttajan Akkuyliopisto kustannukset tähän mennessä');
    assert.equal(r.errors[4]!.message, 'Anna indikaattorin ”Syntyneet työpaikat” arvo tähän mennessä');
    const en = validateReportForm(body({ action: 'submit' }), { ...ctx, locale: 'en' });
    assert.ok(!en.ok);
    assert.equal(en.errors[2]!.message, 'Enter the spending to date of Kainuun Kehitys Oy');
  });

  it('accepts a complete submission with the confirmation', () => {
    const r = validateReportForm(
      body({ action: 'submit', narrative: 'Edistyi.', spending_7: '0', spending_8: '1 000 000', indicator_3: '4', indicator_9: '1 234,5', confirm: '1' }),
      ctx,
    );
    assert.ok(r.ok);
    assert.deepEqual([...r.value.spendingCents], [[7, 0], [8, 100_000_000]]);
    assert.deepEqual([...r.value.valuesHundredths], [[3, 400], [9, 123_450]]);
  });

  it('guards against ten-fold typos in spending', () => {
    assert.equal(spendingLimitCents({ requestedCents: 10_000_000 }, { grantedCents: 30_000_000 }), 100_000_000);
    assert.equal(spendingLimitCents({ requestedCents: 0 }, { grantedCents: 30_000_000 }), 300_000_000);
    const over = validateReportForm(body({ spending_7: '1 000 000,01' }), ctx);
    assert.ok(!over.ok);
    assert.equal(over.errors[0]!.field, 'spending_7');
    assert.match(over.errors[0]!.message, /kymmenkertaiset/);
  });
});

describe('where a report stands', () => {
  const period = (id: number, end: string, due: string, status: ReportStatus | null, kind: 'progress' | 'final' = 'progress'): ReportingPeriod => ({
    id,
    projectId: 1,
    kind,
    start: '2027-01-01',
    end,
    due,
    report: status === null ? null : { id: id * 10, status, version: 1, submittedAt: null, firstSubmittedAt: null, reviewedAt: null, reviewComment: null },
  });

  it('puts each state in words from the period’s dates and the report’s status', () => {
    assert.equal(reportState(period(1, '2027-12-31', '2028-01-31', null), '2027-12-31'), 'not-due');
    assert.equal(reportState(period(1, '2027-12-31', '2028-01-31', 'draft'), '2028-01-01'), 'open');
    assert.equal(reportState(period(1, '2027-12-31', '2028-01-31', null), '2028-01-31'), 'open');
    assert.equal(reportState(period(1, '2027-12-31', '2028-01-31', null), '2028-02-01'), 'late');
    assert.equal(reportState(period(1, '2027-12-31', '2028-01-31', 'draft'), '2028-02-01'), 'draft-late');
    assert.equal(reportState(period(1, '2027-12-31', '2028-01-31', 'submitted'), '2028-02-01'), 'submitted');
    assert.equal(reportState(period(1, '2027-12-31', '2028-01-31', 'returned'), '2028-02-01'), 'returned');
    assert.equal(reportState(period(1, '2027-12-31', '2028-01-31', 'accepted'), '2028-02-01'), 'accepted');
    assert.equal(periodHasEnded({ end: '2027-12-31' }, '2027-12-31'), false);
    assert.equal(periodHasEnded({ end: '2027-12-31' }, '2028-01-01'), true);
  });

  it('picks the next report to attend to', () => {
    const a = period(1, '2027-12-31', '2028-01-31', 'accepted');
    const b = period(2, '2028-12-31', '2029-01-31', 'submitted');
    const c = period(3, '2028-12-31', '2029-02-28', null, 'final');
    assert.equal(nextReport([a, b, c], '2029-01-05')?.period.id, 3);
    assert.equal(nextReport([a, b, c], '2029-01-05')?.state, 'open');
    assert.equal(nextReport([a, b], '2029-01-05')?.period.id, 2);
    assert.deepEqual(nextReport([a], '2029-01-05'), { period: a, state: 'accepted' });
    assert.equal(nextReport([], '2029-01-05'), null);
    assert.equal(nextReport([period(4, '2027-12-31', '2028-01-31', 'returned'), c], '2029-01-05')?.period.id, 4);
  });

  it('finds the accepted report before a period, skipping those not accepted', () => {
    const periods = [period(1, '2027-06-30', '2027-07-31', 'accepted'), period(2, '2027-12-31', '2028-01-31', 'returned'), period(3, '2028-06-30', '2028-07-31', null)];
    assert.equal(previousAcceptedReportId(periods, 3), 10);
    assert.equal(previousAcceptedReportId(periods, 2), 10);
    assert.equal(previousAcceptedReportId(periods, 1), null);
  });
});
