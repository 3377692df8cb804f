import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { helsinkiDate, helsinkiToUtc, helsinkiYear, startOfHelsinkiYear } from './helsinki-time.js';

describe('Helsinki time', () => {
  it('turns the year at midnight Helsinki time, two hours before UTC in winter', () => {
    assert.equal(helsinkiYear(new Date('2024-12-31T21:59:59.999Z')), 2024);
    assert.equal(helsinkiYear(new Date('2024-12-31T22:00:00.000Z')), 2025);
  });

  it('gives the start of a year as a UTC instant', () => {
    assert.equal(startOfHelsinkiYear(2025).toISOString(), '2024-12-31T22:00:00.000Z');
  });

  it('maps summer wall-clock times at UTC+3 and winter ones at UTC+2', () => {
    const summer = helsinkiToUtc({ year: 2024, month: 8, day: 31, hour: 16, minute: 15, second: 0 });
    assert.equal(summer.toISOString(), '2024-08-31T13:15:00.000Z');
    const winter = helsinkiToUtc({ year: 2024, month: 1, day: 31, hour: 16, minute: 15, second: 0 });
    assert.equal(winter.toISOString(), '2024-01-31T14:15:00.000Z');
  });

  it('takes the earlier instant of the hour that occurs twice in October', () => {
    const repeated = helsinkiToUtc({ year: 2024, month: 10, day: 27, hour: 3, minute: 30, second: 0 });
    assert.equal(repeated.toISOString(), '2024-10-27T00:30:00.000Z');
  });

  it('moves a time in the hour skipped in March to the instant the clocks jumped', () => {
    const skipped = helsinkiToUtc({ year: 2024, month: 3, day: 31, hour: 3, minute: 30, second: 0 });
    assert.equal(skipped.toISOString(), '2024-03-31T01:30:00.000Z');
  });

  it('reads the date in Helsinki, not in UTC', () => {
    assert.equal(helsinkiDate(new Date('2024-06-30T21:30:00Z')), '2024-07-01');
  });
});
