import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emailBackoff, nextRetry, webhookBackoff, type BackoffPolicy } from './retry-backoff.js';

const policy: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 10 };

describe('retry backoff', () => {
  it('doubles the delay at each failed attempt, starting from the base', () => {
    const delays = [1, 2, 3, 4, 5].map((attempts) => nextRetry(policy, attempts, 0.5));
    assert.deepEqual(delays, [1_000, 2_000, 4_000, 8_000, 16_000].map((delayMs) => ({ retry: true, delayMs })));
  });

  it('never waits longer than the cap', () => {
    assert.deepEqual(nextRetry(policy, 9, 0.5), { retry: true, delayMs: 60_000 });
    assert.deepEqual(nextRetry(policy, 9, 0.999), { retry: true, delayMs: 60_000 });
  });

  it('spreads retries by at most 20 % either way', () => {
    assert.deepEqual(nextRetry(policy, 3, 0), { retry: true, delayMs: 3_200 });
    assert.deepEqual(nextRetry(policy, 3, 0.99999), { retry: true, delayMs: 4_800 });
  });

  it('gives up after the last attempt, saying why', () => {
    assert.deepEqual(nextRetry(policy, 10, 0.5), { retry: false, reason: 'attempts-exhausted' });
    assert.deepEqual(nextRetry(emailBackoff, 5, 0.5), { retry: false, reason: 'attempts-exhausted' });
    assert.equal(nextRetry(emailBackoff, 4, 0.5).retry, true);
  });

  it('retries a webhook over about two hours before giving up', () => {
    let total = 0;
    for (let attempts = 1; attempts < webhookBackoff.maxAttempts; attempts += 1) {
      const next = nextRetry(webhookBackoff, attempts, 0.5);
      assert.equal(next.retry, true);
      if (next.retry) total += next.delayMs;
    }
    assert.equal(total, (30 + 60 + 120 + 240 + 480 + 960 + 1920 + 3840) * 1000);
  });
});
