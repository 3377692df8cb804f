import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptsSubmissions, allowedActions, callPhase, secondsUntilClose, type CallClock } from './call-lifecycle.js';

const call: CallClock = {
  status: 'published',
  opensAt: new Date('2026-11-01T08:00:00.000Z'),
  // 15 December 2026 at 16.15 in Helsinki (UTC+2 in winter).
  closesAt: new Date('2026-12-15T14:15:00.000Z'),
};

describe('call lifecycle', () => {
  it('derives published, open and closed from the clock', () => {
    assert.equal(callPhase(call, new Date('2026-10-31T12:00:00Z')), 'published');
    assert.equal(callPhase(call, new Date('2026-11-01T08:00:00.000Z')), 'open');
    assert.equal(callPhase(call, new Date('2026-12-15T14:14:59.999Z')), 'open');
    assert.equal(callPhase(call, new Date('2026-12-15T14:15:00.000Z')), 'closed');
  });

  it('takes a submission one millisecond before the closing time and refuses one at the closing second', () => {
    assert.equal(acceptsSubmissions(call, new Date('2026-12-15T14:14:59.999Z')), true);
    assert.equal(acceptsSubmissions(call, new Date('2026-12-15T14:15:00.000Z')), false);
    assert.equal(acceptsSubmissions(call, new Date('2026-10-31T23:59:59Z')), false);
  });

  it('keeps the states that officers set, whatever the clock says', () => {
    for (const status of ['draft', 'in_review', 'decided'] as const) {
      assert.equal(callPhase({ ...call, status }, new Date('2026-11-20T12:00:00Z')), status);
      assert.equal(acceptsSubmissions({ ...call, status }, new Date('2026-11-20T12:00:00Z')), false);
    }
  });

  it('lets officers publish a draft, correct a published call and start the review only after closing', () => {
    assert.deepEqual(allowedActions({ ...call, status: 'draft' }, new Date('2026-11-20T12:00:00Z')), ['edit-draft', 'publish', 'delete']);
    assert.deepEqual(allowedActions(call, new Date('2026-11-20T12:00:00Z')), ['correct']);
    assert.deepEqual(allowedActions(call, new Date('2026-12-16T12:00:00Z')), ['correct', 'start-review']);
    assert.deepEqual(allowedActions({ ...call, status: 'in_review' }, new Date('2026-12-16T12:00:00Z')), ['mark-decided']);
    assert.deepEqual(allowedActions({ ...call, status: 'decided' }, new Date('2026-12-16T12:00:00Z')), []);
  });

  it('counts the seconds left', () => {
    assert.equal(secondsUntilClose(call, new Date('2026-12-15T14:14:00.000Z')), 60);
    assert.equal(secondsUntilClose(call, new Date('2026-12-15T14:15:01.000Z')), -1);
  });
});
