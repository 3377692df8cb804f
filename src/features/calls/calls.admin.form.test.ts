import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blankCallForm, readCallForm, validateCallForm, type CallForm, type ValidationOptions } from './calls.admin.form.js';
import {
  formatEuroInput,
  formatPercentInput,
  helsinkiFormParts,
  helsinkiInstant,
  helsinkiOffset,
  parseDateInput,
  parseEuroCents,
  parsePercentBp,
  parseTimeInput,
} from './calls.admin.values.js';

const councils = ['10', '11', '12', '16', '17', '18', '19'].map((regionCode) => ({ regionCode, name: `Liitto ${regionCode}` }));
const options: ValidationOptions = { locale: 'fi', councils, priorityIds: [1, 2, 3], correction: false };

function filled(change: Partial<CallForm> = {}): CallForm {
  return {
    ...blankCallForm(councils.map((c) => c.regionCode)),
    title_fi: 'Yhteishaku 2027',
    summary_fi: 'Tiivistelmä',
    body_fi: 'Kuvaus',
    regions: ['11', '18'],
    budgets: { '10': '', '11': '300 000', '12': '', '16': '', '17': '', '18': '250 000,50', '19': '' },
    priorities: ['1'],
    instrument: 'erdf',
    opens_date: '2027-01-11',
    opens_time: '9.00',
    closes_date: '31.3.2027',
    closes_time: '16.15',
    contact_email: 'haut@example.fi',
    min_regions: '2',
    min_grant: '50 000',
    max_grant: '600 000',
    max_aid_rate: '77,5',
    max_duration: '36',
    min_total_score: '14',
    ...change,
  };
}

describe('call form: reading what officers type', () => {
  it('reads euros in Finnish and plain styles as integer cents', () => {
    assert.equal(parseEuroCents('300 000'), 30_000_000);
    assert.equal(parseEuroCents('1 234,50'), 123_450);
    assert.equal(parseEuroCents('1234.5'), 123_450);
    assert.equal(parseEuroCents('300\u00a0000 €'), 30_000_000);
    assert.equal(parseEuroCents('0'), 0);
    assert.equal(parseEuroCents('100 000 000'), 10_000_000_000);
    assert.equal(parseEuroCents('100 000 000,01'), null);
    for (const bad of ['', 'abc', '-5', '1.234', '1,2,3', '12e3', '1 234,567']) assert.equal(parseEuroCents(bad), null, bad);
    assert.equal(formatEuroInput(30_000_000), '300 000');
    assert.equal(formatEuroInput(123_450), '1 234,50');
    assert.equal(parseEuroCents(formatEuroInput(987_654_321)), 987_654_321);
  });

  it('reads percentages with one decimal as basis points', () => {
    assert.equal(parsePercentBp('75'), 7500);
    assert.equal(parsePercentBp('77,5'), 7750);
    assert.equal(parsePercentBp('77.5 %'), 7750);
    assert.equal(parsePercentBp('0'), 0);
    for (const bad of ['', '75,25', 'x', '-1', '1000']) assert.equal(parsePercentBp(bad), null, bad);
    assert.equal(formatPercentInput(7750, 'fi'), '77,5');
    assert.equal(formatPercentInput(7750, 'en'), '77.5');
    assert.equal(formatPercentInput(4000, 'sv'), '40');
  });

  it('reads dates from a date field or as d.m.yyyy, and times with a point or a colon', () => {
    assert.deepEqual(parseDateInput('2027-03-28'), { year: 2027, month: 3, day: 28 });
    assert.deepEqual(parseDateInput('28.3.2027'), { year: 2027, month: 3, day: 28 });
    assert.equal(parseDateInput('29.2.2027'), null);
    assert.equal(parseDateInput('2027-13-01'), null);
    assert.deepEqual(parseTimeInput('16.15'), { hour: 16, minute: 15, second: 0 });
    assert.deepEqual(parseTimeInput('klo 9:05:30'), { hour: 9, minute: 5, second: 30 });
    assert.deepEqual(parseTimeInput('16'), { hour: 16, minute: 0, second: 0 });
    for (const bad of ['24.00', '16.60', '16.5', 'noon', '']) assert.equal(parseTimeInput(bad), null, bad);
  });

  it('refuses the hour skipped in spring and takes the first of the repeated hour in autumn', () => {
    assert.deepEqual(helsinkiInstant({ year: 2027, month: 3, day: 28, hour: 3, minute: 30, second: 0 }), { ok: false, reason: 'gap' });
    const beforeGap = helsinkiInstant({ year: 2027, month: 3, day: 28, hour: 2, minute: 59, second: 59 });
    assert.ok(beforeGap.ok && beforeGap.instant.toISOString() === '2027-03-28T00:59:59.000Z' && !beforeGap.ambiguous);
    const afterGap = helsinkiInstant({ year: 2027, month: 3, day: 28, hour: 4, minute: 0, second: 0 });
    assert.ok(afterGap.ok && afterGap.instant.toISOString() === '2027-03-28T01:00:00.000Z');
    const repeated = helsinkiInstant({ year: 2027, month: 10, day: 31, hour: 3, minute: 30, second: 0 });
    assert.ok(repeated.ok && repeated.instant.toISOString() === '2027-10-31T00:30:00.000Z' && repeated.ambiguous);
    const afterRepeat = helsinkiInstant({ year: 2027, month: 10, day: 31, hour: 4, minute: 0, second: 0 });
    assert.ok(afterRepeat.ok && afterRepeat.instant.toISOString() === '2027-10-31T02:00:00.000Z' && !afterRepeat.ambiguous);
    assert.deepEqual(helsinkiOffset(new Date('2027-10-31T00:30:00Z')), { offsetHours: 3, ambiguous: true });
    assert.deepEqual(helsinkiOffset(new Date('2027-10-31T01:30:00Z')), { offsetHours: 2, ambiguous: true });
    assert.deepEqual(helsinkiOffset(new Date('2027-03-28T01:15:00Z')), { offsetHours: 3, ambiguous: false });
    assert.deepEqual(helsinkiFormParts('2027-10-31T00:30:00Z', 'fi'), { date: '2027-10-31', time: '3.30' });
    assert.deepEqual(helsinkiFormParts('2026-12-15T14:15:30Z', 'en'), { date: '2026-12-15', time: '16:15:30' });
  });

  it('reads repeated fields and one budget per council from a posted body', () => {
    const form = readCallForm({ regions: ['11', '11', '18'], budget_11: '5', priority: '2', org_types: ['company'], title_fi: ['A', 'B'] }, ['11', '18']);
    assert.deepEqual(form.regions, ['11', '18']);
    assert.deepEqual(form.budgets, { '11': '5', '18': '' });
    assert.deepEqual(form.priorities, ['2']);
    assert.equal(form.title_fi, 'A');
    assert.equal(form.note_fi, '');
  });
});

describe('call form: checking it', () => {
  it('turns a complete form into the stored values', () => {
    const result = validateCallForm(filled(), options);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    assert.deepEqual(result.value.budgets, [
      { regionCode: '11', budgetCents: 30_000_000 },
      { regionCode: '18', budgetCents: 25_000_050 },
    ]);
    assert.equal(result.value.opensAt, '2027-01-11T07:00:00.000Z');
    assert.equal(result.value.closesAt, '2027-03-31T13:15:00.000Z');
    assert.equal(result.value.maxAidRateBp, 7750);
    assert.equal(result.value.flatRateBp, 4000);
    assert.equal(result.value.minRegions, 2);
    assert.equal(result.value.leadRegionMustParticipate, true);
    assert.equal(result.value.eligibleOrgTypes.length, 8);
    assert.equal(result.note, null);
  });

  it('ignores the budget typed for a council that is not ticked', () => {
    const result = validateCallForm(filled({ budgets: { '11': '1', '18': '2', '19': 'not a number' } }), options);
    assert.ok(result.ok);
    assert.deepEqual(result.value.budgets.map((b) => b.regionCode), ['11', '18']);
  });

  it('names each field that is missing or malformed, in the order of the form', () => {
    const result = validateCallForm(
      { ...blankCallForm(['11', '18']), min_regions: '', flat_rate: '', opens_time: '', closes_time: '', org_types: [] },
      { ...options, councils: councils.filter((c) => ['11', '18'].includes(c.regionCode)) },
    );
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => e.field),
      [
        'title_fi',
        'summary_fi',
        'body_fi',
        'regions',
        'priority',
        'instrument',
        'opens_date',
        'opens_time',
        'closes_date',
        'closes_time',
        'contact_email',
        'min_regions',
        'org_types',
        'min_grant',
        'max_grant',
        'max_aid_rate',
        'max_duration',
        'flat_rate',
        'min_total_score',
      ],
    );
    const message = (field: string) => result.errors.find((e) => e.field === field)?.message;
    assert.equal(message('title_fi'), 'Täytä kenttä ”Otsikko suomeksi”.');
    assert.equal(message('instrument'), 'Valitse yksi vaihtoehto kohdassa ”Rahoitusväline”.');
    assert.equal(message('regions'), 'Valitse vähintään yksi mukana oleva maakuntaliitto.');
  });

  it('gives a message naming the field for each kind of bad value', () => {
    const result = validateCallForm(
      filled({
        budgets: { '11': 'kolmesataa', '18': '1' },
        priorities: ['99'],
        instrument: 'lottery',
        opens_date: '31.2.2027',
        closes_time: '25.00',
        contact_email: 'haut@',
        min_regions: 'kolme',
        org_types: ['pirates'],
        min_grant: '1.234',
        max_aid_rate: '75,25',
        max_duration: '0',
        lead_region: 'maybe',
        cost_model: 'flat_rate',
        flat_rate: 'paljon',
        min_total_score: '-1',
      }),
      options,
    );
    assert.ok(!result.ok);
    const messages = Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
    assert.deepEqual(messages, {
      budget_11: 'Kirjoita kenttään ”Budjetti, Liitto 11 (euroa)” euromäärä väliltä 0–100 000 000, esim. 300 000 tai 1 234,50.',
      priority: 'Valittu painopiste ei kuulu haun strategiaan. Lataa sivu uudelleen ja valitse uudelleen.',
      instrument: 'Valitse yksi vaihtoehto kohdassa ”Rahoitusväline”.',
      opens_date: 'Kirjoita kenttään ”Avautumispäivä” päivämäärä muodossa p.k.vvvv, esim. 15.12.2026.',
      closes_time: 'Kirjoita kenttään ”Päättymisen kellonaika” kellonaika muodossa t.mm, esim. 16.15.',
      contact_email: 'Kirjoita kenttään ”Yhteyssähköposti hakijoille” sähköpostiosoite muodossa nimi@esimerkki.fi.',
      min_regions: 'Kirjoita kenttään ”Eri maakuntien vähimmäismäärä toteuttajien joukossa” kokonaisluku väliltä 1–99.',
      org_types: 'Valitse vähintään yksi hakukelpoinen organisaatiotyyppi.',
      min_grant: 'Kirjoita kenttään ”Avustus vähintään hanketta kohden (euroa)” euromäärä väliltä 0–100 000 000, esim. 300 000 tai 1 234,50.',
      max_aid_rate: 'Kirjoita kenttään ”Tukiprosentti enintään (%)” prosenttiluku enintään yhdellä desimaalilla, esim. 75 tai 77,5.',
      max_duration: 'Kirjoita kenttään ”Hankkeen kesto enintään (kuukautta)” kokonaisluku väliltä 1–240.',
      lead_region: 'Valitse yksi vaihtoehto kohdassa ”Pitääkö päätoteuttajan maakunnan liiton olla mukana haussa?”.',
      flat_rate: 'Kirjoita kenttään ”Muiden kulujen osuus henkilöstökuluista (%)” prosenttiluku enintään yhdellä desimaalilla, esim. 75 tai 77,5.',
      min_total_score: 'Kirjoita kenttään ”Rahoituskelpoisen hakemuksen vähimmäispisteet” kokonaisluku väliltä 0–9999.',
    });
  });

  it('applies the rules between fields: order of times, grant range, regions, rates', () => {
    const result = validateCallForm(
      filled({ closes_date: '2027-01-11', closes_time: '9.00', min_grant: '700 000', min_regions: '3', max_aid_rate: '0,5', flat_rate: '100,5' }),
      options,
    );
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.field, e.message]),
      [
        ['closes_date', 'Päättymisajan pitää olla avautumisajan jälkeen.'],
        ['min_regions', 'Eri maakuntien vähimmäismäärän pitää olla vähintään 1 ja enintään mukana olevien liittojen määrä (2).'],
        ['max_grant', 'Avustuksen enimmäismäärä ei voi olla pienempi kuin vähimmäismäärä.'],
        ['max_aid_rate', 'Tukiprosentin pitää olla 1–100 %.'],
        ['flat_rate', 'Muiden kulujen osuuden pitää olla 0–100 %.'],
      ],
    );
  });

  it('limits the length of the texts', () => {
    const result = validateCallForm(filled({ title_sv: 'x'.repeat(301), note_fi: 'y'.repeat(4001) }), { ...options, correction: true });
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, [
      { field: 'title_sv', message: 'Kentässä ”Otsikko ruotsiksi” voi olla enintään 300 merkkiä.' },
      { field: 'note_fi', message: 'Kentässä ”Tiedote suomeksi” voi olla enintään 4000 merkkiä.' },
    ]);
  });

  it('does not ask for the flat rate when costs are itemised', () => {
    const result = validateCallForm(filled({ cost_model: 'itemised', flat_rate: '' }), options);
    assert.ok(result.ok);
    assert.equal(result.value.flatRateBp, 0);
  });

  it('explains a time in the spring-forward gap in the page’s language', () => {
    const fi = validateCallForm(filled({ closes_date: '28.3.2027', closes_time: '3.30' }), options);
    assert.ok(!fi.ok);
    assert.deepEqual(fi.errors, [
      {
        field: 'closes_time',
        message:
          'Kentän ”Päättymisen kellonaika” aikaa 3.30 ei ole 28.3.2027: kesäaika alkaa, ja kellot siirretään kello 3.00 suoraan kello 4.00:ään. Valitse aika ennen kello 3.00 tai kello 4.00 jälkeen.',
      },
    ]);
    const en = validateCallForm(filled({ closes_date: '2027-03-28', closes_time: '03:00' }), { ...options, locale: 'en' });
    assert.ok(!en.ok);
    assert.match(en.errors[0]!.message, /The time 3:00 in “Closing time” does not exist on 28 March 2027/);
  });

  it('asks a correction for a notice in Finnish, and keeps the other languages optional', () => {
    const missing = validateCallForm(filled(), { ...options, correction: true });
    assert.ok(!missing.ok);
    assert.deepEqual(missing.errors, [{ field: 'note_fi', message: 'Täytä kenttä ”Tiedote suomeksi”.' }]);
    const given = validateCallForm(filled({ note_fi: ' Hakuaikaa jatkettiin. ', note_en: 'Extended.' }), { ...options, correction: true });
    assert.ok(given.ok);
    assert.deepEqual(given.note, { fi: 'Hakuaikaa jatkettiin.', sv: '', en: 'Extended.' });
  });
});
