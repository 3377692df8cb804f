import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ProjectStatus } from '../../db/schema.js';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import { leadMayEdit, reportTiming } from '../../domain/project-reporting.js';
import { requestActor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { formatCalendarDate } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import { isAdmin, mayManageProject } from '../../policies/policies.js';
import { listRegions } from '../regions/regions.repository.js';
import { findIndicator, listIndicators } from './indicators.repository.js';
import { numberMessage, parseHundredths, periodProblemErrors, readPeriodForm, readReviewForm, readTargetForm, validatePeriodForm, validateReviewForm } from './projects.admin.form.js';
import { projectsAdminMessages } from './projects.admin.messages.js';
import { indicatorsWithValues, listAdminProjects, listPeriodStates, previousAcceptedPeriod, reportHistory } from './projects.admin.repository.js';
import { addReportingPeriod, removeProjectTarget, removeReportingPeriod, reviewProjectReport, setProjectTarget } from './projects.admin.service.js';
import { findPeriodReport, findProject, listProjectIndicators, listReportingPeriods, type ProjectDetails } from './projects.repository.js';
import { AdminProjectListPage, type AdminProjectListRow } from './views/admin-project-list.js';
import { AdminProjectPage, DeletePeriodPage, type AdminProjectPageProps } from './views/admin-project-page.js';
import { AdminReportPage, type AdminReportPageProps } from './views/admin-project-report.js';

const IdSchema = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const projectParams = { schema: { params: Type.Object({ id: IdSchema }) } };
const periodParams = { schema: { params: Type.Object({ id: IdSchema, periodId: IdSchema }) } };
const indicatorParams = { schema: { params: Type.Object({ id: IdSchema, indicatorId: IdSchema }) } };
const PAGE_SIZE = 50;

const query = (request: FastifyRequest, name: string): string => {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};

/** The officers' pages of funded projects: the list, a project's periods and indicators, and the review of its reports. */
export async function projectsAdminPages(app: FastifyInstance) {
  const db = () => app.database.db;
  const today = () => helsinkiDate(app.now());

  /** The project of the address, if the officer follows it (a council of theirs funds it); admins follow all. */
  async function managedProject(request: FastifyRequest): Promise<ProjectDetails> {
    const { id } = request.params as { id: number };
    const project = await findProject(db(), id);
    if (!project) throw new AppError('PROJECT_NOT_FOUND');
    if (!mayManageProject(request.principal, project)) throw new AppError('FORBIDDEN');
    return project;
  }

  getPage(app, 'adminProjects', '', 'manageProjects', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const principal = request.principal!;
    const regions = await listRegions(db());
    const status = query(request, 'status');
    const council = query(request, 'council');
    const lateOnly = query(request, 'late') === '1';
    const pageText = query(request, 'page');
    const page = /^[1-9]\d{0,4}$/.test(pageText) ? Number(pageText) : 1;
    const filter: { status: ProjectStatus | ''; council: string; lateOnly: boolean } = {
      status: status === 'ongoing' || status === 'completed' ? status : '',
      council: regions.some((r) => r.code === council) ? council : '',
      lateOnly,
    };
    const own = isAdmin(principal) ? null : principal.roles.filter((r) => r.role === 'officer' && r.regionCode !== null).map((r) => r.regionCode!);
    const now = today();
    const { rows, more } = await listAdminProjects(db(), {
      regionCodes: own,
      council: filter.council || null,
      status: filter.status || null,
      lateOnly,
      today: now,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const periods = await listPeriodStates(db(), rows.map((r) => r.id));
    const listRows: AdminProjectListRow[] = rows.map((r) => {
      const own = periods.filter((p) => p.projectId === r.id);
      const open = own.find((p) => leadMayEdit(p.status));
      const lateCount = own.filter((p) => reportTiming({ periodEnd: p.end, dueDate: p.due }, p.firstSubmittedAt ? helsinkiDate(new Date(p.firstSubmittedAt)) : null, now) === 'late').length;
      return { ...r, nextDue: open ? { kind: open.kind, due: open.due } : null, lateCount };
    });
    const link = (n: number) => {
      const params = new URLSearchParams();
      if (filter.status) params.set('status', filter.status);
      if (filter.council) params.set('council', filter.council);
      if (lateOnly) params.set('late', '1');
      if (n > 1) params.set('page', String(n));
      const search = params.toString();
      return `${pagePath(locale, 'adminProjects')}${search ? `?${search}` : ''}`;
    };
    const ctx = pageContext(request, locale, { current: 'adminProjects' });
    return (
      <AdminProjectListPage
        ctx={ctx}
        rows={listRows}
        councils={regions.map((r) => ({ code: r.code, name: r.council.name[locale] }))}
        filter={{ status: filter.status, council: filter.council, lateOnly }}
        allProjects={own === null}
        previous={page > 1 ? link(page - 1) : undefined}
        next={more ? link(page + 1) : undefined}
      />
    );
  });

  async function renderProject(locale: Locale, request: FastifyRequest, reply: FastifyReply, project: ProjectDetails, extra: Partial<AdminProjectPageProps> = {}) {
    reply.header('cache-control', 'no-store');
    const [regions, periods, indicators, withValues, catalogue] = await Promise.all([
      listRegions(db()),
      listReportingPeriods(db(), project.id),
      listProjectIndicators(db(), project.id),
      indicatorsWithValues(db(), project.id),
      listIndicators(db()),
    ]);
    const now = today();
    const onProject = new Set(indicators.map((i) => i.indicatorId));
    const ctx = pageContext(request, locale, { current: 'adminProjects' });
    return (
      <AdminProjectPage
        ctx={ctx}
        project={project}
        regions={new Map(regions.map((r) => [r.code, { region: r.name[locale], council: r.council.name[locale] }]))}
        periods={periods.map((p) => ({
          ...p,
          timing: reportTiming({ periodEnd: p.end, dueDate: p.due }, p.report?.firstSubmittedAt ? helsinkiDate(new Date(p.report.firstSubmittedAt)) : null, now),
        }))}
        indicators={indicators}
        withValues={withValues}
        addable={catalogue.filter((i) => i.computed === null && !onProject.has(i.id))}
        {...extra}
      />
    );
  }

  const notices = (locale: Locale) => {
    const m = projectsAdminMessages[locale];
    return { 'period-added': m.periods.added, 'period-deleted': m.periods.deleted, 'target-saved': m.indicators.saved, 'target-removed': m.indicators.removed } as Record<string, string>;
  };

  getPage(app, 'adminProjects', '/:id', 'manageProjects', async (locale, request, reply) => {
    const project = await managedProject(request);
    return renderProject(locale, request, reply, project, { notice: notices(locale)[query(request, 'done')] });
  }, projectParams);

  postPage(app, 'adminProjects', '/:id/periods', 'manageProjects', async (locale, request, reply) => {
    const project = await managedProject(request);
    const values = readPeriodForm(request.body);
    const checked = validatePeriodForm(values, locale);
    if (!checked.ok) {
      reply.code(400);
      return renderProject(locale, request, reply, project, { periodForm: { values, errors: checked.errors } });
    }
    const result = await addReportingPeriod(db(), requestActor(request), project, checked.value, app.now());
    if (!result.ok) {
      reply.code(400);
      const errors = periodProblemErrors(result.problems, locale, project, (d) => formatCalendarDate(d, locale));
      return renderProject(locale, request, reply, project, { periodForm: { values, errors } });
    }
    return reply.redirect(`${pagePath(locale, 'adminProjects', String(project.id))}?done=period-added#periods`, 303);
  }, projectParams);

  postPage(app, 'adminProjects', '/:id/periods/:periodId/delete', 'manageProjects', async (locale, request, reply) => {
    const project = await managedProject(request);
    const { periodId } = request.params as { periodId: number };
    const period = (await listReportingPeriods(db(), project.id)).find((p) => p.id === periodId);
    if (!period) throw new AppError('REPORT_NOT_FOUND');
    const m = projectsAdminMessages[locale];
    if (period.report && period.report.status !== 'draft') {
      reply.code(409);
      return renderProject(locale, request, reply, project, { refused: m.periods.deleteRefused });
    }
    const confirmed = (request.body as Record<string, unknown> | null | undefined)?.confirm === 'yes';
    if (!confirmed) {
      reply.header('cache-control', 'no-store');
      return <DeletePeriodPage ctx={pageContext(request, locale, { current: 'adminProjects' })} project={project} period={period} />;
    }
    const result = await removeReportingPeriod(db(), requestActor(request), project.id, periodId, app.now());
    if (result === 'not-found') throw new AppError('REPORT_NOT_FOUND');
    if (result === 'submitted') {
      reply.code(409);
      return renderProject(locale, request, reply, project, { refused: m.periods.deleteRefused });
    }
    return reply.redirect(`${pagePath(locale, 'adminProjects', String(project.id))}?done=period-deleted#periods`, 303);
  }, periodParams);

  postPage(app, 'adminProjects', '/:id/indicators', 'manageProjects', async (locale, request, reply) => {
    const project = await managedProject(request);
    const m = projectsAdminMessages[locale];
    const values = readTargetForm(request.body);
    const refuse = async (field: string, message: string) => {
      reply.code(400);
      return renderProject(locale, request, reply, project, { targetForm: { values, errors: [{ field, message }] } });
    };
    if (!/^\d{1,9}$/.test(values.indicator)) return refuse('indicator', m.indicators.indicatorRequired);
    const indicator = await findIndicator(db(), Number(values.indicator));
    if (!indicator) throw new AppError('INDICATOR_NOT_FOUND');
    if (indicator.computed !== null) return refuse('indicator', m.indicators.computed);
    const label = values.field === 'target' ? m.indicators.target : m.indicators.targetFor(indicator.code);
    const parsed = parseHundredths(values.target, indicator.decimals);
    if (!parsed.ok) return refuse(values.field, numberMessage(locale, label, parsed.problem, indicator.decimals));
    await setProjectTarget(db(), requestActor(request), project.id, indicator.id, parsed.value, app.now());
    return reply.redirect(`${pagePath(locale, 'adminProjects', String(project.id))}?done=target-saved#indicators`, 303);
  }, projectParams);

  postPage(app, 'adminProjects', '/:id/indicators/:indicatorId/delete', 'manageProjects', async (locale, request, reply) => {
    const project = await managedProject(request);
    const { indicatorId } = request.params as { indicatorId: number };
    const result = await removeProjectTarget(db(), requestActor(request), project.id, indicatorId, app.now());
    if (result === 'not-found') throw new AppError('INDICATOR_NOT_FOUND');
    if (result === 'has-values') {
      reply.code(409);
      return renderProject(locale, request, reply, project, { refused: projectsAdminMessages[locale].indicators.removeRefused });
    }
    return reply.redirect(`${pagePath(locale, 'adminProjects', String(project.id))}?done=target-removed#indicators`, 303);
  }, indicatorParams);

  async function renderReport(locale: Locale, request: FastifyRequest, reply: FastifyReply, project: ProjectDetails, extra: Partial<AdminReportPageProps> = {}) {
    reply.header('cache-control', 'no-store');
    const { periodId } = request.params as { periodId: number };
    const report = await findPeriodReport(db(), project.id, periodId);
    if (!report) throw new AppError('REPORT_NOT_FOUND');
    const previousId = await previousAcceptedPeriod(db(), project.id, report.period);
    const [indicators, previous, history, regions] = await Promise.all([
      listProjectIndicators(db(), project.id),
      previousId === null ? null : findPeriodReport(db(), project.id, previousId),
      report.period.report ? reportHistory(db(), report.period.report.id) : [],
      listRegions(db()),
    ]);
    const regionName = new Map(regions.map((r) => [r.code, r.name[locale]]));
    const ctx = pageContext(request, locale, { current: 'adminProjects' });
    return (
      <AdminReportPage
        ctx={ctx}
        project={project}
        report={report}
        indicators={indicators}
        previous={previous}
        history={history}
        regionName={(code) => regionName.get(code) ?? code}
        {...extra}
      />
    );
  }

  getPage(app, 'adminProjects', '/:id/reports/:periodId', 'manageProjects', async (locale, request, reply) => {
    const project = await managedProject(request);
    const m = projectsAdminMessages[locale].review;
    const done = query(request, 'done');
    const notice = { accepted: m.acceptedNotice, returned: m.returnedNotice, completed: `${m.acceptedNotice} ${m.completedNotice}` }[done];
    return renderReport(locale, request, reply, project, { notice });
  }, periodParams);

  for (const decision of ['accept', 'return'] as const) {
    postPage(app, 'adminProjects', `/:id/reports/:periodId/${decision}`, 'manageProjects', async (locale, request, reply) => {
      const project = await managedProject(request);
      const { periodId } = request.params as { periodId: number };
      if (!(await findPeriodReport(db(), project.id, periodId))?.period.report) throw new AppError('REPORT_NOT_FOUND');
      const m = projectsAdminMessages[locale].review;
      const form = readReviewForm(request.body);
      if (form.version === null) throw new AppError('VALIDATION_FAILED', 'The form is missing the version of the report');
      const errors = validateReviewForm(form, decision, locale);
      if (errors.length > 0) {
        reply.code(400);
        return renderReport(locale, request, reply, project, { form: { comment: form.comment, errors } });
      }
      const result = await reviewProjectReport(
        db(),
        requestActor(request),
        { project, periodId, decision, version: form.version, comment: form.comment },
        { deliverMail: app.mailer.delivers, baseUrl: app.config.baseUrl },
        app.now(),
      );
      if (!result.ok) {
        if (result.reason === 'not-found') throw new AppError('REPORT_NOT_FOUND');
        reply.code(409);
        return renderReport(locale, request, reply, project, {
          refused: result.reason === 'stale' ? m.conflict : m.stateRefused,
          form: { comment: form.comment, errors: [] },
        });
      }
      if (result.mailed) void app.outbox.dispatch();
      const done = result.completed ? 'completed' : decision === 'accept' ? 'accepted' : 'returned';
      return reply.redirect(`${pagePath(locale, 'adminProjects', String(project.id), 'reports', String(periodId))}?done=${done}`, 303);
    }, periodParams);
  }
}
