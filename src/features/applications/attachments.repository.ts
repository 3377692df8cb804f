import type { Executor } from '../../db/database.js';
import type { AttachmentInfo } from './applications.repository.js';

/** An attachment's description with its bytes, for a download. */
export interface AttachmentContent extends AttachmentInfo {
  content: Buffer;
}

export interface NewAttachment {
  applicationId: number;
  questionId: number | null;
  filename: string;
  description: string;
  contentType: string;
  sha256: string;
  content: Uint8Array;
  uploadedBy: number | null;
}

const infoColumns = ['id', 'question_id', 'filename', 'description', 'content_type', 'size_bytes', 'sha256', 'uploaded_by', 'uploaded_at'] as const;

type InfoRow = {
  id: number;
  question_id: number | null;
  filename: string;
  description: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: number | null;
  uploaded_at: string;
};

function toInfo(r: InfoRow): AttachmentInfo {
  return {
    id: r.id,
    questionId: r.question_id,
    filename: r.filename,
    description: r.description,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
  };
}

export async function insertAttachment(db: Executor, a: NewAttachment, at: Date): Promise<number> {
  const row = await db
    .insertInto('attachments')
    .values({
      application_id: a.applicationId,
      question_id: a.questionId,
      filename: a.filename,
      description: a.description,
      content_type: a.contentType,
      size_bytes: a.content.byteLength,
      sha256: a.sha256,
      content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
      uploaded_by: a.uploadedBy,
      uploaded_at: at.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An attachment of the application (never another application's), without its bytes. */
export async function findAttachment(db: Executor, applicationId: number, attachmentId: number): Promise<AttachmentInfo | undefined> {
  const row = await db
    .selectFrom('attachments')
    .select(infoColumns)
    .where('application_id', '=', applicationId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  return row && toInfo(row);
}

export async function readAttachmentContent(db: Executor, applicationId: number, attachmentId: number): Promise<AttachmentContent | undefined> {
  const row = await db
    .selectFrom('attachments')
    .select([...infoColumns, 'content'])
    .where('application_id', '=', applicationId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  return row && { ...toInfo(row), content: Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content as Uint8Array) };
}

/** The attachments that answer a question of the application. */
export async function attachmentsForQuestion(db: Executor, applicationId: number, questionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('attachments')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('question_id', '=', questionId)
    .execute();
  return rows.map((r) => r.id);
}

export async function deleteAttachments(db: Executor, applicationId: number, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.deleteFrom('attachments').where('application_id', '=', applicationId).where('id', 'in', [...ids]).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Records the answer to an extra question (for a file question, the attachment's id). */
export async function upsertAnswer(db: Executor, applicationId: number, questionId: number, value: string): Promise<void> {
  await db
    .insertInto('application_answers')
    .values({ application_id: applicationId, question_id: questionId, value })
    .onConflict((oc) => oc.columns(['application_id', 'question_id']).doUpdateSet({ value }))
    .execute();
}

/** Takes an answer away, but only while it still names the given value (a removed attachment). */
export async function deleteAnswerIf(db: Executor, applicationId: number, questionId: number, value: string): Promise<void> {
  await db
    .deleteFrom('application_answers')
    .where('application_id', '=', applicationId)
    .where('question_id', '=', questionId)
    .where('value', '=', value)
    .execute();
}

/** Names of the people who uploaded, for the list (ids of removed accounts stay unnamed). */
export async function uploaderNames(db: Executor, userIds: readonly number[]): Promise<Map<number, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
