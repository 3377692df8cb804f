import { attachmentDisposition, sendPrivateFile } from '../../http/downloads.js';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkEligibility } from '../../domain/eligibility.js';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { mayReadCallApplications } from '../../policies/policies.js';
import { callRules, findCallDetails, phaseOf, type CallDetails } from '../calls/calls.repository.js';
import { listGrowthSectors, listRegions } from '../regions/regions.repository.js';
import { listPriorities } from '../strategy/strategy.repository.js';
import { exportFilename, exportRows, toCsv, toXlsx } from './applications.export.js';
import { editorAccess, findApplication, findApplicationDetails, toDraft, type Application } from './applications.repository.js';
import { submissionMessages } from './submission.messages.js';
import {
  countDrafts,
  findAttachmentContent,
  latestSubmission,
  listCallSubmissions,
  submitApplication,
  withdrawApplication,
  type CallApplicationRow,
} from './submission.service.js';
import { draftFromSnapshot } from './submission.snapshot.js';
import { OfficerApplicationPage } from './views/officer-applications.detail.js';
import { OfficerApplicationsPage, type EligibilityFilter } from './views/officer-applications.list.js';
import { SubmitPage, type SubmitBlock } from './views/submission.confirm.js';
import { problemNames, type Names } from './views/submission.parts.js';
import { ReceiptPage, SubmittedPage, WithdrawPage } from './views/submission.receipt.js';

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const idParams = { schema: { params: Type.Object({ id: Id }) } };
const applicationParams = { schema: { params: Type.Object({ id: Id, applicationId: Id }) } };
const attachmentParams = { schema: { params: Type.Object({ id: Id, applicationId: Id, attachmentId: Id }) } };
const exportQuery = {
  schema: { params: Type.Object({ id: Id }), querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])) }) },
};

const ticked = (value: unknown) => value === '1' || value === 'on' || value === 'true';
const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

/**
 * Submitting, the receipt, withdrawing (the applicant's side, lead organisation's members only), and
 * the officers' list of a call's applications with its CSV and XLSX export.
 */
export async function submissionPages(app: FastifyInstance) {
  const db = () => app.database.db;

  async function namesFor(call: CallDetails): Promise<Names> {
    const [regions, priorities, sectors] = await Promise.all([listRegions(db()), listPriorities(db(), { strategyIds: [call.strategyId] }), listGrowthSectors(db())]);
    return { call, regions, priorities, sectors };
  }

  /** The application of the address, when the signed-in user is a member of its lead organisation. */
  async function ownApplication(request: FastifyRequest): Promise<{ application: Application; call: CallDetails }> {
    const { id } = request.params as { id: number };
    const application = await findApplication(db(), id);
    if (!application) throw new AppError('APPLICATION_NOT_FOUND');
    const principal = request.principal;
    if (!principal || !(await editorAccess(db(), application, principal.userId)).whole) throw new AppError('FORBIDDEN');
    const call = await findCallDetails(db(), application.callId);
    if (!call) throw new AppError('CALL_NOT_FOUND');
    return { application, call };
  }

  const applicantContext = (request: FastifyRequest, locale: Locale) => pageContext(request, locale, { current: 'applications' });

  /** The submit page as it stands: what blocks submitting now, if anything. */
  async function renderSubmit(request: FastifyRequest, reply: FastifyReply, locale: Locale, applicationId: number, call: CallDetails, status: number, override: { block?: SubmitBlock; errors?: FieldError[] } = {}) {
    const details = await findApplicationDetails(db(), applicationId);
    if (!details) throw new AppError('APPLICATION_NOT_FOUND');
    const check = checkEligibility(callRules(call), toDraft(details));
    let block: SubmitBlock | null = override.block ?? null;
    if (!override.block) {
      const phase = phaseOf(call, app.now());
      if (details.status === 'withdrawn') block = { kind: 'withdrawn' };
      else if (phase === 'draft' || phase === 'published') block = { kind: 'not-open' };
      else if (phase !== 'open') block = { kind: 'closed', closesAt: call.closesAt };
      else if (!check.eligible) block = { kind: 'not-eligible', problems: check.problems };
    }
    reply.code(status);
    const names = await namesFor(call);
    return <SubmitPage ctx={applicantContext(request, locale)} application={details} figures={check.figures} names={names} block={block} errors={override.errors ?? []} />;
  }

  const receiptPath = (locale: Locale, id: number) => pagePath(locale, 'applications', String(id), 'receipt');

  getPage(app, 'applications', '/:id/submit', 'applyForFunding', async (locale, request, reply) => {
    const { application, call } = await ownApplication(request);
    if (application.status === 'submitted') return reply.redirect(receiptPath(locale, application.id), 303);
    return renderSubmit(request, reply, locale, application.id, call, 200);
  }, idParams);

  postPage(app, 'applications', '/:id/submit', 'applyForFunding', async (locale, request, reply) => {
    const { application, call } = await ownApplication(request);
    const body = bodyOf(request);
    // A plain "Submit" button elsewhere (the editor) leads to the confirmation first.
    if (body.step !== 'confirm') return reply.redirect(pagePath(locale, 'applications', String(application.id), 'submit'), 303);
    const m = submissionMessages[locale];
    if (!ticked(body.declaration)) {
      return renderSubmit(request, reply, locale, application.id, call, 400, { errors: [{ field: 'declaration', message: m.declarationMissing }] });
    }
    const principal = request.principal!;
    const outcome = await submitApplication(db(), {
      applicationId: application.id,
      actor: requestActor(request),
      user: { userId: principal.userId, email: principal.email, locale: principal.locale },
      now: () => app.now(),
      deliverMail: app.mailer.delivers,
      baseUrl: app.config.baseUrl,
      declared: true,
    });
    switch (outcome.kind) {
      case 'submitted':
        // Committed: only now is the receipt shown and the e-mail sent.
        void app.outbox.dispatch();
        return reply.redirect(receiptPath(locale, application.id), 303);
      case 'not-found':
        throw new AppError('APPLICATION_NOT_FOUND');
      case 'no-declaration':
        return renderSubmit(request, reply, locale, application.id, call, 400, { errors: [{ field: 'declaration', message: m.declarationMissing }] });
      case 'not-draft':
        if (outcome.status === 'submitted') return reply.redirect(receiptPath(locale, application.id), 303);
        return renderSubmit(request, reply, locale, application.id, call, 409, { block: { kind: 'withdrawn' } });
      case 'closed':
        if (outcome.phase === 'draft' || outcome.phase === 'published') return renderSubmit(request, reply, locale, application.id, call, 409, { block: { kind: 'not-open' } });
        return renderSubmit(request, reply, locale, application.id, call, 409, { block: { kind: 'closed', closesAt: outcome.closesAt } });
      case 'not-eligible':
        return renderSubmit(request, reply, locale, application.id, call, 422, { block: { kind: 'not-eligible', problems: outcome.problems } });
    }
  }, idParams);

  /** The latest submission of the user's own application, or 404 while it is a draft. */
  async function ownSubmission(request: FastifyRequest) {
    const own = await ownApplication(request);
    const submission = await latestSubmission(db(), own.application.id);
    if (!submission) throw new AppError('NOT_FOUND', 'The application has not been submitted');
    const figures = checkEligibility(callRules(own.call), draftFromSnapshot(submission.snapshot)).figures;
    return { ...own, submission, figures };
  }

  getPage(app, 'applications', '/:id/receipt', 'applyForFunding', async (locale, request) => {
    const { application, call, submission, figures } = await ownSubmission(request);
    const canWithdraw = application.status === 'submitted' && phaseOf(call, app.now()) === 'open';
    const notice = (request.query as Record<string, unknown>).withdrawn !== undefined && application.status === 'withdrawn' ? 'withdrawn' : null;
    return (
      <ReceiptPage
        ctx={applicantContext(request, locale)}
        applicationId={application.id}
        status={application.status}
        submission={submission}
        figures={figures}
        names={await namesFor(call)}
        canWithdraw={canWithdraw}
        notice={notice}
      />
    );
  }, idParams);

  getPage(app, 'applications', '/:id/submitted', 'applyForFunding', async (locale, request) => {
    const { application, call, submission, figures } = await ownSubmission(request);
    return <SubmittedPage ctx={applicantContext(request, locale)} applicationId={application.id} submission={submission} figures={figures} names={await namesFor(call)} />;
  }, idParams);

  function withdrawState(application: Application, call: CallDetails): 'open' | 'closed' | 'not-submitted' {
    if (application.status !== 'submitted') return 'not-submitted';
    return phaseOf(call, app.now()) === 'open' ? 'open' : 'closed';
  }

  getPage(app, 'applications', '/:id/withdraw', 'applyForFunding', async (locale, request, reply) => {
    const { application, call } = await ownApplication(request);
    if (application.status === 'withdrawn') return reply.redirect(receiptPath(locale, application.id), 303);
    const state = withdrawState(application, call);
    return <WithdrawPage ctx={applicantContext(request, locale)} applicationId={application.id} title={application.title} closesAt={call.closesAt} state={state} errors={[]} />;
  }, idParams);

  postPage(app, 'applications', '/:id/withdraw', 'applyForFunding', async (locale, request, reply) => {
    const { application, call } = await ownApplication(request);
    const ctx = applicantContext(request, locale);
    const page = (status: number, state: 'open' | 'closed' | 'not-submitted', closesAt: string, errors: FieldError[] = []) => {
      reply.code(status);
      return <WithdrawPage ctx={ctx} applicationId={application.id} title={application.title} closesAt={closesAt} state={state} errors={errors} />;
    };
    const state = withdrawState(application, call);
    if (!ticked(bodyOf(request).confirm)) {
      if (state !== 'open') return page(409, state, call.closesAt);
      return page(400, state, call.closesAt, [{ field: 'confirm', message: submissionMessages[locale].withdrawConfirmMissing }]);
    }
    const principal = request.principal!;
    const outcome = await withdrawApplication(db(), {
      applicationId: application.id,
      actor: requestActor(request),
      user: { userId: principal.userId, email: principal.email, locale: principal.locale },
      now: () => app.now(),
      deliverMail: app.mailer.delivers,
      baseUrl: app.config.baseUrl,
    });
    switch (outcome.kind) {
      case 'withdrawn':
        void app.outbox.dispatch();
        return reply.redirect(`${receiptPath(locale, application.id)}?withdrawn=1`, 303);
      case 'not-found':
        throw new AppError('APPLICATION_NOT_FOUND');
      case 'not-submitted':
        if (outcome.status === 'withdrawn') return reply.redirect(receiptPath(locale, application.id), 303);
        return page(409, 'not-submitted', call.closesAt);
      case 'closed':
        return page(409, 'closed', outcome.closesAt);
    }
  }, idParams);

  // ---------- Officers ----------

  /** The call of the address, when the user is an officer of one of its councils (or an administrator). */
  async function officersCall(request: FastifyRequest): Promise<CallDetails> {
    const { id } = request.params as { id: number };
    const call = await findCallDetails(db(), id);
    if (!call) throw new AppError('CALL_NOT_FOUND');
    if (!mayReadCallApplications(request.principal, { regionCodes: call.budgets.map((b) => b.regionCode) })) throw new AppError('FORBIDDEN');
    return call;
  }

  /** One submitted (or withdrawn) application of the call, from its latest submission; drafts are not found. */
  async function submittedRow(request: FastifyRequest, call: CallDetails): Promise<CallApplicationRow> {
    const { applicationId } = request.params as { applicationId: number };
    const application = await findApplication(db(), applicationId);
    if (!application || application.callId !== call.id || application.status === 'draft') throw new AppError('APPLICATION_NOT_FOUND');
    const submission = await latestSubmission(db(), applicationId);
    if (!submission) throw new AppError('APPLICATION_NOT_FOUND');
    return { submission, status: application.status, check: checkEligibility(callRules(call), draftFromSnapshot(submission.snapshot)) };
  }

  getPage(app, 'adminCalls', '/:id/applications', 'readApplications', async (locale, request) => {
    const call = await officersCall(request);
    const raw = (request.query as Record<string, unknown>).eligibility;
    const filter: EligibilityFilter = raw === 'eligible' || raw === 'not-eligible' ? raw : 'all';
    const [rows, drafts, names] = await Promise.all([listCallSubmissions(db(), call), countDrafts(db(), call.id), namesFor(call)]);
    return <OfficerApplicationsPage ctx={pageContext(request, locale, { current: 'adminCalls' })} names={names} rows={rows} drafts={drafts} filter={filter} closed={!['draft', 'published', 'open'].includes(phaseOf(call, app.now()))} />;
  }, idParams);

  getPage(app, 'adminCalls', '/:id/applications/export', 'readApplications', async (locale, request, reply) => {
    const call = await officersCall(request);
    const format = (request.query as { format?: 'csv' | 'xlsx' }).format ?? 'csv';
    const [rows, names] = await Promise.all([listCallSubmissions(db(), call), namesFor(call)]);
    const data = exportRows(rows);
    const context = {
      call,
      regions: names.regions,
      locale,
      problemNames: (row: (typeof data)[number]) => {
        const source = rows.find((r) => r.submission.receiptNumber === row.receiptNumber);
        const partners = source ? source.submission.snapshot.partners.map((p) => ({ key: String(p.id), name: p.name })) : [];
        return problemNames(locale, partners, names);
      },
    };
    reply
      .header('content-disposition', attachmentDisposition(exportFilename(call, locale, format)))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff');
    if (format === 'xlsx') {
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(data, context));
    }
    return reply.type('text/csv; charset=utf-8').send(toCsv(data, context));
  }, exportQuery);

  getPage(app, 'adminCalls', '/:id/applications/:applicationId', 'readApplications', async (locale, request) => {
    const call = await officersCall(request);
    const row = await submittedRow(request, call);
    return <OfficerApplicationPage ctx={pageContext(request, locale, { current: 'adminCalls' })} names={await namesFor(call)} row={row} />;
  }, applicationParams);

  getPage(app, 'adminCalls', '/:id/applications/:applicationId/attachments/:attachmentId', 'readApplications', async (_locale, request, reply) => {
    const call = await officersCall(request);
    const row = await submittedRow(request, call);
    const { attachmentId } = request.params as { attachmentId: number };
    const listed = row.submission.snapshot.attachments.find((a) => a.id === attachmentId);
    const file = listed ? await findAttachmentContent(db(), row.submission.applicationId, attachmentId) : undefined;
    if (!listed || !file) throw new AppError('ATTACHMENT_NOT_FOUND');
    return sendPrivateFile(reply, { filename: file.filename, contentType: file.content_type === 'application/pdf' ? 'application/pdf' : 'application/octet-stream', content: file.content });
  }, attachmentParams);
}
