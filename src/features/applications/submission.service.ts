import type { Transaction } from 'kysely';
import { isPostgres, type Db, type Executor } from '../../db/database.js';
import type { ApplicationStatus, Database } from '../../db/schema.js';
import type { CallPhase } from '../../domain/call-lifecycle.js';
import { checkEligibility, type EligibilityResult, type Problem } from '../../domain/eligibility.js';
import type { Locale } from '../../i18n/locales.js';
import { pagePath } from '../../http/page-paths.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { callRules, findCallDetails, phaseOf, type CallDetails } from '../calls/calls.repository.js';
import { queueEmail } from '../mail/email.repository.js';
import { findApplicationDetails, toDraft } from './applications.repository.js';
import { receiptEmail, withdrawalEmail } from './submission.messages.js';
import { buildSnapshot, draftFromSnapshot, leadOf, parseSnapshot, sealSnapshot, type SubmissionSnapshot } from './submission.snapshot.js';

/**
 * Submitting and withdrawing. A submission is acknowledged only once it is durably stored: the
 * checks, the frozen snapshot, the receipt, the status change, the audit entry and the receipt
 * e-mail are written in one transaction, and the route shows the receipt only after it commits.
 * On PostgreSQL the call's row and then the application's row are locked (SELECT … FOR UPDATE), so
 * two submits of one application give one submission and receipt numbers within a call never
 * collide; SQLite runs one write transaction at a time anyway.
 */

export interface Submitter {
  userId: number;
  email: string;
  locale: Locale;
}

interface ChangeInput {
  applicationId: number;
  actor: Actor;
  user: Submitter;
  /** Read inside the transaction, after the locks: the instant the submission is judged and stamped with. */
  now: () => Date;
  /** True when a mail server delivers e-mail (else it is kept for administrators). */
  deliverMail: boolean;
  baseUrl: string;
}

export type SubmitOutcome =
  | { kind: 'submitted'; submissionId: number; receiptNumber: string; submittedAt: string; sha256: string }
  | { kind: 'not-found' }
  | { kind: 'no-declaration' }
  | { kind: 'not-draft'; status: ApplicationStatus }
  | { kind: 'closed'; phase: CallPhase; closesAt: string }
  | { kind: 'not-eligible'; problems: Problem[] };

export type WithdrawOutcome =
  | { kind: 'withdrawn'; withdrawnAt: string }
  | { kind: 'not-found' }
  | { kind: 'not-submitted'; status: ApplicationStatus }
  | { kind: 'closed'; phase: CallPhase; closesAt: string };

/** Locks the call's row, then the application's, in that order everywhere (no deadlocks between submitters). */
async function lockApplication(trx: Transaction<Database>, applicationId: number) {
  const pg = isPostgres(trx);
  const first = await trx.selectFrom('applications').select('call_id').where('id', '=', applicationId).executeTakeFirst();
  if (!first) return undefined;
  const callQuery = trx.selectFrom('calls').select('id').where('id', '=', first.call_id);
  await (pg ? callQuery.forNoKeyUpdate() : callQuery).executeTakeFirst();
  const appQuery = trx.selectFrom('applications').select(['id', 'call_id', 'status']).where('id', '=', applicationId);
  return (pg ? appQuery.forUpdate() : appQuery).executeTakeFirst();
}

/** The largest receipt number fits the column (varchar 32) whatever the call's reference. */
export function receiptNumber(reference: string, sequence: number): string {
  return `${reference.slice(0, 26)}-${String(sequence).padStart(4, '0')}`;
}

/** Recipients of a notice: the user, and the lead partner's contact person when that is someone else. */
function recipients(user: Submitter, snapshot: SubmissionSnapshot): Array<{ to: string; userId: number | null }> {
  const list = [{ to: user.email, userId: user.userId as number | null }];
  const contact = leadOf(snapshot)?.contactEmail.trim().toLowerCase();
  if (contact && contact !== user.email.trim().toLowerCase()) list.push({ to: contact, userId: null });
  return list;
}

export async function submitApplication(db: Db, input: ChangeInput & { declared: boolean }): Promise<SubmitOutcome> {
  if (!input.declared) return { kind: 'no-declaration' };
  return db.transaction().execute(async (trx): Promise<SubmitOutcome> => {
    const locked = await lockApplication(trx, input.applicationId);
    if (!locked) return { kind: 'not-found' };
    if (locked.status !== 'draft') return { kind: 'not-draft', status: locked.status };
    const now = input.now();
    const call = await findCallDetails(trx, locked.call_id);
    if (!call) return { kind: 'not-found' };
    const phase = phaseOf(call, now);
    if (phase !== 'open') return { kind: 'closed', phase, closesAt: call.closesAt };
    const details = await findApplicationDetails(trx, input.applicationId);
    if (!details) return { kind: 'not-found' };
    const check = checkEligibility(callRules(call), toDraft(details));
    if (!check.eligible) return { kind: 'not-eligible', problems: check.problems };

    const snapshot = buildSnapshot(call, details);
    const sealed = sealSnapshot(snapshot);
    const counted = await trx
      .selectFrom('application_submissions as s')
      .innerJoin('applications as a', 'a.id', 's.application_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.call_id', '=', call.id)
      .executeTakeFirstOrThrow();
    const number = receiptNumber(call.reference, Number(counted.n) + 1);
    const submittedAt = now.toISOString();
    const { id: submissionId } = await trx
      .insertInto('application_submissions')
      .values({
        application_id: details.id,
        receipt_number: number,
        submitted_at: submittedAt,
        submitted_by: input.user.userId,
        content_sha256: sealed.sha256,
        snapshot: sealed.json,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const updated = await trx
      .updateTable('applications')
      .set((eb) => ({ status: 'submitted', submitted_at: submittedAt, withdrawn_at: null, version: eb('version', '+', 1) }))
      .where('id', '=', details.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new Error('submitApplication: the application changed under its lock');
    await appendAudit(
      trx,
      input.actor,
      { action: 'application.submitted', entityType: 'application', entityId: details.id, after: { submissionId, receiptNumber: number, sha256: sealed.sha256 } },
      now,
    );
    const link = `${input.baseUrl}${pagePath(input.user.locale, 'applications', String(details.id), 'receipt')}`;
    const mail = receiptEmail(input.user.locale, { receiptNumber: number, submittedAt, sha256: sealed.sha256, title: details.title, callReference: call.reference, link });
    for (const r of recipients(input.user, snapshot)) {
      await queueEmail(trx, { userId: r.userId, to: r.to, locale: input.user.locale, purpose: 'application-receipt', ...mail }, input.deliverMail, now);
    }
    return { kind: 'submitted', submissionId, receiptNumber: number, submittedAt, sha256: sealed.sha256 };
  });
}

export async function withdrawApplication(db: Db, input: ChangeInput): Promise<WithdrawOutcome> {
  return db.transaction().execute(async (trx): Promise<WithdrawOutcome> => {
    const locked = await lockApplication(trx, input.applicationId);
    if (!locked) return { kind: 'not-found' };
    if (locked.status !== 'submitted') return { kind: 'not-submitted', status: locked.status };
    const now = input.now();
    const call = await findCallDetails(trx, locked.call_id);
    if (!call) return { kind: 'not-found' };
    const phase = phaseOf(call, now);
    if (phase !== 'open') return { kind: 'closed', phase, closesAt: call.closesAt };
    const submission = await latestSubmission(trx, input.applicationId);
    if (!submission) return { kind: 'not-submitted', status: locked.status };
    const withdrawnAt = now.toISOString();
    await trx.updateTable('applications').set({ status: 'withdrawn', withdrawn_at: withdrawnAt }).where('id', '=', input.applicationId).execute();
    await trx.updateTable('application_submissions').set({ withdrawn_at: withdrawnAt }).where('id', '=', submission.id).execute();
    await appendAudit(
      trx,
      input.actor,
      { action: 'application.withdrawn', entityType: 'application', entityId: input.applicationId, after: { submissionId: submission.id, receiptNumber: submission.receiptNumber } },
      now,
    );
    const mail = withdrawalEmail(input.user.locale, {
      receiptNumber: submission.receiptNumber,
      withdrawnAt,
      title: submission.snapshot.application.title,
      callReference: call.reference,
    });
    for (const r of recipients(input.user, submission.snapshot)) {
      await queueEmail(trx, { userId: r.userId, to: r.to, locale: input.user.locale, purpose: 'application-withdrawn', ...mail }, input.deliverMail, now);
    }
    return { kind: 'withdrawn', withdrawnAt };
  });
}

export interface SubmissionRecord {
  id: number;
  applicationId: number;
  receiptNumber: string;
  submittedAt: string;
  submittedBy: number | null;
  submittedByName: string | null;
  sha256: string;
  /** The stored canonical JSON, byte for byte what the hash was taken of. */
  snapshotJson: string;
  snapshot: SubmissionSnapshot;
  withdrawnAt: string | null;
}

function submissionsQuery(db: Executor) {
  return db
    .selectFrom('application_submissions as s')
    .leftJoin('users as u', 'u.id', 's.submitted_by')
    .select([
      's.id',
      's.application_id',
      's.receipt_number',
      's.submitted_at',
      's.submitted_by',
      'u.name as submitter_name',
      's.content_sha256',
      's.snapshot',
      's.withdrawn_at',
    ]);
}

type SubmissionRow = Awaited<ReturnType<ReturnType<typeof submissionsQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: SubmissionRow): SubmissionRecord {
  return {
    id: r.id,
    applicationId: r.application_id,
    receiptNumber: r.receipt_number,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    submittedByName: r.submitter_name ?? null,
    sha256: r.content_sha256,
    snapshotJson: r.snapshot,
    snapshot: parseSnapshot(r.snapshot),
    withdrawnAt: r.withdrawn_at,
  };
}

/** The application's latest submission (its receipt), if it has been submitted. */
export async function latestSubmission(db: Executor, applicationId: number): Promise<SubmissionRecord | undefined> {
  const row = await submissionsQuery(db).where('s.application_id', '=', applicationId).orderBy('s.id', 'desc').limit(1).executeTakeFirst();
  return row && toRecord(row);
}

export interface CallApplicationRow {
  submission: SubmissionRecord;
  status: ApplicationStatus;
  check: EligibilityResult;
}

/**
 * The applications submitted to a call (and those withdrawn), each with its latest submission and
 * the eligibility of the submitted content against the call's rules, in the order of receipt.
 */
export async function listCallSubmissions(db: Executor, call: CallDetails): Promise<CallApplicationRow[]> {
  const rows = await submissionsQuery(db)
    .innerJoin('applications as a', 'a.id', 's.application_id')
    .select('a.status as application_status')
    .where('a.call_id', '=', call.id)
    .where('a.status', 'in', ['submitted', 'withdrawn'])
    .orderBy('s.id')
    .execute();
  const latest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.application_id, r);
  const rules = callRules(call);
  return [...latest.values()]
    .sort((a, b) => a.id - b.id)
    .map((r) => {
      const submission = toRecord(r);
      return { submission, status: r.application_status, check: checkEligibility(rules, draftFromSnapshot(submission.snapshot)) };
    });
}

/** How many drafts the call has: officers see the count only. */
export async function countDrafts(db: Executor, callId: number): Promise<number> {
  const row = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('call_id', '=', callId)
    .where('status', '=', 'draft')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An attachment's bytes, if it belongs to the application. */
export async function findAttachmentContent(db: Executor, applicationId: number, attachmentId: number) {
  return db
    .selectFrom('attachments')
    .select(['id', 'filename', 'content_type', 'size_bytes', 'sha256', 'content'])
    .where('id', '=', attachmentId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
}
