import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blankNewsForm, newsToForm, readNewsForm, sortNewsErrors, validateNewsForm, validatePublishAt, type NewsForm } from './news.form.js';

const choices = { regionCodes: ['10', '11', '19'], priorityIds: [1, 2, 3], callIds: [7] };
const finnish = { title_fi: 'Haku avautuu', summary_fi: 'Uusi yhteishaku avautuu.', body_fi: 'Ensimmäinen kappale.\n\nToinen kappale.' };
const form = (fields: Partial<NewsForm>): NewsForm => ({ ...blankNewsForm(), ...fields });
const fieldsOf = (result: ReturnType<typeof validateNewsForm>) => (result.ok ? [] : result.errors.map((e) => e.field));

describe('news form', () => {
  it('takes an item written in one language only, trimmed, with its tags', () => {
    const result = validateNewsForm(form({ ...finnish, title_fi: '  Haku avautuu ', regions: ['19', '10'], priorities: ['2'], call: '7' }), choices, 'fi');
    assert.ok(result.ok);
    assert.deepEqual(result.value, {
      texts: { fi: { title: 'Haku avautuu', summary: 'Uusi yhteishaku avautuu.', body: 'Ensimmäinen kappale.\n\nToinen kappale.' } },
      regionCodes: ['10', '19'],
      priorityIds: [2],
      callId: 7,
    });
  });

  it('refuses a form with no language written, at the title in the page’s language', () => {
    const result = validateNewsForm(blankNewsForm(), choices, 'sv');
    assert.equal(result.ok, false);
    assert.deepEqual(result.ok ? [] : result.errors, [{ field: 'title_sv', message: 'Skriv en rubrik, en sammanfattning och en brödtext för nyheten på minst ett språk.' }]);
  });

  it('refuses a language half written, naming each missing field and its language', () => {
    const result = validateNewsForm(form({ ...finnish, title_sv: 'Utlysningen öppnas' }), choices, 'fi');
    assert.equal(result.ok, false);
    assert.deepEqual(result.ok ? [] : result.errors.map((e) => e.message), [
      'Ruotsinkielinen tiivistelmä puuttuu. Kirjoita se tai jätä kaikki ruotsinkieliset kentät tyhjiksi.',
      'Ruotsinkielinen teksti puuttuu. Kirjoita se tai jätä kaikki ruotsinkieliset kentät tyhjiksi.',
    ]);
    const en = validateNewsForm(form({ ...finnish, body_en: 'Text only' }), choices, 'en');
    assert.deepEqual(en.ok ? [] : en.errors.map((e) => e.message)[0], 'The English title is missing. Write it, or leave all the English fields empty.');
  });

  it('counts a field of spaces only as empty', () => {
    assert.deepEqual(fieldsOf(validateNewsForm(form({ ...finnish, summary_fi: '   \n ' }), choices, 'fi')), ['summary_fi']);
  });

  it('limits the title to 200, the summary to 500 and the body to 20 000 characters, counting characters not bytes', () => {
    assert.ok(validateNewsForm(form({ ...finnish, title_fi: 'ä'.repeat(200), summary_fi: '€'.repeat(500), body_fi: 'x'.repeat(20_000) }), choices, 'fi').ok);
    const result = validateNewsForm(form({ ...finnish, title_fi: 'ä'.repeat(201), summary_fi: 's'.repeat(501), body_fi: 'x'.repeat(20_001) }), choices, 'fi');
    assert.deepEqual(fieldsOf(result), ['title_fi', 'summary_fi', 'body_fi']);
    assert.equal(result.ok ? '' : result.errors[0]!.message, 'Suomenkielinen otsikko on liian pitkä: enintään 200 merkkiä (nyt 201).');
  });

  it('refuses regions, priorities and calls that are not among the choices', () => {
    assert.deepEqual(fieldsOf(validateNewsForm(form({ ...finnish, regions: ['99'] }), choices, 'fi')), ['regions']);
    assert.deepEqual(fieldsOf(validateNewsForm(form({ ...finnish, priorities: ['4'] }), choices, 'fi')), ['priorities']);
    assert.deepEqual(fieldsOf(validateNewsForm(form({ ...finnish, priorities: ['x'] }), choices, 'fi')), ['priorities']);
    assert.deepEqual(fieldsOf(validateNewsForm(form({ ...finnish, call: '8' }), choices, 'fi')), ['call']);
    assert.deepEqual(fieldsOf(validateNewsForm(form({ ...finnish, call: 'abc' }), choices, 'fi')), ['call']);
  });

  it('reads posted fields as typed, repeated checkboxes once, Windows line ends as \\n', () => {
    const read = readNewsForm({ title_fi: 'A', body_fi: 'x\r\n\r\ny', regions: ['10', '10', '11'], priorities: '2', call: ' 7 ', version: '3', _csrf: 'token' });
    assert.equal(read.title_fi, 'A');
    assert.equal(read.body_fi, 'x\n\ny');
    assert.deepEqual(read.regions, ['10', '11']);
    assert.deepEqual(read.priorities, ['2']);
    assert.equal(read.call, '7');
    assert.equal(read.version, '3');
    assert.equal(read.title_sv, '');
  });

  it('fills the form from a stored item, with its publication time in Helsinki', () => {
    const filled = newsToForm(
      { texts: { sv: { title: 'R', summary: 'S', body: 'B' } }, regionCodes: ['11'], priorityIds: [3], callId: 7, version: 4, publishAt: '2026-12-24T07:00:00.000Z' },
      'fi',
    );
    assert.equal(filled.title_sv, 'R');
    assert.equal(filled.title_fi, '');
    assert.deepEqual([filled.regions, filled.priorities, filled.call, filled.version], [['11'], ['3'], '7', '4']);
    assert.deepEqual([filled.publish_date, filled.publish_time], ['2026-12-24', '9.00']);
  });

  it('orders the errors as the fields stand on the page', () => {
    const sorted = sortNewsErrors([{ field: 'publish_date', message: '' }, { field: 'regions', message: '' }, { field: 'body_en', message: '' }, { field: 'title_fi', message: '' }]);
    assert.deepEqual(sorted.map((e) => e.field), ['title_fi', 'body_en', 'regions', 'publish_date']);
  });
});

describe('scheduled publication time', () => {
  const now = new Date('2026-11-28T10:00:00Z');

  it('reads a Helsinki date and time into a UTC instant', () => {
    assert.deepEqual(validatePublishAt(form({ publish_date: '2026-12-24', publish_time: '9.00' }), now, 'fi'), { ok: true, publishAt: '2026-12-24T07:00:00.000Z' });
    assert.deepEqual(validatePublishAt(form({ publish_date: '1.7.2027', publish_time: '9:30' }), now, 'en'), { ok: true, publishAt: '2027-07-01T06:30:00.000Z' });
  });

  it('requires both fields, each real', () => {
    const empty = validatePublishAt(form({}), now, 'fi');
    assert.deepEqual(empty.ok ? [] : empty.errors, [
      { field: 'publish_date', message: 'Kirjoita julkaisupäivä.' },
      { field: 'publish_time', message: 'Kirjoita julkaisun kellonaika.' },
    ]);
    const wrong = validatePublishAt(form({ publish_date: '31.2.2027', publish_time: '25.00' }), now, 'fi');
    assert.deepEqual(wrong.ok ? [] : wrong.errors.map((e) => e.field), ['publish_date', 'publish_time']);
  });

  it('refuses a time in the past or now, and one skipped when the clocks go forward', () => {
    const past = validatePublishAt(form({ publish_date: '2026-11-28', publish_time: '12.00' }), now, 'fi');
    assert.deepEqual(past.ok ? [] : past.errors.map((e) => e.field), ['publish_date']);
    assert.ok(validatePublishAt(form({ publish_date: '2026-11-28', publish_time: '12.01' }), now, 'fi').ok);
    const gap = validatePublishAt(form({ publish_date: '2027-03-28', publish_time: '3.30' }), now, 'fi');
    assert.deepEqual(gap.ok ? [] : gap.errors, [{ field: 'publish_time', message: 'Kellonaikaa 3.30 ei ole 28.3.2027, koska kelloja siirretään silloin tunnilla eteenpäin. Valitse toinen aika.' }]);
  });
});
