/**
 * Strategies are versioned: one is in force at a time, the older stay readable. A version is in
 * force on the days from valid_from to valid_to inclusive (an open end means until replaced).
 */
export interface StrategyPeriod {
  readonly validFrom: string;
  readonly validTo: string | null;
}

export function isInForce(strategy: StrategyPeriod, today: string): boolean {
  return strategy.validFrom <= today && (strategy.validTo === null || today <= strategy.validTo);
}

/** The version in force on a date; where periods overlap, the one that began last. */
export function strategyInForce<S extends StrategyPeriod>(strategies: readonly S[], today: string): S | undefined {
  return strategies
    .filter((s) => isInForce(s, today))
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))[0];
}

export type VersionStatus = 'in-force' | 'earlier' | 'upcoming';

export function versionStatus(strategy: StrategyPeriod, inForce: StrategyPeriod | undefined, today: string): VersionStatus {
  if (strategy === inForce) return 'in-force';
  return strategy.validFrom > today ? 'upcoming' : 'earlier';
}
