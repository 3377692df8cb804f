import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { durationInMonths, latestEndDate, parseIsoDate } from './project-duration.js';

describe('project duration', () => {
  it('counts started months: 1 March to 31 May is three, to 1 June four', () => {
    assert.equal(durationInMonths('2025-03-01', '2025-05-31'), 3);
    assert.equal(durationInMonths('2025-03-01', '2025-06-01'), 4);
    assert.equal(durationInMonths('2025-03-15', '2025-04-14'), 1);
    assert.equal(durationInMonths('2025-03-15', '2025-04-15'), 2);
    assert.equal(durationInMonths('2025-03-01', '2025-03-01'), 1);
  });

  it('ends a 36-month project that starts on 1 March 2025 by 29 February 2028 (a leap day)', () => {
    assert.equal(latestEndDate('2025-03-01', 36), '2028-02-29');
    assert.equal(durationInMonths('2025-03-01', '2028-02-29'), 36);
    assert.equal(durationInMonths('2025-03-01', '2028-03-01'), 37);
  });

  it('lets a project from 31 January run to the end of February, however short February is', () => {
    assert.equal(latestEndDate('2025-01-31', 1), '2025-02-28');
    assert.equal(latestEndDate('2024-01-31', 1), '2024-02-29');
    assert.equal(durationInMonths('2025-01-31', '2025-02-28'), 1);
  });

  it('refuses impossible dates and an end before the start', () => {
    assert.equal(parseIsoDate('2025-02-29'), null);
    assert.equal(parseIsoDate('2025-13-01'), null);
    assert.equal(parseIsoDate('1.3.2025'), null);
    assert.equal(durationInMonths('2025-03-02', '2025-03-01'), null);
    assert.equal(latestEndDate('2025-03-01', 0), null);
  });

  it('agrees with itself: a project lasts at most N months exactly when it ends by the latest end date of N months', () => {
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 120 }), (a, b, n) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const months = durationInMonths(start, end)!;
        assert.equal(months <= n, end <= latestEndDate(start, n)!);
      }),
    );
  });
});
