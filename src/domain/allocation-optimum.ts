import type { LegacyHighs, LegacyHighsOptions, LegacyHighsSolution } from 'highs';
import { allocateStandard, sharesOf, type AllocationInput, type AllocationStanding } from './allocation.js';

/**
 * The what-if optimum: of the fundable projects, the set that a call's budgets could fund for the
 * greatest Σ score (or the greatest Σ granted cents), whatever the ranking. It only advises: the
 * councils decide by the standard rule (allocation.ts), and this shows what a different rule would
 * have funded instead.
 *
 * The model is an exact 0/1 integer program: one binary per fundable project (1 = funded), one
 * "≤ budget" row per council with the project's council shares as sharesOf gives them (fixed grants
 * split by largest remainder). HiGHS solves it with no relative gap allowed; the binaries are then
 * rounded and the set is checked again in integer cents, so a solver's floating-point tolerance can
 * never overspend a budget.
 *
 * Never worse than the standard outcome on its objective: when the solver stops on a limit, fails, or
 * answers with a set that breaks a budget, the better of its checked answer and the standard rule's
 * funded set is returned, and `status` and `chosen` say so.
 *
 * Ties: when several sets are equally good, the one HiGHS returns stands. HiGHS is deterministic for
 * the same model text and options (fixed random seed, one thread in the Wasm build), and the model
 * text depends only on the input, so the same input always gives the same set, on any machine, as
 * long as the solver finishes within its time limit. Cut short by the limit, the best set found
 * depends on the machine's speed.
 *
 * Pure: the solver is passed in (features/decisions/highs-solver.ts loads it for the app). Note that
 * HiGHS runs synchronously: a call blocks its thread for as long as the solve takes.
 */

/** The part of the HiGHS module used here: one blocking solve of a CPLEX LP text. */
export type AllocationSolver = Pick<LegacyHighs, 'solve'>;

export type OptimumObjective = 'score' | 'amount';

export interface OptimumOptions {
  /** Wall-clock limit for the solver, in seconds. */
  timeLimitSeconds?: number;
}

export const DEFAULT_TIME_LIMIT_SECONDS = 10;

export type OptimumOutcome =
  | { kind: 'selected'; applicationId: number; sharesByRegion: Record<string, number>; grantedCents: number }
  | { kind: 'not-selected'; applicationId: number; standing: AllocationStanding };

/**
 * - optimal: the solver proved the set best (or there was nothing to choose from);
 * - limit-reached: the solver stopped on its time limit; the better of its best set and the standard
 *   set is returned, not proven best;
 * - solver-failed: the solver gave no usable answer, or its answer broke a budget when checked in
 *   cents; the standard set is returned.
 */
export type OptimumStatus = 'optimal' | 'limit-reached' | 'solver-failed';

export interface OptimumTotals {
  selectedCount: number;
  grantedCents: number;
  /** Σ score of the selected projects, added in input order. */
  score: number;
  grantedByRegion: Record<string, number>;
  remainingByRegion: Record<string, number>;
}

export interface OptimumComparison {
  /** Selected here but not funded by the standard rule, in input (ranking) order. */
  added: number[];
  /** Funded by the standard rule but not selected here, in input (ranking) order. */
  dropped: number[];
  /** This set's Σ score minus the standard outcome's. */
  scoreDifference: number;
  /** This set's Σ granted cents minus the standard outcome's. */
  amountDifferenceCents: number;
}

export interface OptimumResult {
  objective: OptimumObjective;
  status: OptimumStatus;
  /** Whose set is returned: the solver's, or the standard rule's funded set (never worse, see above). */
  chosen: 'solver' | 'standard';
  /** HiGHS's own status words ('Optimal', 'Time limit reached', …), or 'not run' when nothing was fundable. */
  solverStatus: string;
  /** The objective value of the solver's checked set (Σ score or Σ cents, added here), or null without one. */
  solverValue: number | null;
  /** One outcome per application, in the order given. */
  outcomes: OptimumOutcome[];
  totals: OptimumTotals;
  comparison: OptimumComparison;
}

interface Candidate {
  /** Index in input.applications. */
  index: number;
  applicationId: number;
  shares: Record<string, number>;
  grantedCents: number;
  score: number;
}

/** The councils of the model: every budget, and any other region a fundable project asks money from. */
function councilsOf(input: AllocationInput, candidates: readonly Candidate[]): string[] {
  const regions = new Set(Object.keys(input.budgets));
  for (const c of candidates) for (const [r, share] of Object.entries(c.shares)) if (share > 0) regions.add(r);
  return [...regions].sort();
}

const coefficient = (c: Candidate, objective: OptimumObjective) => (objective === 'score' ? c.score : c.grantedCents);

/** Terms of a linear expression, a few to a line so that no LP reader meets an overlong line. */
function linearExpression(terms: ReadonlyArray<readonly [number, string]>): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 8) {
    lines.push(
      terms
        .slice(i, i + 8)
        .map(([k, name]) => `${k < 0 ? '-' : '+'} ${String(Math.abs(k))} ${name}`)
        .join(' '),
    );
  }
  return lines.join('\n   ');
}

/**
 * The CPLEX LP text of the 0/1 program. Names are generated (x1… for the fundable projects in input
 * order, council1… for the councils in code order) so no application data reaches the parser.
 * Shares and budgets are integers printed exactly; scores are printed in the shortest form that reads
 * back as the same double.
 */
export function allocationModel(input: AllocationInput, objective: OptimumObjective): { lp: string; variables: string[]; councils: string[] } {
  const candidates = candidatesOf(input);
  return { ...modelText(input, candidates, objective), variables: candidates.map((_, i) => `x${i + 1}`) };
}

function modelText(input: AllocationInput, candidates: readonly Candidate[], objective: OptimumObjective): { lp: string; councils: string[] } {
  const councils = councilsOf(input, candidates);
  const rows = councils
    .map((region, i) => {
      const terms = candidates.flatMap((c, j) => ((c.shares[region] ?? 0) > 0 ? [[c.shares[region]!, `x${j + 1}`] as const] : []));
      return terms.length === 0 ? null : ` council${i + 1}: ${linearExpression(terms)}\n   <= ${String(input.budgets[region] ?? 0)}`;
    })
    .filter((row): row is string => row !== null);
  const names = candidates.map((_, j) => `x${j + 1}`);
  const lp = [
    `\\ What-if allocation: ${candidates.length} fundable projects, ${councils.length} councils, objective ${objective}`,
    'Maximize',
    ` obj: ${linearExpression(candidates.map((c, j) => [coefficient(c, objective), `x${j + 1}`] as const))}`,
    'Subject To',
    // A model without rows is still a model: every project can be funded (all its shares are zero).
    ...(rows.length > 0 ? rows : [` free: 0 ${names[0] ?? 'x1'} >= 0`]),
    'Binary',
    ...Array.from({ length: Math.ceil(names.length / 16) }, (_, i) => ` ${names.slice(i * 16, i * 16 + 16).join(' ')}`),
    'End',
    '',
  ].join('\n');
  return { lp, councils };
}

function candidatesOf(input: AllocationInput): Candidate[] {
  const candidates: Candidate[] = [];
  input.applications.forEach((app, index) => {
    if (app.standing !== 'fundable') return;
    const shares = sharesOf(app.requestedByRegion, app.fixedGrantCents);
    let grantedCents = 0;
    for (const share of Object.values(shares)) grantedCents += share;
    candidates.push({ index, applicationId: app.applicationId, shares, grantedCents, score: app.score });
  });
  return candidates;
}

/** The solver's set, read from the binaries; null when it gave no solution values. */
function readSelection(solution: LegacyHighsSolution, count: number): boolean[] | null {
  const selected: boolean[] = [];
  for (let j = 0; j < count; j++) {
    const column = solution.Columns[`x${j + 1}`] as { Primal?: number } | undefined;
    if (!column || typeof column.Primal !== 'number' || !Number.isFinite(column.Primal)) return null;
    selected.push(column.Primal > 0.5);
  }
  return selected;
}

/** The money each council would pay for the selected set, in integer cents; null when a budget would break. */
function chargeWithinBudgets(input: AllocationInput, candidates: readonly Candidate[], selected: readonly boolean[]): Record<string, number> | null {
  const granted: Record<string, number> = Object.fromEntries(Object.keys(input.budgets).map((r) => [r, 0]));
  candidates.forEach((c, j) => {
    if (!selected[j]) return;
    for (const [r, share] of Object.entries(c.shares)) if (share > 0) granted[r] = (granted[r] ?? 0) + share;
  });
  for (const [r, paid] of Object.entries(granted)) {
    // Paying nothing never breaks a budget, even a negative one (which the solver then finds infeasible).
    if (paid > 0 && (!Number.isSafeInteger(paid) || paid > (input.budgets[r] ?? 0))) return null;
  }
  return granted;
}

function objectiveValue(candidates: readonly Candidate[], selected: readonly boolean[], objective: OptimumObjective): number {
  let value = 0;
  candidates.forEach((c, j) => {
    if (selected[j]) value += coefficient(c, objective);
  });
  return value;
}

const LIMIT_STATUSES = new Set(['Time limit reached', 'Iteration limit reached', 'Bound on objective reached', 'Target for objective reached', 'Interrupted by user']);

function solve(solver: AllocationSolver, lp: string, options: OptimumOptions): { status: string; solution: LegacyHighsSolution | null } {
  const solverOptions: LegacyHighsOptions = {
    output_flag: false,
    mip_rel_gap: 0,
    mip_feasibility_tolerance: 1e-9,
    primal_feasibility_tolerance: 1e-9,
    time_limit: options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
  };
  try {
    const solution = solver.solve(lp, solverOptions);
    return { status: solution.Status, solution };
  } catch (error) {
    // A model the parser rejects, or a Wasm abort: reported, and the standard set stands.
    return { status: `error: ${error instanceof Error ? error.message : String(error)}`, solution: null };
  }
}

export function optimiseAllocation(solver: AllocationSolver, input: AllocationInput, objective: OptimumObjective, options: OptimumOptions = {}): OptimumResult {
  const candidates = candidatesOf(input);
  const standard = allocateStandard(input);
  const fundedByStandard = new Set(standard.outcomes.filter((o) => o.kind === 'funded').map((o) => o.applicationId));
  const standardSet = candidates.map((c) => fundedByStandard.has(c.applicationId));

  let status: OptimumStatus = 'optimal';
  let solverStatus = 'not run';
  let solverSet: boolean[] | null = null;
  if (candidates.length > 0) {
    const solved = solve(solver, modelText(input, candidates, objective).lp, options);
    solverStatus = solved.status;
    const proven = solved.status === 'Optimal';
    const read = solved.solution && (proven || LIMIT_STATUSES.has(solved.status)) ? readSelection(solved.solution, candidates.length) : null;
    if (read && chargeWithinBudgets(input, candidates, read)) {
      solverSet = read;
      status = proven ? 'optimal' : 'limit-reached';
    } else {
      // Stopped on a limit before any set was found: the standard set stands, not proven best.
      status = !proven && !read && LIMIT_STATUSES.has(solved.status) ? 'limit-reached' : 'solver-failed';
    }
  }

  // Never worse than the standard set; an equally good solver set is kept (see the tie rule above).
  const chosen: 'solver' | 'standard' =
    solverSet !== null && objectiveValue(candidates, solverSet, objective) >= objectiveValue(candidates, standardSet, objective) ? 'solver' : 'standard';
  const selected = chosen === 'solver' && solverSet ? solverSet : standardSet;
  const solverValue = solverSet === null ? null : objectiveValue(candidates, solverSet, objective);
  return present(input, candidates, selected, standardSet, { objective, status, chosen, solverStatus, solverValue });
}

function present(
  input: AllocationInput,
  candidates: readonly Candidate[],
  selected: readonly boolean[],
  standardSet: readonly boolean[],
  head: Pick<OptimumResult, 'objective' | 'status' | 'chosen' | 'solverStatus' | 'solverValue'>,
): OptimumResult {
  const granted = chargeWithinBudgets(input, candidates, selected);
  // Both the standard set and a chosen solver set were checked already; this cannot fail.
  if (!granted) throw new Error('optimiseAllocation: a checked set broke a budget');
  const candidateAt = new Map(candidates.map((c, j) => [c.index, j]));
  const outcomes: OptimumOutcome[] = input.applications.map((app, index) => {
    const j = candidateAt.get(index);
    const c = j === undefined ? undefined : candidates[j];
    return c && selected[j!]
      ? { kind: 'selected', applicationId: c.applicationId, sharesByRegion: c.shares, grantedCents: c.grantedCents }
      : { kind: 'not-selected', applicationId: app.applicationId, standing: app.standing };
  });
  const score = objectiveValue(candidates, selected, 'score');
  const grantedCents = objectiveValue(candidates, selected, 'amount');
  return {
    ...head,
    outcomes,
    totals: {
      selectedCount: selected.filter(Boolean).length,
      grantedCents,
      score,
      grantedByRegion: granted,
      remainingByRegion: Object.fromEntries(Object.entries(input.budgets).map(([r, budget]) => [r, budget - (granted[r] ?? 0)])),
    },
    comparison: {
      added: candidates.filter((_, j) => selected[j] && !standardSet[j]).map((c) => c.applicationId),
      dropped: candidates.filter((_, j) => !selected[j] && standardSet[j]).map((c) => c.applicationId),
      scoreDifference: score - objectiveValue(candidates, standardSet, 'score'),
      amountDifferenceCents: grantedCents - objectiveValue(candidates, standardSet, 'amount'),
    },
  };
}
