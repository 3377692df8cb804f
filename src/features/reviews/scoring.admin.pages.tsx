import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isValidScore } from '../../domain/review-scoring.js';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { managedCall } from '../calls/call-criteria.admin.pages.js';
import { assessCall } from '../decisions/call-assessment.js';
import { listRegions } from '../regions/regions.repository.js';
import { postedFields } from '../strategy/strategy.admin.form.js';
import { listScores } from './reviews.repository.js';
import { assessmentLimits, clearIneligible, findIneligibleMarking, markIneligible, recordConsensus, removeConsensus, type OfficerChangeResult } from './scoring.admin.service.js';
import { scoringMessages } from './scoring.messages.js';
import { reviewLockOf } from './review-lock.js';
import { OfficerReviewPage, type OfficerNotice, type OfficerReviewData } from './views/scoring.admin.js';
import { storedForms, type OfficerReviewForms } from './views/scoring.admin.forms.js';
import { criterionName, submittedReviews } from './views/scoring.parts.js';

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const reviewParams = { schema: { params: Type.Object({ id: Id, applicationId: Id }) } };

const chars = (text: string) => [...text].length;
const officerNotices: readonly OfficerNotice[] = ['consensusSaved', 'consensusRemoved', 'ineligibleMarked', 'ineligibleCleared'];

/**
 * The officers' view of one application's review: assignments, submitted scores and justifications,
 * means, disagreements and the standing from assessCall; and the two things officers record here, a
 * consensus score per criterion and formal ineligibility.
 */
export async function scoringAdminPages(app: FastifyInstance) {
  const db = () => app.database.db;

  /** The review of a submitted application of a call the officer manages (404 for anything else). */
  async function load(request: FastifyRequest, reply: FastifyReply): Promise<OfficerReviewData> {
    const call = await managedCall(app, request);
    reply.header('cache-control', 'private, no-store');
    const { applicationId } = request.params as { applicationId: number };
    const assessment = await assessCall(db(), call.id);
    const application = assessment?.applications.find((a) => a.applicationId === applicationId);
    if (!application) throw new AppError('APPLICATION_NOT_FOUND');
    const [scores, regions, lock, marking] = await Promise.all([
      listScores(db(), submittedReviews(application.assignments).map((a) => a.id)),
      listRegions(db()),
      reviewLockOf(db(), call),
      findIneligibleMarking(db(), applicationId),
    ]);
    return { call, application, scores, regions, lock, marking };
  }

  function render(locale: Locale, request: FastifyRequest, data: OfficerReviewData, state: { forms?: OfficerReviewForms; errors?: FieldError[]; notice?: OfficerNotice | null; refused?: boolean }) {
    return (
      <OfficerReviewPage
        ctx={pageContext(request, locale, { current: 'adminCalls' })}
        data={data}
        forms={state.forms ?? storedForms(data)}
        errors={state.errors ?? []}
        notice={state.notice ?? null}
        refused={state.refused ?? false}
      />
    );
  }

  const here = (locale: Locale, data: OfficerReviewData) =>
    pagePath(locale, 'adminCalls', String(data.call.id), 'review', 'applications', String(data.application.applicationId));

  /** After a change: back to the page with a notice, or the page again (409) when the review was locked meanwhile. */
  async function afterChange(locale: Locale, request: FastifyRequest, reply: FastifyReply, data: OfficerReviewData, forms: OfficerReviewForms, result: OfficerChangeResult, done: OfficerNotice, anchor: string) {
    if (result.ok) return reply.redirect(`${here(locale, data)}?done=${done}#${anchor}`, 303);
    if (result.reason === 'not-found') throw new AppError('APPLICATION_NOT_FOUND');
    reply.code(409);
    return render(locale, request, { ...data, lock: (await reviewLockOf(db(), data.call)) ?? 'not-in-review' }, { forms, refused: true });
  }

  getPage(app, 'adminCalls', '/:id/review/applications/:applicationId', 'manageCalls', async (locale, request, reply) => {
    const data = await load(request, reply);
    const done = (request.query as Record<string, unknown>).done;
    return render(locale, request, data, { notice: officerNotices.find((n) => n === done) ?? null });
  }, reviewParams);

  postPage(app, 'adminCalls', '/:id/review/applications/:applicationId/consensus', 'manageCalls', async (locale, request, reply) => {
    const data = await load(request, reply);
    const fields = postedFields(request.body);
    const criterion = data.call.criteria.find((c) => String(c.id) === fields.one('criterion'));
    if (!criterion) throw new AppError('VALIDATION_FAILED', 'The form names no criterion of this call');
    const forms = storedForms(data);
    const typed = { score: fields.one(`consensus_${criterion.id}`).trim(), justification: fields.one(`justification_${criterion.id}`) };
    forms.consensus[criterion.id] = typed;
    if (data.lock !== null) {
      reply.code(409);
      return render(locale, request, data, { forms, refused: true });
    }
    const target = { callId: data.call.id, applicationId: data.application.applicationId, criterionId: criterion.id };
    const actor = requestActor(request);
    if (fields.one('action') === 'remove') {
      return afterChange(locale, request, reply, data, forms, await removeConsensus(db(), actor, target, app.now()), 'consensusRemoved', `criterion-${criterion.id}`);
    }
    const m = scoringMessages[locale];
    const name = criterionName(criterion, locale);
    const errors: FieldError[] = [];
    const score = /^\d$/.test(typed.score) ? Number(typed.score) : Number.NaN;
    if (typed.score === '') errors.push({ field: `consensus_${criterion.id}`, message: m.consensusScoreRequired(name) });
    else if (!isValidScore(criterion.kind, score)) errors.push({ field: `consensus_${criterion.id}`, message: m.scoreInvalid(name) });
    const justification = typed.justification.trim();
    if (justification === '') errors.push({ field: `justification_${criterion.id}`, message: m.justificationRequired(name) });
    else if (chars(justification) > assessmentLimits.justification) errors.push({ field: `justification_${criterion.id}`, message: m.justificationTooLong(assessmentLimits.justification) });
    if (errors.length > 0) {
      reply.code(400);
      return render(locale, request, data, { forms, errors });
    }
    const result = await recordConsensus(db(), actor, { ...target, score, justification }, app.now());
    return afterChange(locale, request, reply, data, forms, result, 'consensusSaved', `criterion-${criterion.id}`);
  }, reviewParams);

  postPage(app, 'adminCalls', '/:id/review/applications/:applicationId/eligibility', 'manageCalls', async (locale, request, reply) => {
    const data = await load(request, reply);
    const fields = postedFields(request.body);
    const forms = { ...storedForms(data), ineligibleReason: fields.one('ineligible_reason') };
    if (data.lock !== null) {
      reply.code(409);
      return render(locale, request, data, { forms, refused: true });
    }
    const target = { callId: data.call.id, applicationId: data.application.applicationId };
    const actor = requestActor(request);
    if (fields.one('action') === 'clear') {
      return afterChange(locale, request, reply, data, forms, await clearIneligible(db(), actor, target, app.now()), 'ineligibleCleared', 'eligibility');
    }
    const m = scoringMessages[locale];
    const reason = forms.ineligibleReason.trim();
    const errors: FieldError[] = [];
    if (reason === '') errors.push({ field: 'ineligible_reason', message: m.reasonRequired });
    else if (chars(reason) > assessmentLimits.ineligibleReason) errors.push({ field: 'ineligible_reason', message: m.reasonTooLong(assessmentLimits.ineligibleReason) });
    if (errors.length > 0) {
      reply.code(400);
      return render(locale, request, data, { forms, errors });
    }
    const result = await markIneligible(db(), actor, { ...target, reason }, app.now());
    return afterChange(locale, request, reply, data, forms, result, 'ineligibleMarked', 'eligibility');
  }, reviewParams);
}
