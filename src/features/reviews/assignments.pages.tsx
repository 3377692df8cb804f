import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { judgeDeclaration } from '../../domain/disqualification.js';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { managedCall } from '../calls/call-criteria.admin.pages.js';
import { findCall, phaseOf, type CallDetails } from '../calls/calls.repository.js';
import { listRegions } from '../regions/regions.repository.js';
import { postedFields } from '../strategy/strategy.admin.form.js';
import { assignmentMessages } from './assignments.messages.js';
import { loadCallReview } from './assignments.overview.js';
import { callOfApplication, findReviewApplication, listReviewerAssignments } from './assignments.repository.js';
import { assignAutomatically, assignByHand, declare, removeAssignment } from './assignments.service.js';
import { findAssignment } from './reviews.repository.js';
import { reviewLockOf } from './review-lock.js';
import { AssignmentsPage, reviewerField, type AssignmentsForm } from './views/assignments.admin.js';
import { DeclarationPage, MyReviewsPage, NotReviewingPage, declarationLimits, type DeclarationForm } from './views/assignments.reviewer.js';

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const callParams = { schema: { params: Type.Object({ id: Id }) } };
const removeParams = { schema: { params: Type.Object({ id: Id, assignmentId: Id }) } };
const assignmentParams = { schema: { params: Type.Object({ assignmentId: Id }) } };

const perApplicationLimits = { min: 1, max: 5 } as const;
const defaultPerApplication = '2';

/** A whole number in the form's range, or null. */
function perApplicationOf(value: string): number | null {
  if (!/^\d{1,2}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= perApplicationLimits.min && n <= perApplicationLimits.max ? n : null;
}

const positiveId = (value: string): number | null => (/^\d{1,10}$/.test(value) && Number(value) >= 1 && Number(value) <= 2_147_483_647 ? Number(value) : null);

type Notice = { text: string; kind: 'success' | 'warning' } | null;

/**
 * Officers assign reviewers to the applications of a call they manage (by hand or automatically) and
 * take them off; reviewers see their assignments and declare whether they are disqualified before they
 * see an application. Changes are possible while the call is in review and its funding proposal is not
 * confirmed; a refused change re-renders its page with 409 and the reason.
 */
export async function assignmentPages(app: FastifyInstance) {
  const db = () => app.database.db;

  async function regionNames(locale: Locale): Promise<Map<string, string>> {
    return new Map((await listRegions(db())).map((r) => [r.code, r.name[locale]]));
  }

  async function officerPage(locale: Locale, request: FastifyRequest, call: CallDetails, state: { form?: AssignmentsForm; errors?: FieldError[]; notice?: Notice; perApplication?: number | null }) {
    const ctx = pageContext(request, locale, { current: 'adminCalls' });
    const overview = await loadCallReview(db(), call, state.perApplication ?? null);
    return (
      <AssignmentsPage
        ctx={ctx}
        call={call}
        phase={phaseOf(call, app.now())}
        overview={overview}
        regionNames={await regionNames(locale)}
        form={state.form ?? { perApplication: defaultPerApplication, add: null }}
        errors={state.errors ?? []}
        notice={state.notice ?? null}
      />
    );
  }

  /** The notice after a change, from the redirect's query; numbers are read only as small whole numbers. */
  function noticeOf(locale: Locale, query: Record<string, unknown>): Notice {
    const m = assignmentMessages[locale];
    const count = (name: string) => (typeof query[name] === 'string' && /^\d{1,5}$/.test(query[name]) ? Number(query[name]) : 0);
    const name = typeof query.name === 'string' ? query.name.slice(0, 200) : '';
    switch (query.done) {
      case 'assigned':
        return { text: m.noticeAssigned(name), kind: 'success' };
      case 'barred':
        return { text: m.noticeBarred(name), kind: 'warning' };
      case 'automatic':
        return count('added') > 0 ? { text: m.noticeAutomatic(count('added'), count('mailed')), kind: 'success' } : { text: m.noticeAutomaticNone, kind: 'warning' };
      case 'removed':
        return { text: m.noticeRemoved, kind: 'success' };
      default:
        return null;
    }
  }

  /** The page again with 409: the review of the call cannot change now (the phase notice says why). */
  async function refused(locale: Locale, request: FastifyRequest, reply: FastifyReply, call: CallDetails, text: string | null, form?: AssignmentsForm) {
    reply.code(409);
    return officerPage(locale, request, call, { notice: text ? { text, kind: 'warning' } : null, ...(form ? { form } : {}) });
  }

  // ---------- Officers ----------

  getPage(app, 'adminCalls', '/:id/review', 'manageCalls', async (locale, request, reply) => {
    const call = await managedCall(app, request);
    reply.header('cache-control', 'no-store');
    const query = request.query as Record<string, unknown>;
    const perApplication = typeof query.n === 'string' ? perApplicationOf(query.n) : null;
    return officerPage(locale, request, call, {
      notice: noticeOf(locale, query),
      perApplication,
      form: { perApplication: perApplication === null ? defaultPerApplication : String(perApplication), add: null },
    });
  }, callParams);

  postPage(app, 'adminCalls', '/:id/review/assign', 'manageCalls', async (locale, request, reply) => {
    const call = await managedCall(app, request);
    reply.header('cache-control', 'no-store');
    const m = assignmentMessages[locale];
    const fields = postedFields(request.body);
    const applicationId = positiveId(fields.one('application_id'));
    if (applicationId === null) throw new AppError('BAD_REQUEST', 'application_id is missing or not a number');
    const field = reviewerField(applicationId);
    const chosen = fields.one(field);
    const form: AssignmentsForm = { perApplication: defaultPerApplication, add: { applicationId, reviewerId: chosen } };
    const reviewerId = positiveId(chosen);
    const invalid = (message: string) => {
      reply.code(400);
      return officerPage(locale, request, call, { form, errors: [{ field, message }] });
    };
    if (reviewerId === null) return invalid(m.reviewerRequired);
    const result = await assignByHand(db(), requestActor(request), { callId: call.id, applicationId, reviewerId }, { deliver: app.mailer.delivers, baseUrl: app.config.baseUrl }, app.now());
    if (!result.ok) {
      if (result.reason === 'locked') return refused(locale, request, reply, call, null, form);
      if (result.reason === 'reviewer-not-found') return invalid(m.reviewerNotExpert);
      if (result.reason === 'already-assigned') return invalid(m.alreadyAssigned);
      throw new AppError(result.reason === 'call-not-found' ? 'CALL_NOT_FOUND' : 'APPLICATION_NOT_FOUND');
    }
    if (result.mailed) void app.outbox.dispatch();
    const done = result.status === 'barred' ? 'barred' : 'assigned';
    const here = pagePath(locale, 'adminCalls', String(call.id), 'review');
    return reply.redirect(`${here}?done=${done}&name=${encodeURIComponent(result.reviewerName)}#application-${applicationId}`, 303);
  }, callParams);

  postPage(app, 'adminCalls', '/:id/review/automatic', 'manageCalls', async (locale, request, reply) => {
    const call = await managedCall(app, request);
    reply.header('cache-control', 'no-store');
    const typed = postedFields(request.body).one('per_application');
    const perApplication = perApplicationOf(typed);
    const form: AssignmentsForm = { perApplication: typed, add: null };
    if (perApplication === null) {
      reply.code(400);
      return officerPage(locale, request, call, { form, errors: [{ field: 'per_application', message: assignmentMessages[locale].perApplicationInvalid }] });
    }
    const result = await assignAutomatically(db(), requestActor(request), { callId: call.id, perApplication }, { deliver: app.mailer.delivers, baseUrl: app.config.baseUrl }, app.now());
    if (!result.ok) {
      if (result.reason === 'locked') return refused(locale, request, reply, call, null, form);
      throw new AppError('CALL_NOT_FOUND');
    }
    if (result.reviewersMailed > 0) void app.outbox.dispatch();
    const here = pagePath(locale, 'adminCalls', String(call.id), 'review');
    return reply.redirect(`${here}?done=automatic&added=${result.added}&mailed=${result.reviewersMailed}&n=${perApplication}`, 303);
  }, callParams);

  postPage(app, 'adminCalls', '/:id/review/assignments/:assignmentId/remove', 'manageCalls', async (locale, request, reply) => {
    const call = await managedCall(app, request);
    reply.header('cache-control', 'no-store');
    const { assignmentId } = request.params as { assignmentId: number };
    const result = await removeAssignment(db(), requestActor(request), { callId: call.id, assignmentId }, app.now());
    if (!result.ok) {
      if (result.reason === 'locked') return refused(locale, request, reply, call, null);
      if (result.reason === 'scores-submitted') return refused(locale, request, reply, call, assignmentMessages[locale].cannotRemoveSubmitted);
      if (result.reason === 'disqualified') return refused(locale, request, reply, call, assignmentMessages[locale].cannotRemoveDisqualified);
      throw new AppError(result.reason === 'call-not-found' ? 'CALL_NOT_FOUND' : 'ASSIGNMENT_NOT_FOUND');
    }
    return reply.redirect(`${pagePath(locale, 'adminCalls', String(call.id), 'review')}?done=removed`, 303);
  }, removeParams);

  // ---------- Reviewers ----------

  getPage(app, 'reviews', '', 'reviewApplications', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(request, locale, { current: 'reviews' });
    return <MyReviewsPage ctx={ctx} assignments={await listReviewerAssignments(db(), request.principal!.userId)} />;
  });

  /** The viewer's own assignment on a submitted application; anyone else's is not found. */
  async function ownAssignment(request: FastifyRequest, reply: FastifyReply, locale: Locale) {
    reply.header('cache-control', 'no-store');
    const { assignmentId } = request.params as { assignmentId: number };
    const assignment = await findAssignment(db(), assignmentId);
    if (!assignment || assignment.reviewerId !== request.principal!.userId) throw new AppError('ASSIGNMENT_NOT_FOUND');
    const [application, callId] = await Promise.all([findReviewApplication(db(), assignment.applicationId), callOfApplication(db(), assignment.applicationId)]);
    const call = callId === undefined ? undefined : await findCall(db(), callId);
    if (!application || !call) throw new AppError('ASSIGNMENT_NOT_FOUND');
    const base = {
      ctx: pageContext(request, locale, { current: 'reviews' }),
      assignment,
      application,
      callTitle: call.title[locale] || call.title.fi,
      regionNames: await regionNames(locale),
    };
    return { base, call };
  }

  getPage(app, 'reviews', '/:assignmentId', 'reviewApplications', async (locale, request, reply) => {
    const { base, call } = await ownAssignment(request, reply, locale);
    const { assignment } = base;
    if (assignment.status === 'cleared') return reply.redirect(pagePath(locale, 'reviews', String(assignment.id), 'scores'), 303);
    if (assignment.status !== 'awaiting-declaration') {
      const declared = (request.query as Record<string, unknown>).declared === '1';
      return <NotReviewingPage {...base} notice={declared ? assignmentMessages[locale].declaredNotice : null} />;
    }
    const form: DeclarationForm = { grounds: [], noneApplies: false, note: '' };
    return <DeclarationPage {...base} form={form} errors={[]} lock={await reviewLockOf(db(), call)} />;
  }, assignmentParams);

  postPage(app, 'reviews', '/:assignmentId/declaration', 'reviewApplications', async (locale, request, reply) => {
    const { base } = await ownAssignment(request, reply, locale);
    const m = assignmentMessages[locale];
    const here = pagePath(locale, 'reviews', String(base.assignment.id));
    const fields = postedFields(request.body);
    const ticked = fields.all('grounds');
    const form: DeclarationForm = { grounds: ticked.filter((g) => g !== 'none'), noneApplies: ticked.includes('none'), note: fields.one('note').trim() };
    const errors: FieldError[] = [];
    const judged = judgeDeclaration({ noneApplies: form.noneApplies, grounds: form.grounds });
    if (!judged.ok) errors.push({ field: 'grounds', message: judged.problem === 'none-and-grounds' ? m.noneAndGrounds : m.nothingChosen });
    if ([...form.note].length > declarationLimits.note) errors.push({ field: 'note', message: m.noteTooLong(declarationLimits.note) });
    if (!judged.ok || errors.length > 0) {
      reply.code(400);
      return <DeclarationPage {...base} form={form} errors={errors} lock={null} />;
    }
    const result = await declare(
      db(),
      requestActor(request),
      { assignmentId: base.assignment.id, reviewerId: request.principal!.userId, declaration: judged, note: form.note === '' ? null : form.note },
      app.now(),
    );
    if (result.ok) return reply.redirect(result.status === 'cleared' ? `${here}/scores` : `${here}?declared=1`, 303);
    if (result.reason === 'locked') {
      reply.code(409);
      return <DeclarationPage {...base} form={form} errors={[]} lock={result.lock} />;
    }
    if (result.reason === 'not-found') throw new AppError('ASSIGNMENT_NOT_FOUND');
    // Declared already (a second tab, a resent form): the assignment's page shows where it stands.
    return reply.redirect(here, 303);
  }, assignmentParams);
}
