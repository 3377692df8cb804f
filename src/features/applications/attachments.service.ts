import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { sha256Hex } from '../../security/tokens.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { findCall, phaseOf } from '../calls/calls.repository.js';
import {
  attachmentsForQuestion,
  deleteAnswerIf,
  deleteAttachments,
  findAttachment,
  insertAttachment,
  upsertAnswer,
} from './attachments.repository.js';

/** Why an application cannot be changed now: it is no longer a draft, or its call is not open by the server's clock. */
export type NotWritable = 'not-found' | 'not-draft' | 'closed';

/**
 * Checks, inside the transaction, that the application is a draft in an open call, and holds the
 * application's row until the transaction ends (a no-op update takes the row lock on PostgreSQL;
 * SQLite's write transaction already serialises), so that a submission cannot slip in between.
 */
export async function lockWritableApplication(
  trx: Transaction<Database>,
  applicationId: number,
  now: Date,
): Promise<{ ok: true; callId: number; closesAt: string } | { ok: false; reason: NotWritable; closesAt?: string }> {
  const locked = await trx.updateTable('applications').set({ status: 'draft' }).where('id', '=', applicationId).where('status', '=', 'draft').executeTakeFirst();
  const application = await trx.selectFrom('applications').select(['call_id', 'status']).where('id', '=', applicationId).executeTakeFirst();
  if (!application) return { ok: false, reason: 'not-found' };
  const call = await findCall(trx, application.call_id);
  if (!call) return { ok: false, reason: 'not-found' };
  if (Number(locked.numUpdatedRows) !== 1) return { ok: false, reason: 'not-draft', closesAt: call.closesAt };
  if (phaseOf(call, now) !== 'open') return { ok: false, reason: 'closed', closesAt: call.closesAt };
  return { ok: true, callId: call.id, closesAt: call.closesAt };
}

export interface UploadInput {
  applicationId: number;
  /** A file question of the call this file answers, or null for a general attachment. */
  questionId: number | null;
  filename: string;
  description: string;
  /** The bytes, already checked with checkPdf. */
  content: Uint8Array;
}

export type UploadResult =
  | { ok: true; id: number; sha256: string }
  | { ok: false; reason: NotWritable | 'unknown-question'; closesAt?: string };

/**
 * Stores a checked PDF with its SHA-256. A file that answers a question of the call becomes the
 * answer (application_answers.value = the attachment's id) and replaces the file that answered it
 * before. Audited without the file's name (it may hold a person's name).
 */
export async function addAttachment(db: Db, actor: Actor, input: UploadInput, now: Date): Promise<UploadResult> {
  return db.transaction().execute(async (trx): Promise<UploadResult> => {
    const writable = await lockWritableApplication(trx, input.applicationId, now);
    if (!writable.ok) return writable;
    if (input.questionId !== null) {
      const question = await trx
        .selectFrom('call_questions')
        .select('kind')
        .where('id', '=', input.questionId)
        .where('call_id', '=', writable.callId)
        .executeTakeFirst();
      if (!question || question.kind !== 'file') return { ok: false, reason: 'unknown-question' };
    }
    const sha256 = sha256Hex(Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength));
    const replaced = input.questionId !== null ? await attachmentsForQuestion(trx, input.applicationId, input.questionId) : [];
    await deleteAttachments(trx, input.applicationId, replaced);
    const id = await insertAttachment(
      trx,
      {
        applicationId: input.applicationId,
        questionId: input.questionId,
        filename: input.filename,
        description: input.description,
        contentType: 'application/pdf',
        sha256,
        content: input.content,
        uploadedBy: actor.userId,
      },
      now,
    );
    if (input.questionId !== null) await upsertAnswer(trx, input.applicationId, input.questionId, String(id));
    await appendAudit(
      trx,
      actor,
      {
        action: 'application.attachment-added',
        entityType: 'application',
        entityId: input.applicationId,
        after: { attachmentId: id, questionId: input.questionId, sizeBytes: input.content.byteLength, sha256, replaced },
      },
      now,
    );
    return { ok: true, id, sha256 };
  });
}

export type RemoveResult = { ok: true } | { ok: false; reason: NotWritable | 'no-attachment'; closesAt?: string };

/** Removes an attachment of a draft; a question it answered is left unanswered. */
export async function removeAttachment(db: Db, actor: Actor, applicationId: number, attachmentId: number, now: Date): Promise<RemoveResult> {
  return db.transaction().execute(async (trx): Promise<RemoveResult> => {
    const writable = await lockWritableApplication(trx, applicationId, now);
    if (!writable.ok) return writable;
    const attachment = await findAttachment(trx, applicationId, attachmentId);
    if (!attachment) return { ok: false, reason: 'no-attachment' };
    await deleteAttachments(trx, applicationId, [attachmentId]);
    if (attachment.questionId !== null) await deleteAnswerIf(trx, applicationId, attachment.questionId, String(attachmentId));
    await appendAudit(
      trx,
      actor,
      {
        action: 'application.attachment-removed',
        entityType: 'application',
        entityId: applicationId,
        before: { attachmentId, questionId: attachment.questionId, sizeBytes: attachment.sizeBytes, sha256: attachment.sha256 },
      },
      now,
    );
    return { ok: true };
  });
}
