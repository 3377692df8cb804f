import type { Transaction } from 'kysely';
import { isPostgres, type Executor } from '../../db/database.js';
import type { Database, FundingOutcome } from '../../db/schema.js';
import { leadOf, parseSnapshot } from '../applications/submission.snapshot.js';

/** Each council's decision on its shares of a call's funding proposal, and the decision letters. */

export interface CouncilDecision {
  id: number;
  regionCode: string;
  number: string;
  /** 'YYYY-MM-DD' in Helsinki. */
  date: string;
  maker: string;
  grounds: string;
  recordedBy: number | null;
  recordedAt: string;
}

export interface NewCouncilDecision {
  callId: number;
  proposalId: number;
  regionCode: string;
  number: string;
  date: string;
  maker: string;
  grounds: string;
  recordedBy: number | null;
  recordedAt: string;
}

export interface DecisionShare {
  applicationId: number;
  outcome: FundingOutcome;
  requestedCents: number;
  grantedCents: number;
}

/**
 * Locks the call's funding proposal for the rest of the transaction (FOR UPDATE on PostgreSQL; SQLite
 * writes one transaction at a time anyway), so two councils deciding at once take turns and the later
 * one sees the earlier one's decision when it judges which outcomes became final.
 */
export async function lockProposal(trx: Transaction<Database>, callId: number): Promise<{ id: number } | undefined> {
  const query = trx.selectFrom('funding_proposals').select('id').where('call_id', '=', callId);
  return (isPostgres(trx) ? query.forUpdate() : query).executeTakeFirst();
}

export async function listCouncilDecisions(db: Executor, callId: number): Promise<CouncilDecision[]> {
  const rows = await db.selectFrom('council_decisions').selectAll().where('call_id', '=', callId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    regionCode: r.region_code,
    number: r.decision_number,
    date: r.decision_date,
    maker: r.decision_maker,
    grounds: r.grounds,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  }));
}

export async function insertCouncilDecision(db: Executor, d: NewCouncilDecision, shares: readonly DecisionShare[]): Promise<number> {
  const { id } = await db
    .insertInto('council_decisions')
    .values({
      call_id: d.callId,
      proposal_id: d.proposalId,
      region_code: d.regionCode,
      decision_number: d.number,
      decision_date: d.date,
      decision_maker: d.maker,
      grounds: d.grounds,
      recorded_by: d.recordedBy,
      recorded_at: d.recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (shares.length > 0) {
    await db
      .insertInto('council_decision_shares')
      .values(shares.map((s) => ({ decision_id: id, application_id: s.applicationId, outcome: s.outcome, requested_cents: s.requestedCents, granted_cents: s.grantedCents })))
      .execute();
  }
  return id;
}

export interface DecisionLetterInfo {
  applicationId: number;
  locale: string;
  outcome: FundingOutcome;
  filename: string;
  sizeBytes: number;
  sha256: string;
  finalAt: string;
}

/** The letters issued in a call, without their bytes. */
export async function listDecisionLetters(db: Executor, callId: number): Promise<DecisionLetterInfo[]> {
  const rows = await db
    .selectFrom('decision_letters as l')
    .innerJoin('applications as a', 'a.id', 'l.application_id')
    .select(['l.application_id', 'l.locale', 'l.outcome', 'l.filename', 'l.size_bytes', 'l.sha256', 'l.final_at'])
    .where('a.call_id', '=', callId)
    .orderBy('l.application_id')
    .execute();
  return rows.map((r) => ({
    applicationId: r.application_id,
    locale: r.locale,
    outcome: r.outcome,
    filename: r.filename,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    finalAt: r.final_at,
  }));
}

export async function insertDecisionLetter(
  db: Executor,
  letter: { applicationId: number; locale: string; outcome: FundingOutcome; filename: string; sha256: string; content: Buffer; finalAt: string },
): Promise<void> {
  await db
    .insertInto('decision_letters')
    .values({
      application_id: letter.applicationId,
      locale: letter.locale,
      outcome: letter.outcome,
      filename: letter.filename,
      size_bytes: letter.content.length,
      sha256: letter.sha256,
      content: letter.content,
      final_at: letter.finalAt,
      created_at: letter.finalAt,
    })
    .execute();
}

/** A letter's stored bytes, when the application belongs to the call (never another call's letter). */
export async function readDecisionLetter(db: Executor, callId: number, applicationId: number) {
  const row = await db
    .selectFrom('decision_letters as l')
    .innerJoin('applications as a', 'a.id', 'l.application_id')
    .select(['l.filename', 'l.sha256', 'l.content'])
    .where('l.application_id', '=', applicationId)
    .where('a.call_id', '=', callId)
    .executeTakeFirst();
  return row && { filename: row.filename, sha256: row.sha256, content: Buffer.from(row.content) };
}

/** Who and what a decision letter is about: the application, its lead organisation and whom to send it to. */
export interface LetterParty {
  applicationId: number;
  title: string;
  leadOrganisation: string;
  receiptNumber: string;
  submitter: { userId: number; email: string; locale: string } | null;
  /** The lead partner's contact person as submitted: the recipient when the submitter's account is gone. */
  leadContactEmail: string | null;
}

export async function findLetterParties(db: Executor, callId: number): Promise<Map<number, LetterParty>> {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('organisations as o', 'o.id', 'a.lead_organisation_id')
    .innerJoin('application_submissions as s', 's.application_id', 'a.id')
    .leftJoin('users as u', 'u.id', 's.submitted_by')
    .select(['a.id', 'a.title', 'o.name as lead_name', 's.id as submission_id', 's.receipt_number', 's.snapshot', 'u.id as user_id', 'u.email', 'u.locale'])
    .where('a.call_id', '=', callId)
    .where('s.withdrawn_at', 'is', null)
    .orderBy('s.id')
    .execute();
  const parties = new Map<number, LetterParty>();
  // The latest submission of each application wins (rows come in the order of submission).
  for (const r of rows) {
    const contact = leadOf(parseSnapshot(r.snapshot))?.contactEmail.trim().toLowerCase() || null;
    parties.set(r.id, {
      applicationId: r.id,
      title: r.title,
      leadOrganisation: r.lead_name,
      receiptNumber: r.receipt_number,
      submitter: r.user_id !== null && r.email ? { userId: r.user_id, email: r.email, locale: r.locale ?? 'fi' } : null,
      leadContactEmail: contact,
    });
  }
  return parties;
}
