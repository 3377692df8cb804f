import { sendPrivateFile } from '../../http/downloads.js';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkEligibility } from '../../domain/eligibility.js';
import { isValidScore } from '../../domain/review-scoring.js';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { findAttachmentContent } from '../applications/submission.service.js';
import { draftFromSnapshot } from '../applications/submission.snapshot.js';
import type { Names } from '../applications/views/submission.parts.js';
import { callRules, type CallDetails, type Criterion } from '../calls/calls.repository.js';
import { listGrowthSectors, listRegions } from '../regions/regions.repository.js';
import { postedFields } from '../strategy/strategy.admin.form.js';
import { listPriorities } from '../strategy/strategy.repository.js';
import { scoringMessages } from './scoring.messages.js';
import { loadReviewerScoring, saveScores, scoringLimits, type ReviewerScoring, type ScoreInput } from './scoring.service.js';
import { criterionName } from './views/scoring.parts.js';
import { ReviewerScoringPage, storedForm, type ReviewerNotice, type ReviewerRefusal, type ScoreFormValues } from './views/scoring.reviewer.js';
import { scoringAdminPages } from './scoring.admin.pages.js';

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const assignmentParams = { schema: { params: Type.Object({ assignmentId: Id }) } };
const attachmentParams = { schema: { params: Type.Object({ assignmentId: Id, attachmentId: Id }) } };

const chars = (text: string) => [...text].length;

/** The scoring form as posted, every value kept as typed. */
function readScoreForm(body: unknown, criteria: readonly Criterion[]): { form: ScoreFormValues; submit: boolean } {
  const fields = postedFields(body);
  const scores: Record<number, string> = {};
  const comments: Record<number, string> = {};
  for (const c of criteria) {
    scores[c.id] = fields.one(`score_${c.id}`);
    comments[c.id] = fields.one(`comment_${c.id}`);
  }
  const independent = fields.one('independent');
  return { form: { scores, comments, independent: independent === '1' || independent === 'on' }, submit: fields.one('action') === 'submit' };
}

/** Checks the form: a draft may leave anything out; a submission needs every score, every comment and the confirmation. */
function checkScoreForm(form: ScoreFormValues, criteria: readonly Criterion[], submit: boolean, locale: Locale): { errors: FieldError[]; inputs: ScoreInput[] } {
  const m = scoringMessages[locale];
  const errors: FieldError[] = [];
  const inputs: ScoreInput[] = [];
  for (const c of criteria) {
    const name = criterionName(c, locale);
    const raw = (form.scores[c.id] ?? '').trim();
    const comment = (form.comments[c.id] ?? '').trim();
    let score: number | null = null;
    if (raw !== '') {
      score = /^\d$/.test(raw) ? Number(raw) : Number.NaN;
      if (!isValidScore(c.kind, score)) errors.push({ field: `score_${c.id}`, message: m.scoreInvalid(name) });
    } else if (submit) {
      errors.push({ field: `score_${c.id}`, message: c.kind === 'general' ? m.verdictRequired(name) : m.scoreRequired(name) });
    }
    if (chars(comment) > scoringLimits.comment) errors.push({ field: `comment_${c.id}`, message: m.commentTooLong(name, scoringLimits.comment) });
    else if (submit && comment === '') errors.push({ field: `comment_${c.id}`, message: m.commentRequired(name) });
    inputs.push({ criterionId: c.id, score, comment });
  }
  if (submit && !form.independent) errors.push({ field: 'independent', message: m.independentRequired });
  return { errors, inputs };
}

const reviewerNotices: readonly ReviewerNotice[] = ['saved', 'submitted'];

/**
 * The reviewer's scoring of one assigned application (the officers' view of an application's review
 * is in scoring.admin.pages.tsx). Only the assignment's own reviewer gets in, and only once cleared:
 * a reviewer still to declare is sent to the declaration, a disqualified or barred one is refused.
 */
export async function scoringPages(app: FastifyInstance) {
  const db = () => app.database.db;

  async function namesFor(call: CallDetails): Promise<Names> {
    const [regions, priorities, sectors] = await Promise.all([listRegions(db()), listPriorities(db(), { strategyIds: [call.strategyId] }), listGrowthSectors(db())]);
    return { call, regions, priorities, sectors };
  }

  /** The assignment of the address for its cleared reviewer, or the redirect to the declaration still to make. */
  async function clearedReviewer(request: FastifyRequest, reply: FastifyReply, locale: Locale): Promise<ReviewerScoring | FastifyReply> {
    const { assignmentId } = request.params as { assignmentId: number };
    reply.header('cache-control', 'private, no-store');
    const data = await loadReviewerScoring(db(), assignmentId);
    if (!data) throw new AppError('ASSIGNMENT_NOT_FOUND');
    if (data.assignment.reviewerId !== request.principal?.userId) throw new AppError('FORBIDDEN');
    if (data.assignment.status === 'awaiting-declaration') return reply.redirect(pagePath(locale, 'reviews', String(assignmentId)), 303);
    if (data.assignment.status !== 'cleared') throw new AppError('DISQUALIFIED');
    if (data.applicationStatus !== 'submitted') throw new AppError('APPLICATION_NOT_FOUND');
    return data;
  }

  const isReply = (value: ReviewerScoring | FastifyReply): value is FastifyReply => 'sent' in value;

  async function page(
    locale: Locale,
    request: FastifyRequest,
    data: ReviewerScoring,
    state: { form: ScoreFormValues; errors?: FieldError[]; notice?: ReviewerNotice | null; refusal?: ReviewerRefusal | null },
  ) {
    const names = await namesFor(data.call);
    const figures = checkEligibility(callRules(data.call), draftFromSnapshot(data.submission.snapshot)).figures;
    const ctx = pageContext(request, locale, { current: 'reviews' });
    return (
      <ReviewerScoringPage
        ctx={ctx}
        data={data}
        names={names}
        figures={figures}
        form={state.form}
        errors={state.errors ?? []}
        notice={state.notice ?? null}
        refusal={state.refusal ?? null}
      />
    );
  }

  getPage(app, 'reviews', '/:assignmentId/scores', 'reviewApplications', async (locale, request, reply) => {
    const data = await clearedReviewer(request, reply, locale);
    if (isReply(data)) return data;
    const done = (request.query as Record<string, unknown>).done;
    return page(locale, request, data, { form: storedForm(data), notice: reviewerNotices.find((n) => n === done) ?? null });
  }, assignmentParams);

  postPage(app, 'reviews', '/:assignmentId/scores', 'reviewApplications', async (locale, request, reply) => {
    const data = await clearedReviewer(request, reply, locale);
    if (isReply(data)) return data;
    const { form, submit } = readScoreForm(request.body, data.call.criteria);
    const refuse = (refusal: ReviewerRefusal) => {
      reply.code(409);
      return page(locale, request, data, { form, refusal });
    };
    if (data.assignment.submittedAt !== null) return refuse('already-submitted');
    if (data.lock !== null) return refuse(data.lock);
    const { errors, inputs } = checkScoreForm(form, data.call.criteria, submit, locale);
    if (errors.length > 0) {
      reply.code(400);
      return page(locale, request, data, { form, errors });
    }
    const result = await saveScores(db(), requestActor(request), { assignmentId: data.assignment.id, reviewerId: data.assignment.reviewerId, scores: inputs, submit }, app.now());
    if (result.ok) {
      const here = pagePath(locale, 'reviews', String(data.assignment.id), 'scores');
      return reply.redirect(`${here}?done=${result.submitted ? 'submitted' : 'saved'}#scoring`, 303);
    }
    switch (result.reason) {
      case 'not-found':
        throw new AppError('ASSIGNMENT_NOT_FOUND');
      case 'not-cleared':
        throw new AppError('DISQUALIFIED');
      case 'submitted':
        return refuse('already-submitted');
      // Checked above; reached only when the call or the criteria changed in between.
      case 'locked':
      case 'invalid':
      case 'incomplete':
        return refuse((await loadReviewerScoring(db(), data.assignment.id))?.lock ?? 'not-in-review');
    }
  }, assignmentParams);

  getPage(app, 'reviews', '/:assignmentId/attachments/:attachmentId', 'reviewApplications', async (locale, request, reply) => {
    const data = await clearedReviewer(request, reply, locale);
    if (isReply(data)) return data;
    const { attachmentId } = request.params as { attachmentId: number };
    const listed = data.submission.snapshot.attachments.find((a) => a.id === attachmentId);
    const file = listed ? await findAttachmentContent(db(), data.assignment.applicationId, attachmentId) : undefined;
    if (!listed || !file) throw new AppError('ATTACHMENT_NOT_FOUND');
    return sendPrivateFile(reply, { filename: file.filename, contentType: file.content_type === 'application/pdf' ? 'application/pdf' : 'application/octet-stream', content: file.content });
  }, attachmentParams);

  await scoringAdminPages(app);
}
