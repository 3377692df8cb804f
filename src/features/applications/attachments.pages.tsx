import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkPdf, safeFilename, type PdfCheck } from '../../domain/pdf-check.js';
import { sendPrivateFile } from '../../http/downloads.js';
import { MAX_UPLOAD_BYTES, type UploadedFile } from '../../http/app.js';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { formatNumber } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import { formField } from '../auth/password-reset.form.js';
import { listAttachments } from './applications.repository.js';
import { attachmentsMessages } from './attachments.messages.js';
import { readAttachmentContent, uploaderNames } from './attachments.repository.js';
import { addAttachment, removeAttachment } from './attachments.service.js';
import { loadForEditor, notWritableMessage, type EditorContext } from './collaboration.context.js';
import { AttachmentsPage, DESCRIPTION_MAX, type AttachmentsNotice, type UploadForm } from './views/collaboration.attachments.js';

const idSchema = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const listParams = { schema: { params: Type.Object({ id: idSchema }) } };
const attachmentParams = { schema: { params: Type.Object({ id: idSchema, attachmentId: idSchema }) } };

function uploadedFile(body: unknown): UploadedFile | null {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).file : undefined;
  if (value === null || typeof value !== 'object' || !Buffer.isBuffer((value as UploadedFile).data)) return null;
  return value as UploadedFile;
}

function fileProblem(check: Extract<PdfCheck, { ok: false }>, name: string, locale: Locale): string {
  const m = attachmentsMessages[locale];
  switch (check.problem) {
    case 'empty':
      return m.empty(name);
    case 'too-large':
      return m.tooLarge(name, m.megabytes(formatNumber(MAX_UPLOAD_BYTES / (1024 * 1024), locale)));
    case 'not-pdf':
      return m.notPdf(name);
    case 'incomplete':
      return m.incomplete(name);
    case 'encrypted':
      return m.encrypted(name);
    case 'active-content':
      return m.activeContent(name, `/${check.feature ?? ''}`);
    case 'unreadable':
      return m.unreadable(name);
    case 'malware-test':
      return m.malware(name);
  }
}

/** The attachments of an application: the list with checksums, upload, download and removal. */
export async function attachmentPages(app: FastifyInstance) {
  const db = () => app.database.db;

  async function render(
    locale: Locale,
    request: FastifyRequest,
    editor: EditorContext,
    state: { notice: AttachmentsNotice | null; form?: UploadForm; errors?: FieldError[] },
  ) {
    const ctx = pageContext(request, locale, { current: 'applications' });
    const attachments = await listAttachments(db(), editor.application.id);
    const uploaders = await uploaderNames(db(), attachments.flatMap((a) => (a.uploadedBy === null ? [] : [a.uploadedBy])));
    const userId = request.principal!.userId;
    // The lead organisation's members remove any attachment; others the ones they added.
    const removable = new Set(attachments.filter((a) => editor.access.whole || a.uploadedBy === userId).map((a) => a.id));
    return (
      <AttachmentsPage
        ctx={ctx}
        application={editor.application}
        attachments={attachments}
        uploaders={uploaders}
        questions={editor.call.questions.filter((q) => q.kind === 'file')}
        writable={editor.writable}
        mayAnswer={editor.access.whole}
        removable={removable}
        notice={state.notice}
        form={state.form ?? { description: '', purpose: '' }}
        errors={state.errors ?? []}
        maxBytes={MAX_UPLOAD_BYTES}
      />
    );
  }

  getPage(
    app,
    'applications',
    '/:id/attachments',
    'applyForFunding',
    async (locale, request, reply) => {
      const editor = await loadForEditor(app, request);
      reply.header('cache-control', 'no-store');
      const done = (request.query as Record<string, unknown>).done;
      return render(locale, request, editor, { notice: done === 'uploaded' || done === 'removed' ? done : null });
    },
    listParams,
  );

  postPage(
    app,
    'applications',
    '/:id/attachments',
    'applyForFunding',
    async (locale, request, reply) => {
      const editor = await loadForEditor(app, request);
      reply.header('cache-control', 'no-store');
      const m = attachmentsMessages[locale];
      const form: UploadForm = { description: formField(request.body, 'description'), purpose: formField(request.body, 'purpose') };
      if (!editor.writable) {
        reply.code(409);
        const reason = editor.application.status !== 'draft' ? 'not-draft' : 'closed';
        return render(locale, request, editor, { notice: null, form, errors: [{ field: 'application', message: notWritableMessage(reason, editor.call.closesAt, locale, m) }] });
      }
      const errors: FieldError[] = [];
      const file = uploadedFile(request.body);
      let content: Buffer | null = null;
      const filename = safeFilename(file?.filename ?? '');
      if (!file || (file.filename === '' && file.data.length === 0)) errors.push({ field: 'file', message: m.fileMissing });
      else {
        const check = file.truncated ? ({ ok: false, problem: 'too-large' } as const) : checkPdf(file.data, MAX_UPLOAD_BYTES);
        if (check.ok) content = file.data;
        else errors.push({ field: 'file', message: fileProblem(check, filename, locale) });
      }
      const description = form.description.trim().replace(/\s+/g, ' ');
      if ([...description].length > DESCRIPTION_MAX) errors.push({ field: 'description', message: m.descriptionTooLong(DESCRIPTION_MAX) });
      let questionId: number | null = null;
      if (form.purpose !== '') {
        const question = editor.call.questions.find((q) => q.kind === 'file' && String(q.id) === form.purpose);
        if (!question) errors.push({ field: 'purpose', message: m.unknownPurpose });
        else if (!editor.access.whole) errors.push({ field: 'purpose', message: m.wholeOnly });
        else questionId = question.id;
      }
      if (errors.length > 0 || content === null) {
        reply.code(file?.truncated ? 413 : 400);
        return render(locale, request, editor, { notice: null, form, errors });
      }
      const result = await addAttachment(
        app.database.db,
        requestActor(request),
        { applicationId: editor.application.id, questionId, filename, description, content },
        app.now(),
      );
      if (result.ok) return reply.redirect(`${pagePath(locale, 'applications', String(editor.application.id), 'attachments')}?done=uploaded`, 303);
      if (result.reason === 'unknown-question') {
        reply.code(400);
        return render(locale, request, editor, { notice: null, form, errors: [{ field: 'purpose', message: m.unknownPurpose }] });
      }
      reply.code(409);
      return render(locale, request, { ...editor, writable: false }, {
        notice: null,
        form,
        errors: [{ field: 'application', message: notWritableMessage(result.reason, result.closesAt, locale, m) }],
      });
    },
    listParams,
  );

  getPage(
    app,
    'applications',
    '/:id/attachments/:attachmentId',
    'applyForFunding',
    async (_locale, request, reply) => {
      const editor = await loadForEditor(app, request);
      const { attachmentId } = request.params as { attachmentId: number };
      const attachment = await readAttachmentContent(db(), editor.application.id, attachmentId);
      if (!attachment) throw new AppError('ATTACHMENT_NOT_FOUND');
      return sendPrivateFile(reply, { filename: attachment.filename, contentType: 'application/pdf', content: attachment.content });
    },
    attachmentParams,
  );

  postPage(
    app,
    'applications',
    '/:id/attachments/:attachmentId/remove',
    'applyForFunding',
    async (locale, request, reply) => {
      const editor = await loadForEditor(app, request);
      const { attachmentId } = request.params as { attachmentId: number };
      const m = attachmentsMessages[locale];
      const attachment = editor.application.attachments.find((a) => a.id === attachmentId);
      if (!attachment) throw new AppError('ATTACHMENT_NOT_FOUND');
      if (!editor.access.whole && attachment.uploadedBy !== request.principal!.userId) throw new AppError('FORBIDDEN');
      reply.header('cache-control', 'no-store');
      const result = await removeAttachment(app.database.db, requestActor(request), editor.application.id, attachmentId, app.now());
      if (result.ok) return reply.redirect(`${pagePath(locale, 'applications', String(editor.application.id), 'attachments')}?done=removed`, 303);
      if (result.reason === 'no-attachment') throw new AppError('ATTACHMENT_NOT_FOUND');
      reply.code(409);
      return render(locale, request, { ...editor, writable: false }, {
        notice: null,
        errors: [{ field: 'application', message: notWritableMessage(result.reason, result.closesAt, locale, m) }],
      });
    },
    attachmentParams,
  );
}
