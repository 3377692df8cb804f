/**
 * When an account stops taking password attempts. After five failures in a row the account waits
 * one minute, and each further failure doubles the wait up to fifteen minutes. The wait is short on
 * purpose: an attacker who knows an e-mail address cannot keep its owner out for long, while a
 * guesser gets at most a few hundred tries a day. A correct password resets the count. Sign-in by
 * a password reset link is never throttled by this rule.
 */
export const loginThrottle = { freeFailures: 5, firstLockSeconds: 60, maxLockSeconds: 900 } as const;

export function lockedUntilAfterFailure(failuresInARow: number, now: Date): Date | null {
  if (failuresInARow < loginThrottle.freeFailures) return null;
  const doublings = failuresInARow - loginThrottle.freeFailures;
  const seconds = Math.min(loginThrottle.firstLockSeconds * 2 ** Math.min(doublings, 20), loginThrottle.maxLockSeconds);
  return new Date(now.getTime() + seconds * 1000);
}

/** Failed sign-ins allowed from one address in the window, whatever accounts they try. */
export const addressLimit = { failures: 30, windowMinutes: 15 } as const;

export function addressIsLimited(failuresInWindow: number): boolean {
  return failuresInWindow >= addressLimit.failures;
}
