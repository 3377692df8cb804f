import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { postedFields } from '../strategy/strategy.admin.form.js';
import { callParams, managedCall } from './call-criteria.admin.pages.js';
import { InquiryDetailPage, InquiryInboxPage, type AnswerForm, type InquiryNotice } from './call-inquiries.admin.views.js';
import { callInquiryMessages } from './call-inquiries.messages.js';
import { findInquiry, listInquiries, listPublishedInquiries } from './call-inquiries.repository.js';
import { acceptsInquiries, askAboutCall, charCount, dismissInquiry, inquiryLimits, publishAnswer } from './call-inquiries.service.js';
import { InquiryAskPage, type AskForm } from './call-inquiries.views.js';
import { findCall, phaseOf, type Call } from './calls.repository.js';
import { callTitle } from './views/call-criteria.parts.js';

const IdSchema = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const inquiryParams = { schema: { params: Type.Object({ id: IdSchema, inquiryId: IdSchema }) } };

function checkQuestion(text: string, locale: Locale): FieldError[] {
  const m = callInquiryMessages[locale];
  const length = charCount(text);
  if (length === 0) return [{ field: 'question', message: m.questionRequired }];
  if (length < inquiryLimits.questionMin) return [{ field: 'question', message: m.questionTooShort(inquiryLimits.questionMin) }];
  if (length > inquiryLimits.questionMax) return [{ field: 'question', message: m.questionTooLong(inquiryLimits.questionMax, length) }];
  return [];
}

function checkAnswer(form: AnswerForm, locale: Locale): FieldError[] {
  const m = callInquiryMessages[locale];
  const errors: FieldError[] = [];
  if (form.publicQuestion === '') errors.push({ field: 'public_question', message: m.publicQuestionRequired });
  else if (charCount(form.publicQuestion) > inquiryLimits.questionMax) errors.push({ field: 'public_question', message: m.publicQuestionTooLong(inquiryLimits.questionMax) });
  if (form.answer === '') errors.push({ field: 'answer', message: m.answerRequired });
  else if (charCount(form.answer) > inquiryLimits.answerMax) errors.push({ field: 'answer', message: m.answerTooLong(inquiryLimits.answerMax) });
  return errors;
}

const inquiryNotices: readonly InquiryNotice[] = ['published', 'updated', 'dismissed'];

export async function callInquiryPages(app: FastifyInstance) {
  const db = () => app.database.db;

  /** A call the public may see (published or later); drafts are not found. */
  async function publicCall(request: FastifyRequest): Promise<Call> {
    const { id } = request.params as { id: number };
    const call = await findCall(db(), id);
    if (!call || call.status === 'draft') throw new AppError('CALL_NOT_FOUND');
    return call;
  }

  async function askPage(locale: Locale, request: FastifyRequest, call: Call, form: AskForm, refused: boolean, asked = false) {
    const ctx = pageContext(request, locale, { current: 'calls', alternates: alternatePaths('calls', String(call.id), 'questions') });
    const inquiries = await listPublishedInquiries(db(), call.id);
    return <InquiryAskPage ctx={ctx} callId={call.id} callTitle={callTitle(call, locale)} inquiries={inquiries} phase={phaseOf(call, app.now())} form={form} refused={refused} asked={asked} />;
  }

  // ---------- Public: asking, and the answers published ----------

  getPage(app, 'calls', '/:id/questions', 'public', async (locale, request) => {
    const call = await publicCall(request);
    const asked = (request.query as Record<string, unknown>).asked === '1';
    return askPage(locale, request, call, { question: '', errors: [] }, false, asked);
  }, callParams);

  postPage(app, 'calls', '/:id/questions', 'askAboutCall', async (locale, request, reply) => {
    const call = await publicCall(request);
    const question = postedFields(request.body).one('question').trim();
    reply.header('cache-control', 'no-store');
    if (!acceptsInquiries(phaseOf(call, app.now()))) {
      reply.code(409);
      return askPage(locale, request, call, { question, errors: [] }, true);
    }
    const errors = checkQuestion(question, locale);
    if (errors.length === 0) {
      const result = await askAboutCall(db(), requestActor(request), { callId: call.id, userId: request.principal!.userId, question, locale }, app.now());
      if (result.ok) return reply.redirect(`${pagePath(locale, 'calls', String(call.id))}?asked=1#questions`, 303);
      if (result.reason === 'not-found') throw new AppError('CALL_NOT_FOUND');
      reply.code(409);
      return askPage(locale, request, call, { question, errors: [] }, true);
    }
    reply.code(400);
    return askPage(locale, request, call, { question, errors }, false);
  }, callParams);

  // ---------- Officers: the inbox and answering ----------

  getPage(app, 'adminCalls', '/:id/inquiries', 'manageCalls', async (locale, request, reply) => {
    const call = await managedCall(app, request);
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(request, locale, { current: 'adminCalls' });
    return <InquiryInboxPage ctx={ctx} call={call} inquiries={await listInquiries(db(), call.id)} />;
  }, callParams);

  async function inquiryOf(request: FastifyRequest, reply: FastifyReply, locale: Locale) {
    const call = await managedCall(app, request);
    const inquiry = await findInquiry(db(), call.id, (request.params as { inquiryId: number }).inquiryId);
    if (!inquiry) throw new AppError('NOT_FOUND');
    reply.header('cache-control', 'no-store');
    return { call, inquiry, ctx: pageContext(request, locale, { current: 'adminCalls' }) };
  }

  getPage(app, 'adminCalls', '/:id/inquiries/:inquiryId', 'manageCalls', async (locale, request, reply) => {
    const { call, inquiry, ctx } = await inquiryOf(request, reply, locale);
    const done = (request.query as Record<string, unknown>).done;
    const form: AnswerForm = { publicQuestion: inquiry.publicQuestion ?? inquiry.question, answer: inquiry.answer ?? '' };
    return <InquiryDetailPage ctx={ctx} call={call} inquiry={inquiry} form={form} errors={[]} notice={inquiryNotices.find((n) => n === done) ?? null} />;
  }, inquiryParams);

  postPage(app, 'adminCalls', '/:id/inquiries/:inquiryId', 'manageCalls', async (locale, request, reply) => {
    const { call, inquiry, ctx } = await inquiryOf(request, reply, locale);
    const fields = postedFields(request.body);
    const form: AnswerForm = { publicQuestion: fields.one('public_question').trim(), answer: fields.one('answer').trim() };
    const here = pagePath(locale, 'adminCalls', String(call.id), 'inquiries', String(inquiry.id));
    const actor = requestActor(request);
    let errors: FieldError[];
    if (fields.one('action') === 'dismiss') {
      const result = await dismissInquiry(db(), actor, { callId: call.id, inquiryId: inquiry.id }, app.now());
      if (result.ok) return reply.redirect(`${here}?done=dismissed`, 303);
      if (result.reason === 'not-found') throw new AppError('NOT_FOUND');
      reply.code(409);
      errors = [{ field: 'answer', message: callInquiryMessages[locale].cannotDismissPublished }];
    } else {
      errors = checkAnswer(form, locale);
      if (errors.length === 0) {
        const result = await publishAnswer(
          db(),
          actor,
          { callId: call.id, inquiryId: inquiry.id, publicQuestion: form.publicQuestion, answer: form.answer },
          { deliver: app.mailer.delivers, baseUrl: app.config.baseUrl },
          app.now(),
        );
        if (!result.ok) throw new AppError('NOT_FOUND');
        if (result.mailed) void app.outbox.dispatch();
        return reply.redirect(`${here}?done=${result.firstPublication ? 'published' : 'updated'}`, 303);
      }
      reply.code(400);
    }
    return <InquiryDetailPage ctx={ctx} call={call} inquiry={inquiry} form={form} errors={errors} notice={null} />;
  }, inquiryParams);
}
