import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptsSubmissions, callPhase, secondsUntilClose, type CallClock } from './call-lifecycle.js';
import { helsinkiToUtc, helsinkiWallClock } from './helsinki-time.js';

/**
 * Deadlines to the second in Helsinki time: the closing instant itself is already late, and a
 * closing time typed as Helsinki wall-clock time lands on the right UTC instant across the
 * daylight-saving changes of 2026 (29 March: 03.00 → 04.00; 25 October: 04.00 → 03.00).
 */

const at = (iso: string) => new Date(iso);
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);
const clock = (closesAt: Date): CallClock => ({ status: 'published', opensAt: at('2026-01-01T00:00:00Z'), closesAt });

describe('submission deadline', () => {
  it('16.15 Helsinki time is 14.15Z in winter and 13.15Z in summer', () => {
    assert.equal(helsinkiToUtc({ year: 2026, month: 12, day: 15, hour: 16, minute: 15, second: 0 }).toISOString(), '2026-12-15T14:15:00.000Z');
    assert.equal(helsinkiToUtc({ year: 2026, month: 6, day: 15, hour: 16, minute: 15, second: 0 }).toISOString(), '2026-06-15T13:15:00.000Z');
    // The days of the changes themselves, after the change.
    assert.equal(helsinkiToUtc({ year: 2026, month: 3, day: 29, hour: 16, minute: 15, second: 0 }).toISOString(), '2026-03-29T13:15:00.000Z');
    assert.equal(helsinkiToUtc({ year: 2026, month: 10, day: 25, hour: 16, minute: 15, second: 0 }).toISOString(), '2026-10-25T14:15:00.000Z');
  });

  it('is open one millisecond before the closing instant and closed at it', () => {
    const closesAt = helsinkiToUtc({ year: 2026, month: 12, day: 15, hour: 16, minute: 15, second: 0 });
    const call = clock(closesAt);
    assert.equal(callPhase(call, ms(closesAt, -1)), 'open');
    assert.equal(acceptsSubmissions(call, ms(closesAt, -1)), true);
    assert.equal(callPhase(call, closesAt), 'closed');
    assert.equal(acceptsSubmissions(call, closesAt), false);
    assert.equal(acceptsSubmissions(call, ms(closesAt, 1000)), false);
    assert.equal(secondsUntilClose(call, ms(closesAt, -1)), 0);
    assert.equal(secondsUntilClose(call, ms(closesAt, -1001)), 1);
  });

  it('takes nothing before the opening instant and from it on', () => {
    const call: CallClock = { status: 'published', opensAt: at('2026-11-01T08:00:00Z'), closesAt: at('2026-12-15T14:15:00Z') };
    assert.equal(callPhase(call, ms(call.opensAt, -1)), 'published');
    assert.equal(acceptsSubmissions(call, ms(call.opensAt, -1)), false);
    assert.equal(acceptsSubmissions(call, call.opensAt), true);
  });

  it('never takes a submission in a call an officer has not published or has moved on', () => {
    const closesAt = at('2026-12-15T14:15:00Z');
    for (const status of ['draft', 'in_review', 'decided'] as const) {
      assert.equal(acceptsSubmissions({ ...clock(closesAt), status }, ms(closesAt, -60_000)), false, status);
    }
  });

  it('a closing time of 03.30 on 29 March 2026, in the skipped hour, is read as 04.30 summer time (01.30Z)', () => {
    // 03.00–03.59 does not exist that night: at 01.00Z the clocks went from 03.00 to 04.00. helsinkiToUtc
    // reads the time with the offset before the jump (UTC+2), which lands 30 minutes after it, on 04.30 EEST.
    const closesAt = helsinkiToUtc({ year: 2026, month: 3, day: 29, hour: 3, minute: 30, second: 0 });
    assert.equal(closesAt.toISOString(), '2026-03-29T01:30:00.000Z');
    assert.deepEqual(helsinkiWallClock(closesAt), { year: 2026, month: 3, day: 29, hour: 4, minute: 30, second: 0 });
    // The hour before: 02.59.59 is still winter time, one second before the jump.
    assert.equal(helsinkiToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 59, second: 59 }).toISOString(), '2026-03-29T00:59:59.000Z');
    assert.equal(helsinkiToUtc({ year: 2026, month: 3, day: 29, hour: 4, minute: 0, second: 0 }).toISOString(), '2026-03-29T01:00:00.000Z');
    const call = clock(closesAt);
    assert.equal(callPhase(call, at('2026-03-29T01:00:00.000Z')), 'open'); // 04.00 EEST
    assert.equal(callPhase(call, at('2026-03-29T01:29:59.999Z')), 'open');
    assert.equal(callPhase(call, at('2026-03-29T01:30:00.000Z')), 'closed');
  });

  it('a closing time of 03.30 on 25 October 2026, in the repeated hour, is its first occurrence (00.30Z, summer time)', () => {
    const closesAt = helsinkiToUtc({ year: 2026, month: 10, day: 25, hour: 3, minute: 30, second: 0 });
    assert.equal(closesAt.toISOString(), '2026-10-25T00:30:00.000Z');
    // The wall clock reads 03.30 twice: at 00.30Z (UTC+3) and again an hour later at 01.30Z (UTC+2).
    assert.deepEqual(helsinkiWallClock(at('2026-10-25T00:30:00Z')), { year: 2026, month: 10, day: 25, hour: 3, minute: 30, second: 0 });
    assert.deepEqual(helsinkiWallClock(at('2026-10-25T01:30:00Z')), { year: 2026, month: 10, day: 25, hour: 3, minute: 30, second: 0 });
    const call = clock(closesAt);
    assert.equal(callPhase(call, at('2026-10-25T00:29:59.999Z')), 'open');
    assert.equal(callPhase(call, closesAt), 'closed');
    // The second 03.15 of the night is after the deadline even though the clock shows an earlier time.
    assert.deepEqual(helsinkiWallClock(at('2026-10-25T01:15:00Z')).hour, 3);
    assert.equal(callPhase(call, at('2026-10-25T01:15:00Z')), 'closed');
  });

  it('keeps the seconds: 16.14.59 and 16.15.00 are one second apart whatever the season', () => {
    for (const month of [1, 3, 6, 10, 12]) {
      const a = helsinkiToUtc({ year: 2026, month, day: 20, hour: 16, minute: 14, second: 59 });
      const b = helsinkiToUtc({ year: 2026, month, day: 20, hour: 16, minute: 15, second: 0 });
      assert.equal(b.getTime() - a.getTime(), 1000, `month ${month}`);
    }
  });
});
