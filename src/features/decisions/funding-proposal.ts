import type { Executor } from '../../db/database.js';
import type { AllocationOutcome } from '../../domain/allocation.js';
import type { Fraction } from '../../domain/fraction.js';
import { sha256Hex } from '../../security/tokens.js';
import { canonicalJson } from '../applications/submission.snapshot.js';
import type { CallAssessment, StandingReason } from './call-assessment.js';

/**
 * The funding proposal: the standard allocation of a call as officers confirmed it, frozen as
 * canonical JSON with its SHA-256. Every council decides on this one proposal, so the councils'
 * shares of a project always fit together; it cannot change once a council has decided on it.
 * Fixed grants and consensus scores are part of it, as they were at confirmation.
 */
export const PROPOSAL_VERSION = 1;

export interface ProposalScore {
  applicationId: number;
  /** Weighted total, exact; null when the application was never fully scored. */
  total: Fraction | null;
  rank: number | null;
  /** The grant requested from each council: these councils decide on the application, whatever its outcome. */
  requestedByRegion: Record<string, number>;
  criteria: Array<{ criterionId: number; value: Fraction | null; passed: boolean | null; consensus: boolean }>;
}

export interface FundingProposal {
  version: number;
  callId: number;
  callReference: string;
  minTotalScore: number;
  budgets: Record<string, number>;
  /** The standard allocation: one outcome per submitted application. */
  outcomes: AllocationOutcome<StandingReason>[];
  scores: ProposalScore[];
}

export function buildProposal(assessment: CallAssessment): FundingProposal {
  const rankOf = new Map(assessment.ranking.map((r) => [r.entry.applicationId, r.rank]));
  return {
    version: PROPOSAL_VERSION,
    callId: assessment.call.id,
    callReference: assessment.call.reference,
    minTotalScore: assessment.call.minTotalScore,
    budgets: assessment.allocationInput.budgets as Record<string, number>,
    outcomes: assessment.standard.outcomes,
    scores: assessment.applications.map((a) => ({
      applicationId: a.applicationId,
      total: a.score.total,
      rank: rankOf.get(a.applicationId) ?? null,
      requestedByRegion: a.requestedByRegion,
      criteria: a.score.criteria.map((c) => ({ criterionId: c.criterionId, value: c.value, passed: c.passed, consensus: c.consensus !== null })),
    })),
  };
}

export function sealProposal(proposal: FundingProposal): { json: string; sha256: string } {
  const json = canonicalJson(proposal);
  return { json, sha256: sha256Hex(json) };
}

export interface StoredProposal {
  id: number;
  callId: number;
  proposal: FundingProposal;
  sha256: string;
  confirmedBy: number | null;
  confirmedAt: string;
}

export async function findProposal(db: Executor, callId: number): Promise<StoredProposal | undefined> {
  const row = await db.selectFrom('funding_proposals').selectAll().where('call_id', '=', callId).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    callId: row.call_id,
    proposal: JSON.parse(row.snapshot) as FundingProposal,
    sha256: row.sha256,
    confirmedBy: row.confirmed_by,
    confirmedAt: row.confirmed_at,
  };
}

/** The councils with a share requested in any application of the proposal: each must record its decision. */
export function councilsInvolved(proposal: FundingProposal): string[] {
  const regions = new Set<string>();
  for (const s of proposal.scores) for (const [r, cents] of Object.entries(s.requestedByRegion)) if (cents > 0) regions.add(r);
  return [...regions].sort();
}

/** The councils whose decisions make one application's outcome final: those its partners' requests charge. */
export function councilsOf(score: ProposalScore): string[] {
  return Object.entries(score.requestedByRegion)
    .filter(([, cents]) => cents > 0)
    .map(([r]) => r)
    .sort();
}
