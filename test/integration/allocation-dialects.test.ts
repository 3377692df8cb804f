import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../src/db/database.js';
import { allocateStandard, type AllocationApplication, type AllocationInput, type AllocationResult } from '../../src/domain/allocation.js';
import { optimiseAllocation, type OptimumResult } from '../../src/domain/allocation-optimum.js';
import { add, fraction, isAtLeast, times, toNumber, type Fraction } from '../../src/domain/fraction.js';
import { rankApplications } from '../../src/domain/ranking.js';
import { canonicalJson } from '../../src/features/applications/submission.snapshot.js';
import { assessCall, type StandingReason } from '../../src/features/decisions/call-assessment.js';
import { allocationSolver } from '../../src/features/decisions/highs-solver.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation } from '../helpers/factories.js';
import { buildAssignment, buildClosedCall, buildReviewer, buildSubmittedApplication, startReview, submitScores } from '../helpers/review-factories.js';

/**
 * The same call on every database gives the same ranking, the same standard allocation and the same
 * what-if optima, to the cent and to the application, and all of it equals what the pure rules give
 * for the same applications held in memory. Application ids are replaced by their position in the
 * call, so autoincrement differences between databases cannot matter.
 */

const COUNCILS = ['11', '12', '17', '18', '19'] as const;
const BUDGETS = { '11': 45_000_000, '12': 40_000_000, '17': 60_000_000, '18': 35_000_000, '19': 50_000_000 };
const MIN_TOTAL = 14;
const eur = (euros: number) => euros * 100;

interface Spec {
  /** Each partner's region and requested cents; the first is the lead. '10' takes no part in the call. */
  partners: Array<{ region: string; requestedCents: number }>;
  /** The fill score of each reviewer who submitted (every scored criterion gets it, capped at its scale). */
  fills: number[];
  /** A further cleared reviewer who has not submitted. */
  pending: boolean;
  ineligible: string | null;
  fixedGrantCents: number | null;
  submittedAt: string;
}

/** 30 applications of 1–4 partners in varied councils, scores in halves, some ties, fixed grants and failures. */
const specs: Spec[] = Array.from({ length: 30 }, (_, i) => {
  const partners: Spec['partners'] = Array.from({ length: 1 + (i % 4) }, (_, k) => ({
    region: COUNCILS[(i + 2 * k) % COUNCILS.length]!,
    requestedCents: eur(40_000 + ((i * 7 + k * 13) % 11) * 15_000),
  }));
  if (i % 7 === 3) partners.push({ region: '10', requestedCents: 0 });
  const request = partners.reduce((s, p) => s + p.requestedCents, 0);
  const pairs = [[5, 4], [4, 4], [3, 5], [5, 5], [4, 3], [3, 3], [5, 3], [4, 5], [3, 4]] as const;
  return {
    partners,
    fills: i === 13 ? [2, 2] : [...pairs[i % pairs.length]!],
    pending: i === 9,
    ineligible: i === 4 || i === 21 ? 'Hakija ei ole oikeushenkilö.' : null,
    fixedGrantCents: i === 2 || i === 17 || i === 26 ? Math.floor((request * 7) / 10) + 1 : null,
    submittedAt: `2026-11-1${i % 3}T10:00:00.000Z`,
  };
});

/** The weighted totals the call's criteria give (content ×3, specifying ×2, horizontal 0–3 ×1). */
function totals(fills: number[]): { total: Fraction; content: Fraction } {
  const mean = (values: number[]) => fraction(values.reduce((s, v) => s + v, 0), values.length);
  const content = times(mean(fills), 3);
  return { content, total: add(add(content, times(mean(fills), 2)), mean(fills.map((f) => Math.min(f, 3)))) };
}

/** The allocation input that the pure rules give for the specs, with each application's position as its id. */
function inMemoryInput(): AllocationInput<StandingReason> {
  const apps = specs.map((s, i) => {
    const { total, content } = totals(s.fills);
    const requestedByRegion: Record<string, number> = {};
    for (const p of s.partners) requestedByRegion[p.region] = (requestedByRegion[p.region] ?? 0) + p.requestedCents;
    const reasons: StandingReason[] = [];
    if (s.ineligible) reasons.push({ code: 'formally-ineligible', reason: s.ineligible });
    else {
      if (s.pending) reasons.push({ code: 'reviews-missing', submitted: s.fills.length, expected: s.fills.length + 1 });
      if (!isAtLeast(total, MIN_TOTAL)) reasons.push({ code: 'below-minimum', total, minimum: MIN_TOTAL });
    }
    const application: AllocationApplication<StandingReason> = {
      applicationId: i + 1,
      standing: s.ineligible ? 'ineligible' : reasons.length > 0 ? 'not-fundable' : 'fundable',
      reasons,
      requestedByRegion,
      fixedGrantCents: s.fixedGrantCents,
      score: toNumber(total),
    };
    return { application, total, content, requestedCents: s.partners.reduce((sum, p) => sum + p.requestedCents, 0), submittedAt: s.submittedAt };
  });
  const ranked = rankApplications(
    apps.filter((a) => a.application.standing === 'fundable').map((a) => ({ ...a, applicationId: a.application.applicationId, contentTotal: a.content })),
  );
  return {
    budgets: BUDGETS,
    applications: [
      ...ranked.map((r) => r.entry.application),
      ...apps.filter((a) => a.application.standing === 'not-fundable').map((a) => a.application),
      ...apps.filter((a) => a.application.standing === 'ineligible').map((a) => a.application),
    ],
  };
}

/** Stores the specs as a call in review; returns the application ids in spec order. */
async function seedCall(db: Db): Promise<{ callId: number; ids: number[] }> {
  const call = await buildClosedCall(db, { budgets: BUDGETS });
  const reviewers = [await buildReviewer(db), await buildReviewer(db), await buildReviewer(db)];
  const ids: number[] = [];
  for (const s of specs) {
    const [lead, ...others] = s.partners;
    const app = await buildSubmittedApplication(db, {
      call,
      lead: { organisation: await buildOrganisation(db, { region: lead!.region }), region: lead!.region, requestedCents: lead!.requestedCents },
      partners: others.map((p) => ({ region: p.region, requestedCents: p.requestedCents })),
      submittedAt: s.submittedAt,
    });
    for (const [k, fill] of s.fills.entries()) await submitScores(db, await buildAssignment(db, { applicationId: app.id, reviewer: reviewers[k]! }), {}, fill);
    if (s.pending) await buildAssignment(db, { applicationId: app.id, reviewer: reviewers[2]! });
    if (s.ineligible || s.fixedGrantCents !== null) {
      await db
        .insertInto('application_assessments')
        .values({
          application_id: app.id,
          ineligible_reason: s.ineligible,
          ineligible_by: null,
          ineligible_at: s.ineligible ? '2026-11-17T10:00:00.000Z' : null,
          fixed_grant_cents: s.fixedGrantCents,
          fixed_reason: s.fixedGrantCents === null ? null : 'Matkakulut on mitoitettu liian suuriksi.',
          fixed_by: null,
          fixed_at: s.fixedGrantCents === null ? null : '2026-11-17T10:00:00.000Z',
        })
        .execute();
    }
    ids.push(app.id);
  }
  await startReview(db, call);
  return { callId: call.id, ids };
}

/** The same value with every application id replaced by its position in the call (1-based). */
function byPosition(value: unknown, position: ReadonlyMap<number, number>): unknown {
  const at = (id: unknown) => {
    const p = position.get(id as number);
    if (p === undefined) throw new Error(`unknown application id ${String(id)}`);
    return p;
  };
  if (Array.isArray(value)) return value.map((v) => byPosition(v, position));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'applicationId' ? at(v) : k === 'added' || k === 'dropped' ? (v as number[]).map(at) : byPosition(v, position)]),
  );
}

interface Outcome {
  input: AllocationInput<StandingReason>;
  standard: AllocationResult<StandingReason>;
  optimumByScore: OptimumResult;
  optimumByAmount: OptimumResult;
}

/** Everything the councils and the what-if page would see. */
async function outcomeOf(input: AllocationInput<StandingReason>): Promise<Outcome> {
  const solver = await allocationSolver();
  // Time enough to prove both optima (a few seconds here): a set cut short by the clock could differ between runs.
  const limit = { timeLimitSeconds: 600 };
  return {
    input,
    standard: allocateStandard(input),
    optimumByScore: optimiseAllocation(solver, input, 'score', limit),
    optimumByAmount: optimiseAllocation(solver, input, 'amount', limit),
  };
}

// The exact optimum of 26 projects takes the solver a few seconds: the in-memory one is worked out once.
let expected: Promise<Outcome> | undefined;
const expectedOutcome = () => (expected ??= outcomeOf(inMemoryInput()));

const seen = new Map<string, string>();

for (const dialect of testDialects()) {
  describe(`allocation of one call on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(async () => t?.close());

    it('gives the ranking, the standard allocation and both optima that the pure rules give for the same applications', async () => {
      // One transaction: thirty applications' rows are written with one commit, not hundreds.
      const { callId, ids } = await t.database.db.transaction().execute((trx) => seedCall(trx));
      const assessed = await assessCall(t.database.db, callId);
      assert.ok(assessed);
      const position = new Map(ids.map((id, i) => [id, i + 1]));
      assert.deepEqual(byPosition(assessed.standard, position), byPosition(allocateStandard(assessed.allocationInput), position));
      const stored = canonicalJson(byPosition(await outcomeOf(assessed.allocationInput), position));
      assert.equal(stored, canonicalJson(await expectedOutcome()));
      seen.set(dialect.name, stored);
    });
  });
}

describe('allocation across databases', () => {
  it('is a call where budgets bind and the optima differ from the standard outcome, so the comparison means something', async () => {
    const { standard, optimumByScore, optimumByAmount } = await expectedOutcome();
    const kinds = new Set(standard.outcomes.map((o) => o.kind));
    assert.deepEqual([...kinds].sort(), ['funded', 'ineligible', 'not-fundable', 'reserve']);
    assert.ok(optimumByScore.comparison.added.length > 0 && optimumByScore.comparison.scoreDifference > 0);
    assert.ok(optimumByAmount.comparison.added.length > 0 && optimumByAmount.comparison.amountDifferenceCents > 0);
    assert.equal(optimumByScore.status, 'optimal');
    assert.equal(optimumByAmount.status, 'optimal');
  });

  it('gives byte-identical canonical JSON on every database', (t) => {
    if (seen.size < 2) {
      t.skip(`only ${[...seen.keys()].join(', ') || 'no database'} ran here`);
      return;
    }
    const [first, ...rest] = [...seen.values()];
    for (const json of rest) assert.equal(json, first);
  });
});
