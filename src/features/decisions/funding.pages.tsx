import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OptimumObjective, OptimumResult } from '../../domain/allocation-optimum.js';
import { requestActor } from '../../http/actor.js';
import { sha256Hex } from '../../security/tokens.js';
import { canonicalJson } from '../applications/submission.snapshot.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import type { PageContext } from '../../views/page-context.js';
import { callParams, managedCall } from '../calls/call-criteria.admin.pages.js';
import type { CallDetails } from '../calls/calls.repository.js';
import type { AssessedApplication } from './call-assessment.js';
import { readApplicationId, readFixedForm, validateFixedForm, type FixedForm } from './funding.form.js';
import { fundingMessages } from './funding.messages.js';
import {
  cancelProposal,
  clearFixedGrant,
  confirmProposal,
  loadFundingView,
  setFixedGrant,
  type FixedGrantPreview,
  type FundingView,
} from './funding.service.js';
import { solveWhatIf } from './what-if.pool.js';
import { loadExplanationNames, standingReasonText, type ExplanationNames } from './outcome-explanations.js';
import { FundingPage, fundingNotices, type FundingNotice } from './views/funding.page.js';
import { FundingRefusedPage } from './views/funding.parts.js';

/**
 * The seconds the what-if may take. HiGHS blocks the thread while it solves, so a page view gets a
 * short limit; a cut-short answer is labelled as such on the page.
 */
const WHAT_IF_TIME_LIMIT_SECONDS = 3;

/**
 * Answers for the inputs seen lately, keyed by the SHA-256 of the objective and the canonical input:
 * the same allocation viewed again (by another officer, or after a preview) is not solved again. An
 * answer cut short by the clock is kept too (the page labels it), so that a large call does not cost
 * every view the full time limit and every view shows the same advice; a failed solve is not kept. The solve itself runs in a worker thread, so the
 * process goes on serving other requests meanwhile.
 */
const recentAnswers = new Map<string, OptimumResult>();
const RECENT_ANSWERS_KEPT = 32;

/** The what-if for the allocation shown, solved in a worker thread (what-if.pool.ts), or null when the solver fails. */
async function whatIf(app: FastifyInstance, view: FundingView, objective: OptimumObjective): Promise<OptimumResult | null> {
  if (view.proposal || view.assessment.ranking.length === 0) return null;
  const key = sha256Hex(canonicalJson({ objective, input: view.input }));
  const known = recentAnswers.get(key);
  if (known) return known;
  try {
    const answer = await solveWhatIf(view.input, objective, { timeLimitSeconds: WHAT_IF_TIME_LIMIT_SECONDS });
    if (answer.status !== 'solver-failed') {
      recentAnswers.set(key, answer);
      if (recentAnswers.size > RECENT_ANSWERS_KEPT) recentAnswers.delete(recentAnswers.keys().next().value!);
    }
    return answer;
  } catch (error) {
    app.log.warn({ err: error }, 'the what-if solver failed');
    return null;
  }
}

const objectiveOf = (request: FastifyRequest): OptimumObjective => ((request.query as Record<string, unknown>).objective === 'amount' ? 'amount' : 'score');

export async function fundingPages(app: FastifyInstance) {
  const db = () => app.database.db;

  async function load(locale: Locale, request: FastifyRequest, reply: FastifyReply) {
    const call = await managedCall(app, request);
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(request, locale, { current: 'adminCalls' });
    return { call, ctx };
  }

  async function render(
    locale: Locale,
    request: FastifyRequest,
    call: CallDetails,
    ctx: PageContext,
    state: { preview?: FixedGrantPreview | null; editing?: FixedForm | null; errors?: FieldError[]; notice?: FundingNotice | null } = {},
  ) {
    const view = await loadFundingView(db(), call.id, app.now(), state.preview ?? null);
    if (!view) throw new AppError('CALL_NOT_FOUND');
    const objective = objectiveOf(request);
    const names = await loadExplanationNames(db(), locale, call.criteria);
    return (
      <FundingPage
        ctx={ctx}
        call={call}
        view={view}
        names={names}
        objective={objective}
        optimum={await whatIf(app, view, objective)}
        editing={state.editing ?? null}
        errors={state.errors ?? []}
        notice={state.notice ?? null}
      />
    );
  }

  function refused(reply: FastifyReply, ctx: PageContext, call: CallDetails, text: string, extra: { title?: string; items?: Array<{ id: number; title: string; detail: string }> } = {}) {
    reply.code(409);
    return <FundingRefusedPage ctx={ctx} call={call} text={text} {...extra} />;
  }

  const missingItems = (applications: readonly AssessedApplication[], locale: Locale, names: ExplanationNames) =>
    applications.map((a) => ({
      id: a.applicationId,
      title: a.title || fundingMessages[locale].applicationNumber(a.applicationId),
      detail: a.reasons
        .filter((r) => r.code === 'reviews-missing')
        .map((r) => standingReasonText(locale, r, names))
        .join(' '),
    }));

  const back = (locale: Locale, call: CallDetails, done: FundingNotice) => `${pagePath(locale, 'adminCalls', String(call.id), 'funding')}?done=${done}`;

  getPage(app, 'adminCalls', '/:id/funding', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx } = await load(locale, request, reply);
    const done = (request.query as Record<string, unknown>).done;
    return render(locale, request, call, ctx, { notice: fundingNotices.find((n) => n === done) ?? null });
  }, callParams);

  postPage(app, 'adminCalls', '/:id/funding/fixed', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx } = await load(locale, request, reply);
    const m = fundingMessages[locale];
    const posted = readFixedForm(request.body);
    if (!posted) throw new AppError('BAD_REQUEST', 'applicationId must be an application number');
    const { form, action } = posted;
    const view = await loadFundingView(db(), call.id, app.now());
    if (!view) throw new AppError('CALL_NOT_FOUND');
    if (view.proposal) return refused(reply, ctx, call, m.fixedLocked);
    const application = view.assessment.applications.find((a) => a.applicationId === form.applicationId);
    if (!application) throw new AppError('APPLICATION_NOT_FOUND');
    if (application.standing !== 'fundable') return refused(reply, ctx, call, m.notFundable);

    const checked = validateFixedForm(form, action, locale, application.requestedCents);
    if (!checked.ok) {
      reply.code(400);
      return render(locale, request, call, ctx, { editing: form, errors: checked.errors });
    }
    if (action === 'preview') return render(locale, request, call, ctx, { preview: { applicationId: form.applicationId, cents: checked.cents }, editing: form });

    const result = await setFixedGrant(db(), requestActor(request), { callId: call.id, applicationId: form.applicationId, cents: checked.cents, reason: form.reason }, app.now());
    if (result.ok) return reply.redirect(`${back(locale, call, 'fixedSaved')}#fixed`, 303);
    if (result.reason === 'not-found') throw new AppError('APPLICATION_NOT_FOUND');
    if (result.reason === 'above-requested') {
      // The request changed between reading and saving (it cannot after submission, but the rule holds here too).
      reply.code(400);
      const errors = validateFixedForm(form, action, locale, result.requestedCents);
      return render(locale, request, call, ctx, { editing: form, errors: errors.ok ? [] : errors.errors });
    }
    return refused(reply, ctx, call, result.reason === 'proposal-exists' ? m.fixedLocked : result.reason === 'not-fundable' ? m.notFundable : m.notInReview);
  }, callParams);

  postPage(app, 'adminCalls', '/:id/funding/fixed/clear', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx } = await load(locale, request, reply);
    const m = fundingMessages[locale];
    const applicationId = readApplicationId(request.body);
    if (applicationId === null) throw new AppError('BAD_REQUEST', 'applicationId must be an application number');
    const result = await clearFixedGrant(db(), requestActor(request), { callId: call.id, applicationId }, app.now());
    if (result.ok) return reply.redirect(`${back(locale, call, 'fixedCleared')}#fixed`, 303);
    if (result.reason === 'not-found') throw new AppError('APPLICATION_NOT_FOUND');
    return refused(reply, ctx, call, result.reason === 'proposal-exists' ? m.fixedLocked : m.notInReview);
  }, callParams);

  postPage(app, 'adminCalls', '/:id/funding/confirm', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx } = await load(locale, request, reply);
    const m = fundingMessages[locale];
    const result = await confirmProposal(db(), requestActor(request), call.id, app.now());
    if (result.ok) return reply.redirect(back(locale, call, 'confirmed'), 303);
    if (result.reason === 'not-found') throw new AppError('CALL_NOT_FOUND');
    if (result.reason === 'reviews-missing') {
      const names = await loadExplanationNames(db(), locale, call.criteria);
      return refused(reply, ctx, call, m.missingReviewsLead, { title: m.reviewsMissingTitle, items: missingItems(result.applications, locale, names) });
    }
    return refused(reply, ctx, call, result.reason === 'proposal-exists' ? m.proposalExists : m.confirmOnlyInReview);
  }, callParams);

  postPage(app, 'adminCalls', '/:id/funding/cancel', 'manageCalls', async (locale, request, reply) => {
    const { call, ctx } = await load(locale, request, reply);
    const m = fundingMessages[locale];
    const result = await cancelProposal(db(), requestActor(request), call.id, app.now());
    if (result.ok) return reply.redirect(back(locale, call, 'cancelled'), 303);
    if (result.reason === 'not-found') throw new AppError('CALL_NOT_FOUND');
    return refused(reply, ctx, call, result.reason === 'council-decided' ? m.cancelLocked : m.noProposal);
  }, callParams);
}
