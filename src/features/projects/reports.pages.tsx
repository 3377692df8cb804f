import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import { leadMayEdit } from '../../domain/project-reporting.js';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { mayReportOn } from '../../policies/policies.js';
import { listRegions } from '../regions/regions.repository.js';
import { findPeriodReport, findProject, latestAcceptedReports, listPeriodsOfProjects, listProjectIndicators, listReportingPeriods, reportFigures, type ProjectDetails } from './projects.repository.js';
import { parseReportVersion, readReportForm, reportToForm, spendingLimitCents, validateReportForm, type ReportForm } from './reports.form.js';
import { computedIndicatorIds, findReportOfPeriod, listMemberProjects } from './reports.repository.js';
import { nextReport, periodHasEnded, previousAcceptedReportId, reportState, saveReport, submittedLate } from './reports.service.js';
import { MyProjectsPage } from './views/my-projects.js';
import { ProjectOverviewPage } from './views/my-projects.detail.js';
import { ReportPage, type ReportPageProps } from './views/report-form.js';

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const projectParams = { schema: { params: Type.Object({ id: Id }) } };
const reportParams = { schema: { params: Type.Object({ id: Id, periodId: Id }) } };

/**
 * The lead partner's side of funded projects: "My projects" for every member of a partner
 * organisation, and for the lead partner's members each project's overview and its reports, which
 * they prepare as drafts and submit to the councils that fund the project (mayReportOn).
 */
export async function reportsPages(app: FastifyInstance) {
  const db = () => app.database.db;
  const today = () => helsinkiDate(app.now());
  const context = (request: FastifyRequest, locale: Locale) => pageContext(request, locale, { current: 'myProjects' });

  getPage(app, 'myProjects', '', 'signedIn', async (locale, request) => {
    const memberships = request.principal?.memberships ?? [];
    const own = new Set(memberships.map((m) => m.organisationId));
    const projects = await listMemberProjects(db(), [...own]);
    const periods = await listPeriodsOfProjects(db(), projects.map((p) => p.id));
    const day = today();
    const rows = projects.map((project) => ({ project, isLead: own.has(project.leadOrganisationId), next: nextReport(periods.get(project.id) ?? [], day) }));
    return <MyProjectsPage ctx={context(request, locale)} rows={rows} />;
  });

  /** The project of the address, when the user is a member of its lead partner. */
  async function reportableProject(request: FastifyRequest): Promise<ProjectDetails> {
    const { id } = request.params as { id: number };
    const project = await findProject(db(), id);
    if (!project) throw new AppError('PROJECT_NOT_FOUND');
    if (!mayReportOn(request.principal, project)) throw new AppError('FORBIDDEN');
    return project;
  }

  getPage(app, 'myProjects', '/:id', 'signedIn', async (locale, request) => {
    const project = await reportableProject(request);
    const [regions, periods, indicators, computed, accepted] = await Promise.all([
      listRegions(db()),
      listReportingPeriods(db(), project.id),
      listProjectIndicators(db(), project.id),
      computedIndicatorIds(db(), project.id),
      latestAcceptedReports(db(), [project.id]),
    ]);
    const acceptedId = accepted.get(project.id);
    const figures = acceptedId === undefined ? null : await reportFigures(db(), acceptedId);
    const day = today();
    return (
      <ProjectOverviewPage
        ctx={context(request, locale)}
        project={project}
        regions={regions}
        periods={periods.map((period) => ({ period, state: reportState(period, day), submittedLate: submittedLate(period) }))}
        indicators={indicators.map((indicator) => ({
          indicator,
          computed: computed.has(indicator.indicatorId),
          acceptedHundredths: figures?.valuesHundredths.get(indicator.indicatorId) ?? null,
        }))}
      />
    );
  }, projectParams);

  /** Everything the report page needs: the period's report, the reported indicators and the previous accepted figures. */
  async function loadReport(project: ProjectDetails, periodId: number) {
    const [report, periods, indicators, computed] = await Promise.all([
      findPeriodReport(db(), project.id, periodId),
      listReportingPeriods(db(), project.id),
      listProjectIndicators(db(), project.id),
      computedIndicatorIds(db(), project.id),
    ]);
    if (!report) throw new AppError('REPORT_NOT_FOUND');
    const previousId = previousAcceptedReportId(periods, periodId);
    const previous = previousId === null ? null : await reportFigures(db(), previousId);
    return { report, indicators: indicators.filter((i) => !computed.has(i.indicatorId)), previous };
  }

  type Loaded = Awaited<ReturnType<typeof loadReport>>;

  function reportPage(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    project: ProjectDetails,
    loaded: Loaded,
    options: { status?: number; form?: ReportForm; errors?: FieldError[]; notice?: ReportPageProps['notice']; conflict?: boolean; refusal?: ReportPageProps['refusal'] } = {},
  ) {
    const { report, indicators, previous } = loaded;
    const day = today();
    reply.code(options.status ?? 200);
    return (
      <ReportPage
        ctx={context(request, locale)}
        project={project}
        report={report}
        state={reportState(report.period, day)}
        indicators={indicators}
        previous={previous}
        editable={leadMayEdit(report.period.report?.status ?? null)}
        periodEnded={periodHasEnded(report.period, day)}
        form={options.form ?? reportToForm(report, project.partners.map((p) => p.id), indicators, locale)}
        errors={options.errors ?? []}
        notice={options.notice}
        conflict={options.conflict ?? false}
        refusal={options.refusal}
      />
    );
  }

  getPage(app, 'myProjects', '/:id/reports/:periodId', 'signedIn', async (locale, request, reply) => {
    const project = await reportableProject(request);
    const { periodId } = request.params as { periodId: number };
    const loaded = await loadReport(project, periodId);
    const query = request.query as Record<string, unknown>;
    const notice = query.submitted !== undefined ? 'submitted' : query.saved !== undefined ? 'saved' : undefined;
    return reportPage(request, reply, locale, project, loaded, { notice });
  }, reportParams);

  postPage(app, 'myProjects', '/:id/reports/:periodId', 'signedIn', async (locale, request, reply) => {
    const project = await reportableProject(request);
    const { periodId } = request.params as { periodId: number };
    const loaded = await loadReport(project, periodId);
    const body = request.body;
    const version = parseReportVersion(typeof body === 'object' && body !== null ? String((body as Record<string, unknown>).version ?? '').trim() : '');
    if (version === null) throw new AppError('BAD_REQUEST', 'The form has no valid version: reload the page and send it again');
    if (!leadMayEdit(loaded.report.period.report?.status ?? null)) throw new AppError('REPORT_STATE', 'A submitted or accepted report cannot be changed');

    const form = readReportForm(body, project.partners.map((p) => p.id), loaded.indicators.map((i) => i.indicatorId));
    const checked = validateReportForm(form, {
      locale,
      partners: project.partners.map((p) => ({ id: p.id, name: p.organisationName, limitCents: spendingLimitCents(p, project) })),
      indicators: loaded.indicators.map((i) => ({ indicatorId: i.indicatorId, name: i.name[locale], decimals: i.decimals })),
    });
    if (!checked.ok) return reportPage(request, reply, locale, project, loaded, { status: 400, form, errors: checked.errors });

    const result = await saveReport(
      db(),
      requestActor(request),
      { project, period: loaded.report.period, version, action: form.action, values: checked.value },
      { deliverMail: app.mailer.delivers, baseUrl: app.config.baseUrl },
      app.now(),
    );
    if (result.ok) {
      if (result.emails > 0) void app.outbox.dispatch();
      const path = pagePath(locale, 'myProjects', String(project.id), 'reports', String(periodId));
      return reply.redirect(`${path}?${result.status === 'submitted' ? 'submitted' : 'saved'}=1`, 303);
    }
    switch (result.reason) {
      case 'not-due':
        return reportPage(request, reply, locale, project, loaded, { status: 409, form, refusal: 'not-due' });
      case 'state':
        throw new AppError('REPORT_STATE', 'A submitted or accepted report cannot be changed');
      case 'conflict': {
        // Keep what was typed, on the version now stored: saving again then knowingly replaces it.
        const current = await findReportOfPeriod(db(), periodId);
        const reloaded = await loadReport(project, periodId);
        return reportPage(request, reply, locale, project, reloaded, { status: 409, form: { ...form, version: String(current?.version ?? 0), confirm: false }, conflict: true });
      }
    }
  }, reportParams);
}
