/**
 * Allocation of a call's grants out of several councils' budgets.
 *
 * Each application's grant splits into council shares by its partners' regions: a partner's request is
 * charged to the council of its region. A project can be funded only when every council involved can
 * pay its share from what is left of its budget.
 *
 * The standard rule walks the ranking from the top: a project is funded when every council involved
 * can pay its share; otherwise it goes on the reserve list, naming each council whose remaining budget
 * was short and by how much, and the walk goes on to the next one. So a project is passed over only
 * because a budget forbids it, never for any other reason.
 *
 * Officers may fix a grant below the requested one; the fixed grant is split over the councils in
 * proportion to the requested shares (largest remainder to the cent, ties to the lower region code),
 * so the shares always add up to the grant exactly.
 *
 * Pure: no I/O, integer cents throughout.
 */

export type AllocationStanding = 'fundable' | 'not-fundable' | 'ineligible';

export interface AllocationApplication<R = unknown> {
  applicationId: number;
  /** Fundable ones in ranking order first; the position among the fundable is the rank. */
  standing: AllocationStanding;
  /** Why it is not fundable or ineligible, carried through to the outcome untouched. */
  reasons: readonly R[];
  /** The grant requested from each council (region code → cents). */
  requestedByRegion: Readonly<Record<string, number>>;
  /** A grant fixed by officers (≤ the request), or null for the requested grant. */
  fixedGrantCents: number | null;
  /** The weighted total score, for the what-if optimum's objective; 0 when not scored. */
  score: number;
}

export interface AllocationInput<R = unknown> {
  /** Each participating council's budget in cents. */
  budgets: Readonly<Record<string, number>>;
  applications: readonly AllocationApplication<R>[];
}

export interface Shortfall {
  regionCode: string;
  /** The council's share of this project. */
  neededCents: number;
  /** What the council had left when this project's turn came. */
  remainingCents: number;
  /** neededCents − remainingCents. */
  shortCents: number;
}

export type AllocationOutcome<R = unknown> =
  | { kind: 'funded'; applicationId: number; rank: number; sharesByRegion: Record<string, number>; grantedCents: number; requestedCents: number }
  | { kind: 'reserve'; applicationId: number; rank: number; reservePosition: number; sharesByRegion: Record<string, number>; requestedCents: number; shortfalls: Shortfall[] }
  | { kind: 'not-fundable'; applicationId: number; requestedCents: number; reasons: readonly R[] }
  | { kind: 'ineligible'; applicationId: number; requestedCents: number; reasons: readonly R[] };

export interface AllocationResult<R = unknown> {
  /** One outcome per application, in the order given. */
  outcomes: AllocationOutcome<R>[];
  remainingByRegion: Record<string, number>;
  grantedByRegion: Record<string, number>;
  fundedCount: number;
  grantedCents: number;
  /** Σ score of the funded projects. */
  fundedScore: number;
}

const sum = (values: Iterable<number>) => {
  let s = 0;
  for (const v of values) s += v;
  return s;
};

export const requestedTotal = (requested: Readonly<Record<string, number>>) => sum(Object.values(requested));

/** The council shares of a grant: the request itself, or a fixed grant split in proportion to it. */
export function sharesOf(requestedByRegion: Readonly<Record<string, number>>, fixedGrantCents: number | null): Record<string, number> {
  const regions = Object.keys(requestedByRegion).sort();
  const requested = requestedTotal(requestedByRegion);
  if (fixedGrantCents === null || fixedGrantCents >= requested) return Object.fromEntries(regions.map((r) => [r, requestedByRegion[r] ?? 0]));
  if (requested === 0) return Object.fromEntries(regions.map((r) => [r, 0]));
  const grant = Math.max(0, fixedGrantCents);
  // Largest remainder: the floor of each exact share, then the cents left over to the largest remainders.
  // BigInt keeps grant × share exact even for amounts of billions of cents.
  const parts = regions.map((r) => {
    const exact = BigInt(grant) * BigInt(requestedByRegion[r] ?? 0);
    return { region: r, floor: Number(exact / BigInt(requested)), remainder: Number(exact % BigInt(requested)) };
  });
  let left = grant - sum(parts.map((p) => p.floor));
  const order = [...parts].sort((a, b) => b.remainder - a.remainder || (a.region < b.region ? -1 : 1));
  for (const p of order) {
    if (left === 0) break;
    p.floor += 1;
    left -= 1;
  }
  return Object.fromEntries(parts.map((p) => [p.region, p.floor]));
}

/** The standard rule: walk the ranking, fund what every involved council can pay, reserve the rest. */
export function allocateStandard<R>(input: AllocationInput<R>): AllocationResult<R> {
  const remaining: Record<string, number> = { ...input.budgets };
  const granted: Record<string, number> = Object.fromEntries(Object.keys(input.budgets).map((r) => [r, 0]));
  const outcomes: AllocationOutcome<R>[] = [];
  let rank = 0;
  let reservePosition = 0;
  let fundedCount = 0;
  let grantedCents = 0;
  let fundedScore = 0;

  for (const app of input.applications) {
    const requestedCents = requestedTotal(app.requestedByRegion);
    if (app.standing !== 'fundable') {
      outcomes.push({ kind: app.standing, applicationId: app.applicationId, requestedCents, reasons: app.reasons });
      continue;
    }
    rank += 1;
    const shares = sharesOf(app.requestedByRegion, app.fixedGrantCents);
    const shortfalls: Shortfall[] = [];
    for (const [region, needed] of Object.entries(shares)) {
      const left = remaining[region] ?? 0;
      if (needed > left) shortfalls.push({ regionCode: region, neededCents: needed, remainingCents: left, shortCents: needed - left });
    }
    if (shortfalls.length > 0) {
      reservePosition += 1;
      outcomes.push({ kind: 'reserve', applicationId: app.applicationId, rank, reservePosition, sharesByRegion: shares, requestedCents, shortfalls });
      continue;
    }
    for (const [region, share] of Object.entries(shares)) {
      // A partner may take part without a grant from a council outside the call: charge nobody for it.
      if (share === 0) continue;
      remaining[region] = (remaining[region] ?? 0) - share;
      granted[region] = (granted[region] ?? 0) + share;
    }
    const grant = sum(Object.values(shares));
    fundedCount += 1;
    grantedCents += grant;
    fundedScore += app.score;
    outcomes.push({ kind: 'funded', applicationId: app.applicationId, rank, sharesByRegion: shares, grantedCents: grant, requestedCents });
  }
  return { outcomes, remainingByRegion: remaining, grantedByRegion: granted, fundedCount, grantedCents, fundedScore };
}
