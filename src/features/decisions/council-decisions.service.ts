import { emitEvent } from '../../jobs/events.js';
import type { Transaction } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { sha256Hex } from '../../security/tokens.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { attachToEmail, queueEmail } from '../mail/email.repository.js';
import { insertCouncilDecision, insertDecisionLetter, listCouncilDecisions, lockProposal, type DecisionShare } from './council-decisions.repository.js';
import { grantedShare, letterEmail, letterInput, letterLocale, letterSubject, loadLetterContext, type LetterContext } from './decision-letter.content.js';
import { renderDecisionLetter } from './decision-letter.pdf.js';
import { createProjectFromDecision } from '../projects/project-creation.js';
import { councilsInvolved, councilsOf, findProposal, type FundingProposal } from './funding-proposal.js';

/**
 * Councils' decisions on a call's funding proposal. Each council involved records its own decision
 * on its shares; an application's outcome becomes final when every council its partners asked a
 * share from has decided, and only then is its decision letter issued and sent. When the last
 * council involved has decided, the call is decided. All of it happens in the transaction that
 * records the decision, so a letter exists exactly when its outcome is final, and a funded outcome
 * becomes a project (projects/project-creation.ts) in the same transaction.
 */

export interface DecisionRecord {
  number: string;
  /** 'YYYY-MM-DD' in Helsinki. */
  date: string;
  maker: string;
  grounds: string;
}

export type RecordDecisionResult =
  | { ok: true; decisionId: number; finalApplicationIds: number[]; callDecided: boolean; mailed: boolean }
  | { ok: false; reason: 'no-proposal' | 'no-share' | 'already-decided' };

/** A council's shares in the proposal: every application that asked it for a grant, with the proposal's outcome. */
export function councilShares(proposal: FundingProposal, regionCode: string): DecisionShare[] {
  const outcomes = new Map(proposal.outcomes.map((o) => [o.applicationId, o]));
  return proposal.scores.flatMap((s) => {
    const requestedCents = s.requestedByRegion[regionCode] ?? 0;
    const outcome = outcomes.get(s.applicationId);
    if (requestedCents <= 0 || !outcome) return [];
    return [{ applicationId: s.applicationId, outcome: outcome.kind, requestedCents, grantedCents: grantedShare(outcome, regionCode) }];
  });
}

/** The councils involved in the call's proposal that have not decided yet; none when there is no proposal. */
export async function councilsStillToDecide(db: Executor, callId: number): Promise<string[]> {
  const [stored, decisions] = await Promise.all([findProposal(db, callId), listCouncilDecisions(db, callId)]);
  if (!stored) return [];
  const decided = new Set(decisions.map((d) => d.regionCode));
  return councilsInvolved(stored.proposal).filter((r) => !decided.has(r));
}

export async function recordCouncilDecision(
  db: Db,
  actor: Actor,
  input: { callId: number; regionCode: string; decision: DecisionRecord },
  options: { deliverMail: boolean },
  now: Date,
): Promise<RecordDecisionResult> {
  return db.transaction().execute(async (trx): Promise<RecordDecisionResult> => {
    const locked = await lockProposal(trx, input.callId);
    const stored = locked && (await findProposal(trx, input.callId));
    if (!stored) return { ok: false, reason: 'no-proposal' };
    const involved = councilsInvolved(stored.proposal);
    if (!involved.includes(input.regionCode)) return { ok: false, reason: 'no-share' };
    const earlier = await listCouncilDecisions(trx, input.callId);
    if (earlier.some((d) => d.regionCode === input.regionCode)) return { ok: false, reason: 'already-decided' };

    const at = now.toISOString();
    const shares = councilShares(stored.proposal, input.regionCode);
    const { number, date, maker, grounds } = input.decision;
    const decisionId = await insertCouncilDecision(
      trx,
      { callId: input.callId, proposalId: stored.id, regionCode: input.regionCode, number, date, maker, grounds, recordedBy: actor.userId, recordedAt: at },
      shares,
    );
    await appendAudit(
      trx,
      actor,
      {
        action: 'decision.recorded',
        entityType: 'council_decision',
        entityId: decisionId,
        after: {
          callId: input.callId,
          regionCode: input.regionCode,
          proposalSha256: stored.sha256,
          number,
          date,
          maker,
          shares: shares.map((s) => ({ applicationId: s.applicationId, outcome: s.outcome, grantedCents: s.grantedCents })),
        },
      },
      now,
    );

    await emitEvent(trx, { type: 'decision.published', callId: input.callId, regionCode: input.regionCode, decisionId }, now);

    const decided = new Set([...earlier.map((d) => d.regionCode), input.regionCode]);
    // Only this decision can make an outcome final: those that did not wait for this council were final before.
    const finals = stored.proposal.scores
      .map((s) => ({ id: s.applicationId, councils: councilsOf(s) }))
      .filter((s) => s.councils.includes(input.regionCode) && s.councils.every((r) => decided.has(r)))
      .map((s) => s.id);
    let mailed = false;
    if (finals.length > 0) {
      const ctx = await loadLetterContext(trx, input.callId);
      if (!ctx) throw new Error('recordCouncilDecision: the call or its proposal vanished under the lock');
      for (const applicationId of finals) mailed = (await issueLetter(trx, actor, ctx, applicationId, options, now)) || mailed;
    }

    const callDecided = involved.every((r) => decided.has(r));
    if (callDecided) {
      const call = await trx.selectFrom('calls').select(['status', 'version']).where('id', '=', input.callId).executeTakeFirstOrThrow();
      if (call.status !== 'decided') {
        await trx
          .updateTable('calls')
          .set((eb) => ({ status: 'decided', decided_at: at, updated_at: at, version: eb('version', '+', 1) }))
          .where('id', '=', input.callId)
          .execute();
        await appendAudit(
          trx,
          actor,
          {
            action: 'call.decided',
            entityType: 'call',
            entityId: input.callId,
            before: { status: call.status, version: call.version },
            after: { status: 'decided', version: call.version + 1, councils: involved },
          },
          now,
        );
      }
    }
    return { ok: true, decisionId, finalApplicationIds: finals, callDecided, mailed };
  });
}

/** Makes one outcome final: the letter stored with its hash, sent to the applicant with the letter attached. True when an e-mail was queued. */
async function issueLetter(trx: Transaction<Database>, actor: Actor, ctx: LetterContext, applicationId: number, options: { deliverMail: boolean }, now: Date): Promise<boolean> {
  const subject = letterSubject(ctx, applicationId);
  if (!subject) throw new Error(`issueLetter: application ${applicationId} is not in the proposal or was never submitted`);
  const locale = letterLocale(subject.party);
  const finalAt = now.toISOString();
  const input = letterInput(ctx, subject, locale, finalAt);
  const content = await renderDecisionLetter(input);
  const sha256 = sha256Hex(content);
  const mail = letterEmail(input);
  await insertDecisionLetter(trx, { applicationId, locale, outcome: input.outcome, filename: mail.filename, sha256, content, finalAt });
  const to = subject.party.submitter?.email ?? subject.party.leadContactEmail;
  let emailId: number | null = null;
  if (to) {
    emailId = await queueEmail(
      trx,
      { userId: subject.party.submitter?.userId ?? null, to, locale, purpose: 'funding-decision', subject: mail.subject, text: mail.text },
      options.deliverMail,
      now,
    );
    await attachToEmail(trx, emailId, [{ filename: mail.filename, contentType: 'application/pdf', content }]);
  }
  if (input.outcome === 'funded') await createProjectFromDecision(trx, actor, applicationId, now);
  await appendAudit(
    trx,
    actor,
    {
      action: 'decision.final',
      entityType: 'application',
      entityId: applicationId,
      after: {
        outcome: input.outcome,
        grantedCents: input.decisions.reduce((s, d) => s + d.grantedCents, 0),
        councils: input.decisions.map((d) => d.number),
        letter: { filename: mail.filename, sha256, sizeBytes: content.length, locale },
        emailId,
      },
    },
    now,
  );
  return emailId !== null;
}
