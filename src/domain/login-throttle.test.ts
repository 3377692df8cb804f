import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressIsLimited, lockedUntilAfterFailure } from './login-throttle.js';

const now = new Date('2026-11-28T10:00:00Z');
const seconds = (d: Date | null) => (d ? (d.getTime() - now.getTime()) / 1000 : null);

describe('sign-in throttling', () => {
  it('lets four failures in a row pass without a wait', () => {
    for (let n = 1; n <= 4; n++) assert.equal(lockedUntilAfterFailure(n, now), null);
  });

  it('waits one minute after the fifth failure and doubles the wait after each further one', () => {
    assert.equal(seconds(lockedUntilAfterFailure(5, now)), 60);
    assert.equal(seconds(lockedUntilAfterFailure(6, now)), 120);
    assert.equal(seconds(lockedUntilAfterFailure(8, now)), 480);
  });

  it('never keeps the owner out for more than fifteen minutes', () => {
    assert.equal(seconds(lockedUntilAfterFailure(9, now)), 900);
    assert.equal(seconds(lockedUntilAfterFailure(1000, now)), 900);
  });

  it('limits one address to 30 failures in its window', () => {
    assert.equal(addressIsLimited(29), false);
    assert.equal(addressIsLimited(30), true);
  });
});
