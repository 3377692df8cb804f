import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { mayManageCall } from '../../policies/policies.js';
import type { PageContext } from '../../views/page-context.js';
import {
  criterionFormOf,
  questionFormOf,
  readCriterionForm,
  readNoteForm,
  readQuestionForm,
  validateCriterionForm,
  validateNote,
  validateQuestionForm,
  type NoteForm,
} from './call-criteria.form.js';
import { callCriteriaMessages } from './call-criteria.messages.js';
import {
  createCriterion,
  createQuestion,
  editModeOf,
  moveCriterion,
  moveQuestion,
  removeCriterion,
  removeQuestion,
  updateCriterion,
  updateQuestion,
  type CallPart,
  type ChangeResult,
  type CorrectionNote,
  type EditMode,
} from './call-criteria.service.js';
import { findCallDetails, phaseOf, type CallDetails } from './calls.repository.js';
import { ConfirmChangePage, CriterionFormPage, QuestionFormPage } from './views/call-criteria.forms.js';
import { CriteriaListPage, QuestionsListPage, type ListNotice } from './views/call-criteria.lists.js';
import { LockedPage } from './views/call-criteria.parts.js';

const IdSchema = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const callParams = { schema: { params: Type.Object({ id: IdSchema }) } };
const criterionParams = { schema: { params: Type.Object({ id: IdSchema, criterionId: IdSchema }) } };
const questionParams = { schema: { params: Type.Object({ id: IdSchema, questionId: IdSchema }) } };

/**
 * The call of the address for an officer who manages it: 404 when there is no such call, 403 when
 * the officer's council does not take part in it (and they did not create it).
 */
export async function managedCall(app: FastifyInstance, request: FastifyRequest): Promise<CallDetails> {
  const { id } = request.params as { id: number };
  const db = app.database.db;
  const [call, owner] = await Promise.all([
    findCallDetails(db, id),
    db.selectFrom('calls').select('created_by').where('id', '=', id).executeTakeFirst(),
  ]);
  if (!call) throw new AppError('CALL_NOT_FOUND');
  if (!mayManageCall(request.principal, { regionCodes: call.budgets.map((b) => b.regionCode), createdBy: owner?.created_by ?? null })) {
    throw new AppError('FORBIDDEN');
  }
  return call;
}

const listNotices: readonly ListNotice[] = ['criterionCreated', 'criterionSaved', 'criterionRemoved', 'questionCreated', 'questionSaved', 'questionRemoved', 'moved'];

function listState(request: FastifyRequest): { notice: ListNotice | null; corrected: boolean } {
  const query = request.query as Record<string, unknown>;
  return { notice: listNotices.find((n) => n === query.done) ?? null, corrected: query.corrected === '1' };
}

export async function callCriteriaAdminPages(app: FastifyInstance) {
  const db = () => app.database.db;

  async function load(locale: Locale, request: FastifyRequest, reply: FastifyReply) {
    const call = await managedCall(app, request);
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(request, locale, { current: 'adminCalls' });
    const mode: EditMode = editModeOf(phaseOf(call, app.now()));
    return { call, ctx, mode };
  }

  function locked(reply: FastifyReply, ctx: PageContext, call: CallDetails, part: CallPart) {
    reply.code(409);
    return <LockedPage ctx={ctx} call={call} part={part} />;
  }

  /** After a change: back to the list with a notice, or the problem the service found. */
  function afterChange(
    locale: Locale,
    reply: FastifyReply,
    ctx: PageContext,
    call: CallDetails,
    part: CallPart,
    result: ChangeResult,
    done: ListNotice,
  ): FastifyReply | FieldError[] | ReturnType<typeof locked> {
    if (result.ok) {
      return reply.redirect(`${pagePath(locale, 'adminCalls', String(call.id), part)}?done=${done}${result.corrected ? '&corrected=1' : ''}`, 303);
    }
    if (result.reason === 'not-found') throw new AppError('NOT_FOUND');
    if (result.reason === 'locked') return locked(reply, ctx, call, part);
    // The call was published between showing the form and saving it: the announcement is needed now.
    return [{ field: 'note_fi', message: callCriteriaMessages[locale].noteRequired }];
  }

  // ---------- Criteria ----------

  getPage(app, 'adminCalls', '/:id/criteria', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx, mode } = await load(locale, request, reply);
    return <CriteriaListPage ctx={ctx} call={call} mode={mode} {...listState(request)} />;
  }, callParams);

  getPage(app, 'adminCalls', '/:id/criteria/new', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx, mode } = await load(locale, request, reply);
    if (mode === 'locked') return locked(reply, ctx, call, 'criteria');
    return <CriterionFormPage ctx={ctx} call={call} mode={mode} item={null} form={criterionFormOf(null)} errors={[]} />;
  }, callParams);

  postPage(app, 'adminCalls', '/:id/criteria/new', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx, mode } = await load(locale, request, reply);
    if (mode === 'locked') return locked(reply, ctx, call, 'criteria');
    const form = readCriterionForm(request.body);
    const checked = validateCriterionForm(form, locale, mode === 'correction');
    let errors: FieldError[];
    if (checked.ok) {
      const result = await createCriterion(db(), requestActor(request), call.id, checked.value, checked.note, app.now());
      const next = afterChange(locale, reply, ctx, call, 'criteria', result, 'criterionCreated');
      if (!Array.isArray(next)) return next;
      errors = next;
    } else errors = checked.errors;
    reply.code(400);
    return <CriterionFormPage ctx={ctx} call={call} mode={errors.some((e) => e.field === 'note_fi') ? 'correction' : mode} item={null} form={form} errors={errors} />;
  }, callParams);

  getPage(app, 'adminCalls', '/:id/criteria/:criterionId', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx, mode } = await load(locale, request, reply);
    const item = call.criteria.find((c) => c.id === (request.params as { criterionId: number }).criterionId);
    if (!item) throw new AppError('NOT_FOUND');
    if (mode === 'locked') return locked(reply, ctx, call, 'criteria');
    return <CriterionFormPage ctx={ctx} call={call} mode={mode} item={item} form={criterionFormOf(item)} errors={[]} />;
  }, criterionParams);

  postPage(app, 'adminCalls', '/:id/criteria/:criterionId', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx, mode } = await load(locale, request, reply);
    const item = call.criteria.find((c) => c.id === (request.params as { criterionId: number }).criterionId);
    if (!item) throw new AppError('NOT_FOUND');
    if (mode === 'locked') return locked(reply, ctx, call, 'criteria');
    const form = readCriterionForm(request.body);
    const checked = validateCriterionForm(form, locale, mode === 'correction');
    let errors: FieldError[];
    if (checked.ok) {
      const result = await updateCriterion(db(), requestActor(request), call.id, item.id, checked.value, checked.note, app.now());
      const next = afterChange(locale, reply, ctx, call, 'criteria', result, 'criterionSaved');
      if (!Array.isArray(next)) return next;
      errors = next;
    } else errors = checked.errors;
    reply.code(400);
    return <CriterionFormPage ctx={ctx} call={call} mode={errors.some((e) => e.field === 'note_fi') ? 'correction' : mode} item={item} form={form} errors={errors} />;
  }, criterionParams);

  // ---------- Extra questions ----------

  getPage(app, 'adminCalls', '/:id/questions', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx, mode } = await load(locale, request, reply);
    return <QuestionsListPage ctx={ctx} call={call} mode={mode} {...listState(request)} />;
  }, callParams);

  getPage(app, 'adminCalls', '/:id/questions/new', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx, mode } = await load(locale, request, reply);
    if (mode === 'locked') return locked(reply, ctx, call, 'questions');
    return <QuestionFormPage ctx={ctx} call={call} mode={mode} item={null} form={questionFormOf(null)} errors={[]} />;
  }, callParams);

  postPage(app, 'adminCalls', '/:id/questions/new', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx, mode } = await load(locale, request, reply);
    if (mode === 'locked') return locked(reply, ctx, call, 'questions');
    const form = readQuestionForm(request.body);
    const checked = validateQuestionForm(form, locale, mode === 'correction');
    let errors: FieldError[];
    if (checked.ok) {
      const result = await createQuestion(db(), requestActor(request), call.id, checked.value, checked.note, app.now());
      const next = afterChange(locale, reply, ctx, call, 'questions', result, 'questionCreated');
      if (!Array.isArray(next)) return next;
      errors = next;
    } else errors = checked.errors;
    reply.code(400);
    return <QuestionFormPage ctx={ctx} call={call} mode={errors.some((e) => e.field === 'note_fi') ? 'correction' : mode} item={null} form={form} errors={errors} />;
  }, callParams);

  getPage(app, 'adminCalls', '/:id/questions/:questionId', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx, mode } = await load(locale, request, reply);
    const item = call.questions.find((q) => q.id === (request.params as { questionId: number }).questionId);
    if (!item) throw new AppError('NOT_FOUND');
    if (mode === 'locked') return locked(reply, ctx, call, 'questions');
    return <QuestionFormPage ctx={ctx} call={call} mode={mode} item={item} form={questionFormOf(item)} errors={[]} />;
  }, questionParams);

  postPage(app, 'adminCalls', '/:id/questions/:questionId', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx, mode } = await load(locale, request, reply);
    const item = call.questions.find((q) => q.id === (request.params as { questionId: number }).questionId);
    if (!item) throw new AppError('NOT_FOUND');
    if (mode === 'locked') return locked(reply, ctx, call, 'questions');
    const form = readQuestionForm(request.body);
    const checked = validateQuestionForm(form, locale, mode === 'correction');
    let errors: FieldError[];
    if (checked.ok) {
      const result = await updateQuestion(db(), requestActor(request), call.id, item.id, checked.value, checked.note, app.now());
      const next = afterChange(locale, reply, ctx, call, 'questions', result, 'questionSaved');
      if (!Array.isArray(next)) return next;
      errors = next;
    } else errors = checked.errors;
    reply.code(400);
    return <QuestionFormPage ctx={ctx} call={call} mode={errors.some((e) => e.field === 'note_fi') ? 'correction' : mode} item={item} form={form} errors={errors} />;
  }, questionParams);

  // ---------- Removing and reordering (with a correction announcement once published) ----------

  type Act = (note: CorrectionNote | null) => Promise<ChangeResult>;

  /**
   * A remove or move button: done at once on a draft; on a published call the first post shows the
   * announcement form, and its post (with `confirm`) makes the change.
   */
  async function removeOrMove(locale: Locale, request: FastifyRequest, reply: FastifyReply, part: CallPart, action: 'remove' | 'move') {
    const { call, ctx, mode } = await load(locale, request, reply);
    const params = request.params as { criterionId?: number; questionId?: number };
    const items: ReadonlyArray<{ id: number; name: string }> =
      part === 'criteria'
        ? call.criteria.map((c) => ({ id: c.id, name: c.name[locale] || c.name.fi }))
        : call.questions.map((q) => ({ id: q.id, name: q.label[locale] || q.label.fi }));
    const item = items.find((i) => i.id === (part === 'criteria' ? params.criterionId : params.questionId));
    if (!item) throw new AppError('NOT_FOUND');
    if (mode === 'locked') return locked(reply, ctx, call, part);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const direction = body.direction === 'up' || body.direction === 'down' ? body.direction : null;
    if (action === 'move' && direction === null) throw new AppError('BAD_REQUEST', 'direction must be "up" or "down"');
    const change = direction ?? 'remove';
    const actor = requestActor(request);
    const act: Act =
      part === 'criteria'
        ? (note) => (direction ? moveCriterion(db(), actor, call.id, item.id, direction, note, app.now()) : removeCriterion(db(), actor, call.id, item.id, note, app.now()))
        : (note) => (direction ? moveQuestion(db(), actor, call.id, item.id, direction, note, app.now()) : removeQuestion(db(), actor, call.id, item.id, note, app.now()));
    const done: ListNotice = direction ? 'moved' : part === 'criteria' ? 'criterionRemoved' : 'questionRemoved';
    const confirmPage = (form: NoteForm, errors: FieldError[]) => (
      <ConfirmChangePage ctx={ctx} call={call} part={part} itemId={item.id} name={item.name} change={change} form={form} errors={errors} />
    );

    if (mode === 'free') {
      const next = afterChange(locale, reply, ctx, call, part, await act(null), done);
      if (!Array.isArray(next)) return next;
      return confirmPage(readNoteForm(body), []);
    }
    if (body.confirm !== '1') return confirmPage(readNoteForm(body), []);
    const form = readNoteForm(body);
    const checked = validateNote(form, locale);
    const errors = checked.ok ? afterChange(locale, reply, ctx, call, part, await act(checked.note), done) : checked.errors;
    if (!Array.isArray(errors)) return errors;
    reply.code(400);
    return confirmPage(form, errors);
  }

  postPage(app, 'adminCalls', '/:id/criteria/:criterionId/remove', 'manageCalls', (l, rq, rp) => removeOrMove(l, rq, rp, 'criteria', 'remove'), criterionParams);
  postPage(app, 'adminCalls', '/:id/criteria/:criterionId/move', 'manageCalls', (l, rq, rp) => removeOrMove(l, rq, rp, 'criteria', 'move'), criterionParams);
  postPage(app, 'adminCalls', '/:id/questions/:questionId/remove', 'manageCalls', (l, rq, rp) => removeOrMove(l, rq, rp, 'questions', 'remove'), questionParams);
  postPage(app, 'adminCalls', '/:id/questions/:questionId/move', 'manageCalls', (l, rq, rp) => removeOrMove(l, rq, rp, 'questions', 'move'), questionParams);
}
