import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chairAt, chairOfYear, checkRotationOrder, nextHandover, type ChairRotation } from './chair-rotation.js';

const rotation: ChairRotation = {
  baseYear: 2024,
  order: ['16', '17', '18', '19', '10', '11', '12'],
  overrides: {},
};

describe('chair rotation', () => {
  it('gives Keski-Pohjanmaa (16) the chair in the base year 2024', () => {
    assert.deepEqual(chairOfYear(rotation, 2024), { ok: true, year: 2024, regionCode: '16', source: 'rotation' });
  });

  it('passes the chair to the next region in order each year and wraps round after seven years', () => {
    assert.equal(chairRegion(rotation, 2025), '17');
    assert.equal(chairRegion(rotation, 2030), '12');
    assert.equal(chairRegion(rotation, 2031), '16');
    assert.equal(chairRegion(rotation, 2024 + 7 * 100 + 3), '19');
  });

  it('lets a single year be overridden without moving the years after it', () => {
    const withOverride = { ...rotation, overrides: { 2026: '12' } };
    assert.deepEqual(chairOfYear(withOverride, 2026), { ok: true, year: 2026, regionCode: '12', source: 'override' });
    assert.equal(chairRegion(withOverride, 2027), '19');
  });

  it('names no chair before the rotation began, and says when it began', () => {
    assert.deepEqual(chairOfYear(rotation, 2023), { ok: false, year: 2023, reason: 'before-rotation', firstYear: 2024 });
  });

  it('names no chair when the order is empty', () => {
    assert.deepEqual(chairOfYear({ ...rotation, order: [] }, 2025), { ok: false, year: 2025, reason: 'no-rotation' });
  });

  it('hands over at midnight Helsinki time on 1 January, not at midnight UTC', () => {
    assert.equal(chairRegionAt(rotation, '2024-12-31T21:59:59.999Z'), '16');
    assert.equal(chairRegionAt(rotation, '2024-12-31T22:00:00.000Z'), '17');
    assert.equal(nextHandover(new Date('2024-07-01T12:00:00Z')).toISOString(), '2024-12-31T22:00:00.000Z');
  });

  it('finds regions that are unknown or named twice in a proposed order', () => {
    const known = ['10', '11', '12'];
    assert.deepEqual(checkRotationOrder(['10', '11', '10', '99'], known), [
      { kind: 'duplicate-region', regionCode: '10' },
      { kind: 'unknown-region', regionCode: '99' },
    ]);
    assert.deepEqual(checkRotationOrder([], known), [{ kind: 'empty' }]);
    assert.deepEqual(checkRotationOrder(['12', '10', '11'], known), []);
  });
});

function chairRegion(r: ChairRotation, year: number): string | undefined {
  const result = chairOfYear(r, year);
  return result.ok ? result.regionCode : undefined;
}

function chairRegionAt(r: ChairRotation, iso: string): string | undefined {
  const result = chairAt(r, new Date(iso));
  return result.ok ? result.regionCode : undefined;
}
