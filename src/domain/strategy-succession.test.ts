import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkVersionEdit, dayBefore, parseCalendarDate, planNewVersion, type DatedVersion } from './strategy-succession.js';

const elmo: DatedVersion = { id: 1, slug: 'elmo', validFrom: '2019-01-01', validTo: '2023-12-31' };
const current: DatedVersion = { id: 2, slug: 's2024', validFrom: '2024-01-01', validTo: null };

describe('strategy succession', () => {
  it('reads ISO and Finnish-style dates and refuses days that do not exist', () => {
    assert.equal(parseCalendarDate('2028-01-01'), '2028-01-01');
    assert.equal(parseCalendarDate(' 1.3.2028 '), '2028-03-01');
    assert.equal(parseCalendarDate('2027-02-29'), null);
    assert.equal(parseCalendarDate('31.4.2028'), null);
    assert.equal(parseCalendarDate('tomorrow'), null);
  });

  it('finds the day before across month and leap-year ends', () => {
    assert.equal(dayBefore('2028-03-01'), '2028-02-29');
    assert.equal(dayBefore('2028-01-01'), '2027-12-31');
  });

  it('closes the open version the day before a new one begins', () => {
    const plan = planNewVersion([elmo, current], { slug: 's2028', validFrom: '2028-01-01', validTo: null });
    assert.deepEqual(plan, { ok: true, closes: [{ id: 2, validTo: '2027-12-31' }] });
  });

  it('shortens the previous version when it ran past the new start', () => {
    const bounded = { ...current, validTo: '2029-12-31' };
    const plan = planNewVersion([elmo, bounded], { slug: 's2028', validFrom: '2028-07-01', validTo: null });
    assert.deepEqual(plan, { ok: true, closes: [{ id: 2, validTo: '2028-06-30' }] });
  });

  it('leaves a previous version that already ended alone', () => {
    assert.deepEqual(planNewVersion([elmo], { slug: 'gap', validFrom: '2024-06-01', validTo: null }), { ok: true, closes: [] });
  });

  it('refuses an open-ended version placed before a later one, naming it', () => {
    const plan = planNewVersion([elmo, current], { slug: 'old', validFrom: '2018-01-01', validTo: null });
    assert.equal(plan.ok, false);
    assert.deepEqual(!plan.ok && plan.problems.map((p) => (p.kind === 'overlaps' ? p.slug : p.kind)), ['elmo', 's2024']);
  });

  it('refuses a used identifier and an end before the start', () => {
    const plan = planNewVersion([elmo, current], { slug: 'elmo', validFrom: '2030-01-01', validTo: '2029-01-01' });
    assert.deepEqual(!plan.ok && plan.problems.map((p) => p.kind), ['duplicate-slug', 'ends-before-start']);
  });

  it('checks an edit against the other versions only', () => {
    assert.deepEqual(checkVersionEdit([elmo, current], 2, { slug: 's2024', validFrom: '2024-01-01', validTo: null }), []);
    assert.deepEqual(
      checkVersionEdit([elmo, current], 2, { slug: 's2024', validFrom: '2023-06-01', validTo: null }).map((p) => p.kind),
      ['overlaps'],
    );
  });
});
