import type { Executor } from '../../db/database.js';
import type { IndicatorKind, IndicatorUnit, ProjectStatus, ReportStatus, ReportingPeriodKind } from '../../db/schema.js';
import type { Localised } from '../../i18n/locales.js';

/**
 * Read models of a funded project shared by the officers' pages, the lead partner's reports and the
 * public project page: the project with its partners and each council's grant, its reporting periods
 * with the state of their reports, its indicators with targets, and one period's report in full.
 */

export interface ProjectPartner {
  /** project_partners.id: spending is reported per this id. */
  id: number;
  organisationId: number;
  organisationName: string;
  businessId: string;
  regionCode: string;
  isLead: boolean;
  requestedCents: number;
}

export interface ProjectFunding {
  regionCode: string;
  grantedCents: number;
  decisionId: number;
  decisionNumber: string;
  decisionDate: string;
}

export interface ProjectDetails {
  id: number;
  applicationId: number;
  callId: number;
  callReference: string;
  callTitle: Localised;
  strategyId: number;
  priority: { id: number; slug: string; name: Localised } | null;
  leadOrganisationId: number;
  instrument: string;
  title: string;
  summary: string;
  startDate: string | null;
  endDate: string | null;
  decisionYear: number;
  grantedCents: number;
  regionCount: number;
  status: ProjectStatus;
  fundedAt: string;
  completedAt: string | null;
  isDemo: boolean;
  partners: ProjectPartner[];
  funding: ProjectFunding[];
  /** The councils that fund it: their officers follow the project (mayManageProject). */
  fundingRegionCodes: string[];
}

export async function findProject(db: Executor, id: number): Promise<ProjectDetails | null> {
  const row = await db
    .selectFrom('projects')
    .innerJoin('calls', 'calls.id', 'projects.call_id')
    .leftJoin('priorities', 'priorities.id', 'projects.priority_id')
    .select([
      'projects.id',
      'projects.application_id',
      'projects.call_id',
      'calls.reference',
      'calls.title_fi',
      'calls.title_sv',
      'calls.title_en',
      'projects.strategy_id',
      'priorities.id as priority_id',
      'priorities.slug as priority_slug',
      'priorities.name_fi as priority_fi',
      'priorities.name_sv as priority_sv',
      'priorities.name_en as priority_en',
      'projects.lead_organisation_id',
      'projects.instrument',
      'projects.title',
      'projects.summary',
      'projects.start_date',
      'projects.end_date',
      'projects.decision_year',
      'projects.granted_cents',
      'projects.region_count',
      'projects.status',
      'projects.funded_at',
      'projects.completed_at',
      'projects.is_demo',
    ])
    .where('projects.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const [partners, funding] = await Promise.all([
    db
      .selectFrom('project_partners')
      .innerJoin('organisations', 'organisations.id', 'project_partners.organisation_id')
      .select([
        'project_partners.id',
        'project_partners.organisation_id',
        'organisations.name',
        'organisations.business_id',
        'project_partners.region_code',
        'project_partners.is_lead',
        'project_partners.requested_cents',
      ])
      .where('project_partners.project_id', '=', id)
      .orderBy('project_partners.sort_order')
      .execute(),
    db
      .selectFrom('project_funding')
      .innerJoin('council_decisions', 'council_decisions.id', 'project_funding.decision_id')
      .select(['project_funding.region_code', 'project_funding.granted_cents', 'project_funding.decision_id', 'council_decisions.decision_number', 'council_decisions.decision_date'])
      .where('project_funding.project_id', '=', id)
      .orderBy('project_funding.region_code')
      .execute(),
  ]);
  return {
    id: row.id,
    applicationId: row.application_id,
    callId: row.call_id,
    callReference: row.reference,
    callTitle: { fi: row.title_fi, sv: row.title_sv, en: row.title_en },
    strategyId: row.strategy_id,
    priority:
      row.priority_id !== null && row.priority_slug !== null
        ? { id: row.priority_id, slug: row.priority_slug, name: { fi: row.priority_fi ?? '', sv: row.priority_sv ?? '', en: row.priority_en ?? '' } }
        : null,
    leadOrganisationId: row.lead_organisation_id,
    instrument: row.instrument,
    title: row.title,
    summary: row.summary,
    startDate: row.start_date,
    endDate: row.end_date,
    decisionYear: row.decision_year,
    grantedCents: Number(row.granted_cents),
    regionCount: row.region_count,
    status: row.status,
    fundedAt: row.funded_at,
    completedAt: row.completed_at,
    isDemo: row.is_demo === 1,
    partners: partners.map((p) => ({
      id: p.id,
      organisationId: p.organisation_id,
      organisationName: p.name,
      businessId: p.business_id,
      regionCode: p.region_code,
      isLead: p.is_lead === 1,
      requestedCents: Number(p.requested_cents),
    })),
    funding: funding.map((f) => ({
      regionCode: f.region_code,
      grantedCents: Number(f.granted_cents),
      decisionId: f.decision_id,
      decisionNumber: f.decision_number,
      decisionDate: f.decision_date,
    })),
    fundingRegionCodes: funding.map((f) => f.region_code),
  };
}

export interface ReportingPeriod {
  id: number;
  projectId: number;
  kind: ReportingPeriodKind;
  start: string;
  end: string;
  due: string;
  report: {
    id: number;
    status: ReportStatus;
    version: number;
    submittedAt: string | null;
    firstSubmittedAt: string | null;
    reviewedAt: string | null;
    reviewComment: string | null;
  } | null;
}

/** A project's reporting periods in date order (a final period after progress periods ending the same day), each with its report's state. */
export async function listReportingPeriods(db: Executor, projectId: number): Promise<ReportingPeriod[]> {
  return (await listPeriodsOfProjects(db, [projectId])).get(projectId) ?? [];
}

/** The reporting periods of several projects with their reports' state, each project's in date order . */
export async function listPeriodsOfProjects(db: Executor, projectIds: readonly number[]): Promise<Map<number, ReportingPeriod[]>> {
  const byProject = new Map<number, ReportingPeriod[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return byProject;
  const rows = await db
    .selectFrom('reporting_periods')
    .leftJoin('project_reports', 'project_reports.period_id', 'reporting_periods.id')
    .select([
      'reporting_periods.id',
      'reporting_periods.project_id',
      'reporting_periods.kind',
      'reporting_periods.period_start',
      'reporting_periods.period_end',
      'reporting_periods.due_date',
      'project_reports.id as report_id',
      'project_reports.status',
      'project_reports.version',
      'project_reports.submitted_at',
      'project_reports.first_submitted_at',
      'project_reports.reviewed_at',
      'project_reports.review_comment',
    ])
    .where('reporting_periods.project_id', 'in', [...projectIds])
    .orderBy('reporting_periods.project_id')
    .orderBy('reporting_periods.period_end')
    .orderBy('reporting_periods.kind', 'desc')
    .orderBy('reporting_periods.id')
    .execute();
  for (const r of rows) {
    byProject.get(r.project_id)?.push({
      id: r.id,
      projectId: r.project_id,
      kind: r.kind,
      start: r.period_start,
      end: r.period_end,
      due: r.due_date,
      report:
        r.report_id !== null && r.status !== null && r.version !== null
          ? { id: r.report_id, status: r.status, version: r.version, submittedAt: r.submitted_at, firstSubmittedAt: r.first_submitted_at, reviewedAt: r.reviewed_at, reviewComment: r.review_comment }
          : null,
    });
  }
  return byProject;
}

export interface ProjectIndicator {
  indicatorId: number;
  code: string;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  decimals: number;
  name: Localised;
  targetHundredths: number;
}

/** The indicators officers set for the project, with its targets, in catalogue order. */
export async function listProjectIndicators(db: Executor, projectId: number): Promise<ProjectIndicator[]> {
  const rows = await db
    .selectFrom('project_indicators')
    .innerJoin('indicators', 'indicators.id', 'project_indicators.indicator_id')
    .select(['indicators.id', 'indicators.code', 'indicators.kind', 'indicators.unit', 'indicators.decimals', 'indicators.name_fi', 'indicators.name_sv', 'indicators.name_en', 'project_indicators.target_hundredths'])
    .where('project_indicators.project_id', '=', projectId)
    .orderBy('indicators.sort_order')
    .orderBy('indicators.id')
    .execute();
  return rows.map((r) => ({
    indicatorId: r.id,
    code: r.code,
    kind: r.kind,
    unit: r.unit,
    decimals: r.decimals,
    name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
    targetHundredths: Number(r.target_hundredths),
  }));
}

export interface PeriodReport {
  period: ReportingPeriod;
  /** Null until the lead partner first saves it. */
  narrative: string | null;
  /** Spending to date per project partner id (cumulative), as reported. */
  spendingCents: Map<number, number>;
  /** Indicator id → value to date in hundredths, as reported. */
  valuesHundredths: Map<number, number>;
}

/** One period of the project with its report in full; null when the period is not the project's. */
export async function findPeriodReport(db: Executor, projectId: number, periodId: number): Promise<PeriodReport | null> {
  const period = (await listReportingPeriods(db, projectId)).find((p) => p.id === periodId);
  if (!period) return null;
  if (!period.report) return { period, narrative: null, spendingCents: new Map(), valuesHundredths: new Map() };
  const [narrative, figures] = await Promise.all([
    db.selectFrom('project_reports').select('narrative').where('id', '=', period.report.id).executeTakeFirstOrThrow(),
    reportFigures(db, period.report.id),
  ]);
  return { period, narrative: narrative.narrative, ...figures };
}

/**
 * The latest accepted report of each given project (by period end): what the project has achieved
 * and spent to date as far as the officers have accepted it. Project id → report id.
 */
export async function latestAcceptedReports(db: Executor, projectIds: readonly number[]): Promise<Map<number, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('project_reports')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'project_reports.period_id')
    .select(['project_reports.project_id', 'project_reports.id', 'reporting_periods.period_end', 'reporting_periods.kind'])
    .where('project_reports.status', '=', 'accepted')
    .where('project_reports.project_id', 'in', [...projectIds])
    .orderBy('project_reports.project_id')
    .orderBy('reporting_periods.period_end')
    .orderBy('reporting_periods.kind', 'desc')
    .orderBy('project_reports.id')
    .execute();
  const latest = new Map<number, number>();
  for (const r of rows) latest.set(r.project_id, r.id);
  return latest;
}

/** A report's spending per project partner and indicator values, as stored. */
export async function reportFigures(db: Executor, reportId: number): Promise<{ spendingCents: Map<number, number>; valuesHundredths: Map<number, number> }> {
  const [spending, values] = await Promise.all([
    db.selectFrom('report_spending').select(['project_partner_id', 'spent_cents']).where('report_id', '=', reportId).execute(),
    db.selectFrom('report_indicator_values').select(['indicator_id', 'value_hundredths']).where('report_id', '=', reportId).execute(),
  ]);
  return {
    spendingCents: new Map(spending.map((s) => [s.project_partner_id, Number(s.spent_cents)])),
    valuesHundredths: new Map(values.map((v) => [v.indicator_id, Number(v.value_hundredths)])),
  };
}
