/**
 * When to try a failed delivery again: exponential backoff from a base delay, doubled at each
 * attempt, capped, with up to ±20 % jitter so that many failed deliveries to one receiver do not
 * all come back at the same second. Pure: the caller passes the random number.
 */
export interface BackoffPolicy {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** The longest delay, however many attempts failed. */
  maxMs: number;
  /** Attempts in all, the first included; after the last one the delivery has failed for good. */
  maxAttempts: number;
}

/** E-mail: 1 min, 2, 4, 8 (5 attempts within about 15 minutes). */
export const emailBackoff: BackoffPolicy = { baseMs: 60_000, maxMs: 3_600_000, maxAttempts: 5 };
/** Webhooks: 30 s, 1 min, 2, 4, 8, 16, 32, 64 min (9 attempts over about 2 hours). */
export const webhookBackoff: BackoffPolicy = { baseMs: 30_000, maxMs: 3_600_000 * 6, maxAttempts: 9 };
/** Fanning an event out is a database write; a failure is a bug or an outage, retried for about a day. */
export const eventBackoff: BackoffPolicy = { baseMs: 10_000, maxMs: 3_600_000, maxAttempts: 30 };

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: 'attempts-exhausted' };

/**
 * @param attempts the attempts made so far, the failed one included (1 after the first failure)
 * @param random a number in [0, 1)
 */
export function nextRetry(policy: BackoffPolicy, attempts: number, random: number): RetryDecision {
  if (attempts >= policy.maxAttempts) return { retry: false, reason: 'attempts-exhausted' };
  const exponent = Math.max(0, attempts - 1);
  const plain = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 40));
  const jitter = 0.8 + 0.4 * Math.min(Math.max(random, 0), 1);
  return { retry: true, delayMs: Math.round(Math.min(policy.maxMs, plain * jitter)) };
}
