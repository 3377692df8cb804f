import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compare, fraction } from './fraction.js';
import { rankApplications, type RankingEntry, type TieBreak } from './ranking.js';

/**
 * Property-based tests of the ranking: whatever fundable applications a call has, the list is one
 * total order that follows the documented tie-breaks in turn. Values are drawn from small ranges so
 * that ties on the total, the content score, the grant and the submission time are common.
 */

const smallFraction = fc.record({ num: fc.integer({ min: 0, max: 12 }), den: fc.integer({ min: 1, max: 3 }) }).map((f) => fraction(f.num, f.den));
const instants = ['2026-11-10T10:00:00.000Z', '2026-11-10T10:00:00.001Z', '2026-11-12T08:30:00.000Z'] as const;

const entries: fc.Arbitrary<RankingEntry[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 0, maxLength: 25 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((applicationId) =>
        fc.record({
          applicationId: fc.constant(applicationId),
          total: smallFraction,
          contentTotal: smallFraction,
          requestedCents: fc.constantFrom(5_000_000, 20_000_000, 33_600_000),
          submittedAt: fc.constantFrom(...instants),
        }),
      ),
    ),
  );

/** The first documented key on which a and b differ, and whether a goes first by it. */
function firstDifference(a: RankingEntry, b: RankingEntry): { by: TieBreak | 'total'; aFirst: boolean } {
  if (compare(a.total, b.total) !== 0) return { by: 'total', aFirst: compare(a.total, b.total) > 0 };
  if (compare(a.contentTotal, b.contentTotal) !== 0) return { by: 'content-score', aFirst: compare(a.contentTotal, b.contentTotal) > 0 };
  if (a.requestedCents !== b.requestedCents) return { by: 'requested-grant', aFirst: a.requestedCents < b.requestedCents };
  if (a.submittedAt !== b.submittedAt) return { by: 'submitted-at', aFirst: Date.parse(a.submittedAt) < Date.parse(b.submittedAt) };
  return { by: 'application-id', aFirst: a.applicationId < b.applicationId };
}

const ids = (list: RankingEntry[]) => rankApplications(list).map((r) => r.entry.applicationId);

describe('ranking properties', () => {
  it('does not depend on the order the entries arrive in', () => {
    fc.assert(
      fc.property(
        entries.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        ([list, shuffled]) => {
          assert.deepEqual(ids(shuffled), ids(list));
          assert.deepEqual(ids([...list].reverse()), ids(list));
        },
      ),
    );
  });

  it('ranks every entry exactly once, numbered 1 to n', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const ranked = rankApplications(list);
        assert.deepEqual(ranked.map((r) => r.rank), list.map((_, i) => i + 1));
        assert.deepEqual([...ids(list)].sort((a, b) => a - b), list.map((e) => e.applicationId).sort((a, b) => a - b));
      }),
    );
  });

  it('is a total order: any two entries stand in the list as the documented keys order them', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const ranked = rankApplications(list);
        for (let i = 0; i < ranked.length; i++) {
          for (let j = i + 1; j < ranked.length; j++) {
            const above = ranked[i]!.entry;
            const below = ranked[j]!.entry;
            assert.equal(firstDifference(above, below).aFirst, true, `${above.applicationId} above ${below.applicationId}`);
          }
        }
      }),
    );
  });

  it('applies each tie-break only when every key before it is equal, and names the one that decided', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const ranked = rankApplications(list);
        ranked.forEach((r, i) => {
          if (i === 0) {
            assert.equal(r.tieBrokenBy, null);
            return;
          }
          const { by } = firstDifference(ranked[i - 1]!.entry, r.entry);
          assert.equal(r.tieBrokenBy, by === 'total' ? null : by);
        });
      }),
    );
  });

  it('keeps the list as it was when an entry joins that is level with the last on every key but a higher number', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const last = rankApplications(list).at(-1);
        if (!last) return;
        const newcomer: RankingEntry = { ...last.entry, applicationId: 10_001 };
        assert.deepEqual(ids([newcomer, ...list]), [...ids(list), 10_001]);
      }),
    );
  });
});
