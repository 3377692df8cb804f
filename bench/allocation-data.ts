import type { AllocationApplication, AllocationInput } from '../src/domain/allocation.js';
import { ZERO, toNumber } from '../src/domain/fraction.js';
import { rankApplications } from '../src/domain/ranking.js';
import { scoreApplication, type ScoringCriterion } from '../src/domain/review-scoring.js';
import type { StandingReason } from '../src/features/decisions/call-assessment.js';

/**
 * A deterministic joint call of many applications across the seven councils, for the allocation
 * benchmark: the same seed gives the same call on every machine.
 *
 * - 1–4 partner regions per application, the councils weighted roughly by their regions' size;
 * - total requests log-uniform between 50,000 € and 1,500,000 € (median about 270,000 €), to the cent,
 *   split over the partners with the lead taking the largest part;
 * - three reviewers each, scoring the content (×3) and specifying (×2) criteria 0–5 and the horizontal
 *   one (×1) 0–3 around the project's quality, so totals are exact thirds (weighted means of three);
 * - 2 % fail the general criterion, 2 % are found formally ineligible, the rest below the call's
 *   minimum of 14 points are not fundable; 5 % of the others have a grant fixed at 60–95 % of the request;
 * - each council's budget is a third of what the fundable applications ask from it, whole euros.
 */

export const COUNCILS = ['10', '11', '12', '16', '17', '18', '19'] as const;
/** Rough share of partners by council: Pohjois-Pohjanmaa largest, Keski-Pohjanmaa and Kainuu smallest. */
const COUNCIL_WEIGHTS = [0.11, 0.17, 0.13, 0.09, 0.25, 0.1, 0.15];
export const MIN_TOTAL_SCORE = 14;
/** The criteria as test/helpers/call-factories.ts makes them, in the same order (ids are positions). */
export const CRITERIA: ScoringCriterion[] = [
  { id: 1, kind: 'general', weight: 1 },
  { id: 2, kind: 'content', weight: 3 },
  { id: 3, kind: 'specifying', weight: 2 },
  { id: 4, kind: 'horizontal', weight: 1 },
];
export const REVIEWERS_PER_APPLICATION = 3;

export interface GeneratedApplication {
  /** 1-based position in the call: the id in memory, the insertion order in a database. */
  position: number;
  partners: Array<{ region: string; requestedCents: number }>;
  /** Per reviewer: criterion id → score. */
  reviews: Array<Record<number, number>>;
  ineligibleReason: string | null;
  fixedGrantCents: number | null;
  submittedAt: string;
}

export interface GeneratedCall {
  budgets: Record<string, number>;
  applications: GeneratedApplication[];
}

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, items: readonly T[], weights: readonly number[]): T {
  let r = random() * weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)));

export function generateCall(count: number, seed = 20261128): GeneratedCall {
  const random = prng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const closesAt = Date.parse('2026-11-15T14:15:00.000Z');
  const applications: GeneratedApplication[] = [];
  for (let position = 1; position <= count; position++) {
    const regionCount = pick(random, [1, 2, 3, 4], [0.15, 0.35, 0.3, 0.2]);
    const regions: string[] = [];
    while (regions.length < regionCount) {
      const r = pick(random, COUNCILS, COUNCIL_WEIGHTS);
      if (!regions.includes(r)) regions.push(r);
    }
    const totalCents = Math.round(Math.exp(Math.log(5_000_000) + random() * Math.log(30)));
    const weights = regions.map((_, i) => (i === 0 ? 1.5 : 0.5) + random());
    const weightSum = weights.reduce((s, w) => s + w, 0);
    const partners = regions.map((region, i) => ({ region, requestedCents: Math.max(100_000, Math.floor((totalCents * weights[i]!) / weightSum)) }));
    const quality = Math.sqrt(random());
    const generalFails = random() < 0.02;
    const reviews = Array.from({ length: REVIEWERS_PER_APPLICATION }, () => ({
      1: generalFails ? 0 : 1,
      2: clamp(1.5 + 3.5 * quality + normal() * 0.8, 5),
      3: clamp(1.5 + 3.5 * quality + normal() * 0.8, 5),
      4: clamp(0.5 + 2.5 * quality + normal() * 0.6, 3),
    }));
    const ineligibleReason = random() < 0.02 ? 'Hakija ei ole yhteisö eikä säätiö.' : null;
    const requested = partners.reduce((s, p) => s + p.requestedCents, 0);
    const fixedGrantCents = random() < 0.05 ? Math.floor(requested * (0.6 + 0.35 * random())) : null;
    const submittedAt = new Date(closesAt - Math.floor(random() * 3 * 86_400_000)).toISOString();
    applications.push({ position, partners, reviews, ineligibleReason, fixedGrantCents, submittedAt });
  }
  const input = allocationInputOf({ budgets: {}, applications });
  const asked: Record<string, number> = Object.fromEntries(COUNCILS.map((c) => [c, 0]));
  for (const a of input.applications) {
    if (a.standing !== 'fundable') continue;
    for (const [r, cents] of Object.entries(a.requestedByRegion)) asked[r] = (asked[r] ?? 0) + cents;
  }
  return { budgets: Object.fromEntries(COUNCILS.map((c) => [c, Math.round(asked[c]! / 3 / 100) * 100])), applications };
}

/**
 * The allocation input of a generated call, worked out in memory by the same pure rules assessCall
 * applies to stored data (scoring, ranking, standing); positions stand for application ids.
 */
export function allocationInputOf(call: GeneratedCall): AllocationInput<StandingReason> {
  const assessed = call.applications.map((a) => {
    const score = scoreApplication({
      criteria: CRITERIA,
      reviews: a.reviews.map((scores, k) => ({ reviewerId: k + 1, scores })),
      reviewsExpected: a.reviews.length,
      consensus: {},
      minTotalScore: MIN_TOTAL_SCORE,
    });
    const requestedByRegion: Record<string, number> = {};
    for (const p of a.partners) requestedByRegion[p.region] = (requestedByRegion[p.region] ?? 0) + p.requestedCents;
    const standing: AllocationApplication['standing'] = a.ineligibleReason !== null ? 'ineligible' : score.fundable ? 'fundable' : 'not-fundable';
    const input: AllocationApplication<StandingReason> = {
      applicationId: a.position,
      standing,
      reasons: a.ineligibleReason !== null ? [{ code: 'formally-ineligible', reason: a.ineligibleReason }] : score.reasons,
      requestedByRegion,
      fixedGrantCents: a.fixedGrantCents,
      score: score.total ? toNumber(score.total) : 0,
    };
    return { input, score, requestedCents: a.partners.reduce((s, p) => s + p.requestedCents, 0), submittedAt: a.submittedAt };
  });
  const ranking = rankApplications(
    assessed
      .filter((a) => a.input.standing === 'fundable')
      .map((a) => ({ applicationId: a.input.applicationId, total: a.score.total ?? ZERO, contentTotal: a.score.contentTotal ?? ZERO, requestedCents: a.requestedCents, submittedAt: a.submittedAt, input: a.input })),
  );
  return {
    budgets: call.budgets,
    applications: [
      ...ranking.map((r) => r.entry.input),
      ...assessed.filter((a) => a.input.standing === 'not-fundable').map((a) => a.input),
      ...assessed.filter((a) => a.input.standing === 'ineligible').map((a) => a.input),
    ],
  };
}
