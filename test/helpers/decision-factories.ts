import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/database.js';
import type { FundingOutcome } from '../../src/db/schema.js';
import { assessCall } from '../../src/features/decisions/call-assessment.js';
import { buildProposal, councilsOf, findProposal, sealProposal, type StoredProposal } from '../../src/features/decisions/funding-proposal.js';
import { systemActor } from '../../src/features/audit/audit.repository.js';
import { createProjectFromDecision } from '../../src/features/projects/project-creation.js';

/**
 * Factories for the decision stage, on top of review-factories.ts: the confirmed funding proposal,
 * the councils' decisions on their shares of it, and the decision letter of each application whose
 * outcome is final – the rows the councils' decision service writes, written directly.
 */

/** The call's funding proposal, confirmed from its standard allocation as it stands now (once; later calls return it). */
export async function confirmProposal(db: Db, callId: number): Promise<StoredProposal> {
  const existing = await findProposal(db, callId);
  if (existing) return existing;
  const assessment = await assessCall(db, callId);
  if (!assessment) throw new Error(`confirmProposal: no call ${callId}`);
  const sealed = sealProposal(buildProposal(assessment));
  await db
    .insertInto('funding_proposals')
    .values({ call_id: callId, snapshot: sealed.json, sha256: sealed.sha256, confirmed_by: null, confirmed_at: '2026-11-24T10:00:00.000Z' })
    .execute();
  const stored = await findProposal(db, callId);
  if (!stored) throw new Error('confirmProposal: the proposal was not stored');
  return stored;
}

/** A letter's content: a PDF header and random bytes, so that a download can be compared byte for byte. */
export function letterBytes(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), randomBytes(512), Buffer.from('\n%%EOF\n')]);
}

export interface DecidedCall {
  /** Region code → the council decision's id. */
  decisionIds: Record<string, number>;
  /** Application id → the letter stored for it (only those whose outcome became final). */
  letters: Map<number, { filename: string; content: Buffer; outcome: FundingOutcome }>;
}

/**
 * The given councils decide on their shares of the call's proposal (confirmed first if need be), each
 * share as the standard allocation has it; every application whose councils have then all decided
 * gets its letter, and a funded one its project (as the decision service makes them). Decision numbers are "<region>/2026/<call id>", dated 27 Nov 2026.
 */
export async function decideCall(db: Db, callId: number, regionCodes: readonly string[], options: { decidedAt?: string } = {}): Promise<DecidedCall> {
  const { id: proposalId, proposal } = await confirmProposal(db, callId);
  const decidedAt = options.decidedAt ?? '2026-11-27T12:00:00.000Z';
  const decisionIds: Record<string, number> = {};
  for (const region of regionCodes) {
    const row = await db
      .insertInto('council_decisions')
      .values({
        call_id: callId,
        proposal_id: proposalId,
        region_code: region,
        decision_number: `${region}/2026/${callId}`,
        decision_date: '2026-11-27',
        decision_maker: `Maakuntahallitus ${region}`,
        grounds: 'Hakemukset on arvioitu haun valintaperusteilla ja asetettu pisteiden mukaiseen järjestykseen.',
        recorded_by: null,
        recorded_at: decidedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    decisionIds[region] = row.id;
    for (const score of proposal.scores) {
      const requested = score.requestedByRegion[region] ?? 0;
      if (requested <= 0) continue;
      const outcome = proposal.outcomes.find((o) => o.applicationId === score.applicationId);
      if (!outcome) continue;
      await db
        .insertInto('council_decision_shares')
        .values({
          decision_id: row.id,
          application_id: score.applicationId,
          outcome: outcome.kind,
          requested_cents: requested,
          granted_cents: outcome.kind === 'funded' ? (outcome.sharesByRegion[region] ?? 0) : 0,
        })
        .execute();
    }
  }

  const decided = new Set((await db.selectFrom('council_decisions').select('region_code').where('call_id', '=', callId).execute()).map((d) => d.region_code));
  const letters: DecidedCall['letters'] = new Map();
  for (const score of proposal.scores) {
    const outcome = proposal.outcomes.find((o) => o.applicationId === score.applicationId);
    const councils = councilsOf(score);
    if (!outcome || councils.length === 0 || !councils.every((r) => decided.has(r))) continue;
    const existing = await db.selectFrom('decision_letters').select('application_id').where('application_id', '=', score.applicationId).executeTakeFirst();
    if (existing) continue;
    const content = letterBytes();
    const filename = `Rahoituspäätös ${score.applicationId}.pdf`;
    await db
      .insertInto('decision_letters')
      .values({
        application_id: score.applicationId,
        locale: 'fi',
        outcome: outcome.kind,
        filename,
        size_bytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        final_at: decidedAt,
        created_at: decidedAt,
      })
      .execute();
    letters.set(score.applicationId, { filename, content, outcome: outcome.kind });
    if (outcome.kind === 'funded') {
      await db.transaction().execute((trx) => createProjectFromDecision(trx, systemActor, score.applicationId, new Date(decidedAt)));
    }
  }
  return { decisionIds, letters };
}
