import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCalendarDate, formatDate, formatDateTime, formatMoney } from './format.js';

const nbsp = '\u00a0';

describe('formatting money and times', () => {
  it('writes euros the Finnish way with a non-breaking space as thousands separator', () => {
    assert.equal(formatMoney(123450, 'fi'), `1${nbsp}234,50${nbsp}€`);
    assert.equal(formatMoney(210_000_000, 'fi', { wholeEuros: true }), `2${nbsp}100${nbsp}000${nbsp}€`);
    assert.equal(formatMoney(123450, 'en'), '€1,234.50');
  });

  it('refuses fractions of a cent', () => {
    assert.throws(() => formatMoney(1.5, 'fi'), RangeError);
  });

  it('shows instants in Helsinki time with "klo" in Finnish and "kl." in Swedish', () => {
    assert.equal(formatDateTime('2024-08-31T13:15:00Z', 'fi'), '31.8.2024 klo 16.15');
    assert.equal(formatDateTime('2024-08-31T13:15:00Z', 'sv'), '31.8.2024 kl. 16.15');
    assert.equal(formatDateTime('2024-08-31T13:15:00Z', 'en'), '31 August 2024 at 16:15');
  });

  it('shows the Helsinki date even when the UTC date is the day before', () => {
    assert.equal(formatDate('2024-12-31T22:30:00Z', 'fi'), '1.1.2025');
  });

  it('shows a calendar date without shifting it by time zone', () => {
    assert.equal(formatCalendarDate('2024-01-01', 'fi'), '1.1.2024');
    assert.equal(formatCalendarDate('2024-01-01', 'sv', 'long'), '1 januari 2024');
  });
});
