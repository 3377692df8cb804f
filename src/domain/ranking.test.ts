import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fraction } from './fraction.js';
import { rankApplications, type RankingEntry } from './ranking.js';

/** An entry with the defaults of a tie on everything but the application number. */
const entry = (applicationId: number, spec: Partial<RankingEntry> = {}): RankingEntry => ({
  applicationId,
  total: fraction(20),
  contentTotal: fraction(12),
  requestedCents: 33_600_000,
  submittedAt: '2026-11-10T10:00:00.000Z',
  ...spec,
});

const order = (entries: RankingEntry[]) => rankApplications(entries).map((r) => r.entry.applicationId);

describe('the ranking list', () => {
  it('puts the highest weighted total first and numbers the ranks from 1', () => {
    const ranked = rankApplications([entry(1, { total: fraction(15) }), entry(2, { total: fraction(22) }), entry(3, { total: fraction(18) })]);
    assert.deepEqual(
      ranked.map((r) => [r.rank, r.entry.applicationId, r.tieBrokenBy]),
      [
        [1, 2, null],
        [2, 3, null],
        [3, 1, null],
      ],
    );
  });

  it('compares totals exactly: 41/3 ranks above 13.66 written as 683/50', () => {
    assert.deepEqual(order([entry(1, { total: fraction(683, 50) }), entry(2, { total: fraction(41, 3) })]), [2, 1]);
  });

  it('breaks a tie on the total first by the higher weighted score of the content criteria', () => {
    const ranked = rankApplications([entry(1, { contentTotal: fraction(9) }), entry(2, { contentTotal: fraction(15) })]);
    assert.deepEqual(ranked.map((r) => r.entry.applicationId), [2, 1]);
    assert.equal(ranked[1]?.tieBrokenBy, 'content-score');
  });

  it('then by the smaller requested grant, even against an earlier submission and a lower number', () => {
    const ranked = rankApplications([
      entry(1, { requestedCents: 40_000_000, submittedAt: '2026-11-01T08:00:00.000Z' }),
      entry(2, { requestedCents: 25_000_000, submittedAt: '2026-11-12T08:00:00.000Z' }),
    ]);
    assert.deepEqual(ranked.map((r) => r.entry.applicationId), [2, 1]);
    assert.equal(ranked[1]?.tieBrokenBy, 'requested-grant');
  });

  it('then by the earlier submission, to the millisecond', () => {
    const ranked = rankApplications([entry(1, { submittedAt: '2026-11-10T10:00:00.001Z' }), entry(2, { submittedAt: '2026-11-10T10:00:00.000Z' })]);
    assert.deepEqual(ranked.map((r) => r.entry.applicationId), [2, 1]);
    assert.equal(ranked[1]?.tieBrokenBy, 'submitted-at');
  });

  it('compares submission instants, not how they are written', () => {
    // The same instant in two spellings is a tie, settled by the application number.
    const ranked = rankApplications([entry(2, { submittedAt: '2026-11-10T12:00:00+02:00' }), entry(1, { submittedAt: '2026-11-10T10:00:00.000Z' })]);
    assert.deepEqual(ranked.map((r) => r.entry.applicationId), [1, 2]);
    assert.equal(ranked[1]?.tieBrokenBy, 'application-id');
  });

  it('finally by the lower application number, so no two entries are ever level', () => {
    const ranked = rankApplications([entry(9), entry(4), entry(7)]);
    assert.deepEqual(ranked.map((r) => [r.rank, r.entry.applicationId, r.tieBrokenBy]), [
      [1, 4, null],
      [2, 7, 'application-id'],
      [3, 9, 'application-id'],
    ]);
  });

  it('names no tie-break for an entry whose total differs from the one above, even when other keys are equal', () => {
    const ranked = rankApplications([entry(1, { total: fraction(19) }), entry(2)]);
    assert.equal(ranked[1]?.tieBrokenBy, null);
  });

  it('keeps what the caller attached to each entry', () => {
    const ranked = rankApplications([{ ...entry(1), title: 'Arktinen vety' }]);
    assert.equal(ranked[0]?.entry.title, 'Arktinen vety');
  });

  it('ranks nothing when nothing is fundable', () => {
    assert.deepEqual(rankApplications([]), []);
  });
});
