/**
 * When a one-time code from an authenticator app counts (RFC 6238): codes change every 30 seconds,
 * a code from the step before or after the current one is still taken (clocks drift and people type
 * slowly), and a step once accepted can never be accepted again, so a code seen over someone's
 * shoulder or replayed from a log is worthless.
 */
export const totpRule = { periodSeconds: 30, digits: 6, tolerance: 1 } as const;

/** The time step of an instant: whole periods since the Unix epoch. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / totpRule.periodSeconds);
}

/**
 * The steps whose codes may be tried now, oldest first, leaving out every step at or before the
 * last one accepted.
 */
export function candidateSteps(now: Date, lastAcceptedStep: number | null): number[] {
  const current = totpStep(now);
  const steps: number[] = [];
  for (let delta = -totpRule.tolerance; delta <= totpRule.tolerance; delta++) {
    const step = current + delta;
    if (lastAcceptedStep === null || step > lastAcceptedStep) steps.push(step);
  }
  return steps;
}

/** Whether what the user typed can be an authenticator code at all (spaces allowed, as apps show "123 456"). */
export function normaliseTotpCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return new RegExp(`^[0-9]{${totpRule.digits}}$`).test(digits) ? digits : null;
}
