import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEligibility, type Problem } from '../../domain/eligibility.js';
import {
  formatEurosInput,
  parseDateInput,
  parseEuros,
  parseWholeNumber,
  readGeneralForm,
  readPartnerForm,
  validateGeneralForm,
  validatePartnerForm,
  type GeneralFormContext,
} from './applications.form.js';
import { problemLocation } from './problem-location.js';
import { fieldLabel, problemMessage } from './applications.messages.js';

describe('euros typed in Finnish style', () => {
  it('reads spaces as digit groups and a comma or point with one or two digits as decimals', () => {
    assert.deepEqual(parseEuros('1 234,50'), { ok: true, cents: 123_450 });
    assert.deepEqual(parseEuros('300 000'), { ok: true, cents: 30_000_000 });
    assert.deepEqual(parseEuros('1234.5'), { ok: true, cents: 123_450 });
    assert.deepEqual(parseEuros('0,05'), { ok: true, cents: 5 });
    assert.deepEqual(parseEuros(' 12 € '), { ok: true, cents: 1200 });
  });

  it('takes back what the money formatter wrote, no-break spaces and all', () => {
    assert.deepEqual(parseEuros('1\u00a0234,50\u00a0€'), { ok: true, cents: 123_450 });
    assert.deepEqual(parseEuros('1\u202f234\u202f567,89'), { ok: true, cents: 123_456_789 });
    assert.deepEqual(parseEuros('1.234,50'), { ok: true, cents: 123_450 });
    assert.deepEqual(parseEuros('1,234.50'), { ok: true, cents: 123_450 });
    assert.deepEqual(parseEuros('12,500'), { ok: true, cents: 1_250_000 });
  });

  it('reads blank as nothing entered', () => {
    assert.deepEqual(parseEuros(''), { ok: true, cents: null });
    assert.deepEqual(parseEuros('   '), { ok: true, cents: null });
  });

  it('refuses what is not an amount, a negative one and one above EUR 100 million', () => {
    for (const text of ['abc', '12,345,67', '1.234.56', '12,3456', '1 2a', ',50', '1,2,3']) assert.deepEqual(parseEuros(text), { ok: false, reason: 'format' }, text);
    assert.deepEqual(parseEuros('-5'), { ok: false, reason: 'negative' });
    assert.deepEqual(parseEuros('−5'), { ok: false, reason: 'negative' });
    assert.deepEqual(parseEuros('100 000 000,01'), { ok: false, reason: 'too-large' });
    assert.deepEqual(parseEuros('100 000 000'), { ok: true, cents: 10_000_000_000 });
    assert.deepEqual(parseEuros('99999999999999999'), { ok: false, reason: 'too-large' });
  });

  it('shows cents for editing so that they read back the same', () => {
    assert.equal(formatEurosInput(123_450, 'fi'), '1 234,50');
    assert.equal(formatEurosInput(30_000_000, 'sv'), '300 000');
    assert.equal(formatEurosInput(123_405, 'en'), '1,234.05');
    for (const cents of [0, 5, 99, 100, 123_456_789, 10_000_000_000]) {
      for (const locale of ['fi', 'sv', 'en'] as const) assert.deepEqual(parseEuros(formatEurosInput(cents, locale)), { ok: true, cents });
    }
  });
});

describe('dates and whole numbers', () => {
  it('reads day.month.year and ISO dates, and refuses a day that does not exist', () => {
    assert.deepEqual(parseDateInput('1.3.2027'), { ok: true, date: '2027-03-01' });
    assert.deepEqual(parseDateInput('01.03.2027.'), { ok: true, date: '2027-03-01' });
    assert.deepEqual(parseDateInput('29/2/2028'), { ok: true, date: '2028-02-29' });
    assert.deepEqual(parseDateInput('2027-12-31'), { ok: true, date: '2027-12-31' });
    assert.deepEqual(parseDateInput(''), { ok: true, date: null });
    assert.deepEqual(parseDateInput('29.2.2027'), { ok: false });
    assert.deepEqual(parseDateInput('maaliskuu 2027'), { ok: false });
  });

  it('reads target values with digit groups', () => {
    assert.deepEqual(parseWholeNumber('1 500'), { ok: true, value: 1500 });
    assert.deepEqual(parseWholeNumber(''), { ok: true, value: null });
    assert.deepEqual(parseWholeNumber('1,5'), { ok: false });
    assert.deepEqual(parseWholeNumber('-3'), { ok: false });
  });
});

const context: GeneralFormContext = {
  priorityIds: [4, 5],
  growthSectorIds: [10, 11, 12],
  questions: [
    { id: 7, kind: 'text', label: 'Miksi nyt?', optionCount: 0 },
    { id: 8, kind: 'choice', label: 'Koko', optionCount: 2 },
    { id: 9, kind: 'number', label: 'Henkilötyövuodet', optionCount: 0 },
  ],
};

describe('the general part’s form', () => {
  it('reads indicator rows in their order, ignores blank rows and keeps every value as typed', () => {
    const form = readGeneralForm({
      version: '3',
      title: '  Akkuarvoketju  ',
      priority: '5',
      growth_sector: ['11', '10', '11'],
      start_date: '1.3.2027',
      end_date: '',
      'section.background': 'Tausta',
      'section.results.secret': '1',
      'indicator.1.name': 'Uudet tuotteet',
      'indicator.1.unit': 'kpl',
      'indicator.1.target': '4',
      'indicator.0.name': 'Tuetut yritykset',
      'indicator.0.unit': 'kpl',
      'indicator.0.target': '1 200',
      'indicator.2.name': '',
      'indicator.2.unit': '',
      'indicator.2.target': '',
      'indicator.99.name': 'ignored: beyond the rows a form has',
      'question.7': 'Koska.',
      'question.8': '1',
      'question.9': '2,5',
      add_indicator: '1',
    });
    assert.equal(form.title, '  Akkuarvoketju  ');
    assert.equal(form.indicators.length, 3);
    assert.equal(form.indicators[0]!.target, '1 200');
    assert.equal(form.addIndicator, true);
    assert.equal(form.sections.results.secret, true);
    const checked = validateGeneralForm(form, 'fi', context);
    assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.errors));
    assert.equal(checked.value.title, 'Akkuarvoketju');
    assert.deepEqual(checked.value.growthSectorIds, [10, 11]);
    assert.equal(checked.value.startDate, '2027-03-01');
    assert.equal(checked.value.endDate, null);
    assert.deepEqual(checked.value.indicators, [
      { name: 'Tuetut yritykset', unit: 'kpl', targetValue: 1200 },
      { name: 'Uudet tuotteet', unit: 'kpl', targetValue: 4 },
    ]);
    assert.deepEqual(checked.value.answers, { 7: 'Koska.', 8: '1', 9: '2,5' });
    assert.deepEqual(checked.value.sections.results, { body: '', isSecret: true });
  });

  it('lets a draft be incomplete but names each malformed field', () => {
    assert.ok(validateGeneralForm(readGeneralForm({ version: '1' }), 'fi', context).ok);
    const checked = validateGeneralForm(
      readGeneralForm({
        priority: '99',
        growth_sector: '77',
        start_date: '31.2.2027',
        'indicator.0.name': 'Tuetut yritykset',
        'indicator.0.target': 'paljon',
        'indicator.1.target': '5',
        'question.8': '2',
        'question.9': 'kolme',
      }),
      'fi',
      context,
    );
    assert.equal(checked.ok, false);
    const errors = Object.fromEntries((checked.ok ? [] : checked.errors).map((e) => [e.field, e.message]));
    assert.deepEqual(Object.keys(errors).sort(), ['growth_sector', 'indicator.0.target', 'indicator.1.name', 'priority', 'question.8', 'question.9', 'start_date']);
    assert.match(errors['start_date']!, /alkupäivä olemassa olevana päivämääränä muodossa p\.k\.vvvv/);
    assert.match(errors['indicator.0.target']!, /indikaattorin 1 tavoitearvo/);
    assert.match(errors['question.9']!, /”Henkilötyövuodet” numerolla/);
  });
});

describe('a partner’s form', () => {
  it('takes only the staff costs under the flat-rate model and every category when itemised', () => {
    const body = { version: '2', unit: 'Akkulaboratorio', 'cost.staff': '100 000', 'cost.travel': '5 000', requested: '112 000', own_funding: '28 000,00', other_public: '' };
    const flat = validatePartnerForm(readPartnerForm(body), 'fi', 'flat_rate');
    assert.ok(flat.ok);
    assert.deepEqual(flat.value.costs, { staff: 10_000_000 });
    assert.equal(flat.value.otherPublicCents, 0);
    const itemised = validatePartnerForm(readPartnerForm(body), 'fi', 'itemised');
    assert.ok(itemised.ok);
    assert.deepEqual(itemised.value.costs, { staff: 10_000_000, travel: 500_000 });
  });

  it('names the money field that is not an amount and an e-mail address that is not one', () => {
    const checked = validatePartnerForm(readPartnerForm({ 'cost.staff': '10 000 e', requested: '-1', contact_email: 'matti(at)example.fi' }), 'en', 'flat_rate');
    assert.equal(checked.ok, false);
    const errors = Object.fromEntries((checked.ok ? [] : checked.errors).map((e) => [e.field, e.message]));
    assert.match(errors['cost.staff']!, /staff costs in euros/);
    assert.match(errors['requested']!, /Grant requested cannot be negative/);
    assert.match(errors['contact_email']!, /e-mail address/);
  });
});

describe('eligibility problems on the page', () => {
  it('says where each problem is put right', () => {
    const at = (field: string, code: Problem['code'] = 'missing') => problemLocation({ code, field }, 3);
    assert.deepEqual(at('title'), { part: 'general', field: 'title' });
    assert.deepEqual(at('indicators'), { part: 'general', field: 'indicator.0.name' });
    assert.deepEqual(at('partners', 'too-few-regions'), { part: 'partners', field: 'business_id' });
    assert.deepEqual(at('financing', 'no-costs'), { part: 'partner', partnerId: 3, field: 'cost.staff' });
    assert.deepEqual(at('financing', 'aid-rate-too-high'), { part: 'partner', partnerId: 3, field: 'requested' });
    assert.deepEqual(at('partner.8.financing', 'financing-mismatch'), { part: 'partner', partnerId: 8, field: 'requested' });
    assert.deepEqual(at('partner.8.contact_email'), { part: 'partner', partnerId: 8, field: 'contact_email' });
    assert.deepEqual(at('partner.8', 'org-type-not-eligible'), { part: 'partners', field: 'partner.8' });
  });

  it('has a message in every language for every problem the check returns', () => {
    const result = checkEligibility(
      {
        participatingRegions: ['17'],
        priorityIds: [1],
        minRegions: 3,
        eligibleOrgTypes: ['university'],
        minGrantCents: 100,
        maxGrantCents: 200,
        maxAidRateBp: 5000,
        maxDurationMonths: 12,
        leadRegionMustParticipate: true,
        costModel: { kind: 'flat_rate', flatRateBp: 4000 },
        questions: [
          { id: 1, kind: 'text', required: true, maxLength: 3, optionCount: 0 },
          { id: 2, kind: 'number', required: true, maxLength: null, optionCount: 0 },
          { id: 3, kind: 'choice', required: true, maxLength: null, optionCount: 2 },
          { id: 4, kind: 'text', required: true, maxLength: null, optionCount: 0 },
        ],
      },
      {
        title: '',
        summary: 'x',
        priorityId: 2,
        startDate: '2027-01-01',
        endDate: '2029-01-01',
        sections: {},
        indicators: [],
        partners: [
          { key: '5', isLead: true, name: 'Oy Lead Ab', orgType: 'company', regionCode: '18', unit: '', roleDescription: 'x', contactName: 'x', contactEmail: 'x', costs: { staff: 1000 }, requestedCents: 900, ownFundingCents: 0, otherPublicCents: 0 },
        ],
        answers: { 1: 'liian pitkä', 2: 'kaksi', 3: '7' },
      },
    );
    const codes = new Set(result.problems.map((p) => p.code));
    for (const code of ['missing', 'too-long', 'priority-not-in-call', 'too-few-regions', 'lead-region-not-participating', 'grant-from-non-participating-region', 'org-type-not-eligible', 'financing-mismatch', 'grant-above-maximum', 'aid-rate-too-high', 'answer-too-long', 'answer-not-a-number', 'answer-not-an-option']) {
      assert.ok(codes.has(code as Problem['code']), code);
    }
    const names = { partners: { '5': 'Oy Lead Ab' }, regions: { '18': 'Kainuu' }, questions: { '1': 'Miksi?' } };
    for (const locale of ['fi', 'sv', 'en'] as const) {
      for (const problem of result.problems) {
        const text = problemMessage(problem, locale, names);
        assert.ok(text.length > 10 && !text.includes('undefined') && !text.includes('NaN'), `${locale} ${problem.code}: ${text}`);
      }
    }
    const fi = (code: string) => problemMessage(result.problems.find((p) => p.code === code)!, 'fi', names);
    assert.equal(fi('lead-region-not-participating'), 'Päätoteuttajan maakunnan (Kainuu) liitto ei ole mukana tässä haussa.');
    assert.equal(fi('aid-rate-too-high').replace(/\s/g, ' '), 'Tukiosuus on 64,29 %, mutta haussa se voi olla enintään 50 %.');
    assert.match(fi('financing-mismatch'), /^Oy Lead Ab: rahoitus \(9,00\s€\) ei vastaa kustannuksia \(14,00\s€\)\.$/);
    assert.match(fi('org-type-not-eligible'), /organisaatiotyyppi ”Yritys”/);
    assert.equal(problemMessage({ code: 'answer-too-long', field: 'question.1', params: { max: 3, length: 11 } }, 'en', names), 'The answer to “Miksi?” is 11 characters long; at most 3.');
    assert.equal(fieldLabel('partner.5.unit', 'sv', names), 'Enhet eller avdelning (Oy Lead Ab)');
    assert.equal(problemMessage({ code: 'missing', field: 'section.background' }, 'fi'), 'Täytä kohta ”Tausta ja tarve”.');
    assert.equal(problemMessage({ code: 'no-costs', field: 'financing' }, 'sv'), 'Inga kostnader har ännu förts in för projektet.');
  });
});
