import type { Executor } from '../../db/database.js';
import type { ProjectStatus, ReportStatus, ReportingPeriodKind } from '../../db/schema.js';

/**
 * Queries of the officers' project pages that the shared read models (projects.repository.ts) do
 * not cover: the filtered list with each project's periods, the writes of periods, targets and
 * reviews, a report's history from the audit log, and whom to tell about a review.
 */

export interface AdminProjectFilter {
  /** The councils whose projects the officer follows; null for an administrator (every project). */
  regionCodes: readonly string[] | null;
  council: string | null;
  status: ProjectStatus | null;
  lateOnly: boolean;
  /** Today in Helsinki, YYYY-MM-DD: a report is late after its due date. */
  today: string;
  limit: number;
  offset: number;
}

export interface AdminProjectRow {
  id: number;
  title: string;
  leadName: string;
  status: ProjectStatus;
  councils: string[];
}

/** One page of the projects an officer follows, newest first, and whether more follow. */
export async function listAdminProjects(db: Executor, filter: AdminProjectFilter): Promise<{ rows: AdminProjectRow[]; more: boolean }> {
  let query = db
    .selectFrom('projects')
    .innerJoin('organisations', 'organisations.id', 'projects.lead_organisation_id')
    .select(['projects.id', 'projects.title', 'projects.status', 'organisations.name as lead_name'])
    .orderBy('projects.id', 'desc')
    .limit(filter.limit + 1)
    .offset(filter.offset);
  const fundedBy = (codes: readonly string[]) =>
    query.where(({ exists, selectFrom }) =>
      exists(selectFrom('project_funding').select('project_funding.project_id').whereRef('project_funding.project_id', '=', 'projects.id').where('project_funding.region_code', 'in', [...codes])),
    );
  if (filter.regionCodes !== null) {
    if (filter.regionCodes.length === 0) return { rows: [], more: false };
    query = fundedBy(filter.regionCodes);
  }
  if (filter.council !== null) query = fundedBy([filter.council]);
  if (filter.status !== null) query = query.where('projects.status', '=', filter.status);
  if (filter.lateOnly) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('reporting_periods as rp')
          .leftJoin('project_reports as pr', 'pr.period_id', 'rp.id')
          .select('rp.id')
          .whereRef('rp.project_id', '=', 'projects.id')
          .where('rp.due_date', '<', filter.today)
          .where('pr.first_submitted_at', 'is', null),
      ),
    );
  }
  const found = await query.execute();
  const page = found.slice(0, filter.limit);
  const ids = page.map((r) => r.id);
  const funding = ids.length === 0 ? [] : await db.selectFrom('project_funding').select(['project_id', 'region_code']).where('project_id', 'in', ids).orderBy('region_code').execute();
  return {
    rows: page.map((r) => ({
      id: r.id,
      title: r.title,
      leadName: r.lead_name,
      status: r.status,
      councils: funding.filter((f) => f.project_id === r.id).map((f) => f.region_code),
    })),
    more: found.length > filter.limit,
  };
}

export interface PeriodState {
  projectId: number;
  kind: ReportingPeriodKind;
  end: string;
  due: string;
  status: ReportStatus | null;
  firstSubmittedAt: string | null;
}

/** The periods of the given projects with their reports' state, by due date. */
export async function listPeriodStates(db: Executor, projectIds: readonly number[]): Promise<PeriodState[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('reporting_periods')
    .leftJoin('project_reports', 'project_reports.period_id', 'reporting_periods.id')
    .select(['reporting_periods.project_id', 'reporting_periods.kind', 'reporting_periods.period_end', 'reporting_periods.due_date', 'project_reports.status', 'project_reports.first_submitted_at'])
    .where('reporting_periods.project_id', 'in', [...projectIds])
    .orderBy('reporting_periods.due_date')
    .orderBy('reporting_periods.id')
    .execute();
  return rows.map((r) => ({ projectId: r.project_id, kind: r.kind, end: r.period_end, due: r.due_date, status: r.status, firstSubmittedAt: r.first_submitted_at }));
}

export async function insertPeriod(
  db: Executor,
  period: { projectId: number; kind: ReportingPeriodKind; start: string; end: string; due: string; createdBy: number | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('reporting_periods')
    .values({ project_id: period.projectId, kind: period.kind, period_start: period.start, period_end: period.end, due_date: period.due, created_by: period.createdBy, created_at: period.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deletePeriod(db: Executor, periodId: number): Promise<void> {
  await db.deleteFrom('reporting_periods').where('id', '=', periodId).execute();
}

/** True when any report of the project (a draft too) has a value for the indicator. */
export async function indicatorHasValues(db: Executor, projectId: number, indicatorId: number): Promise<boolean> {
  const row = await db
    .selectFrom('report_indicator_values')
    .innerJoin('project_reports', 'project_reports.id', 'report_indicator_values.report_id')
    .select('report_indicator_values.report_id')
    .where('project_reports.project_id', '=', projectId)
    .where('report_indicator_values.indicator_id', '=', indicatorId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findProjectTarget(db: Executor, projectId: number, indicatorId: number): Promise<number | null> {
  const row = await db.selectFrom('project_indicators').select('target_hundredths').where('project_id', '=', projectId).where('indicator_id', '=', indicatorId).executeTakeFirst();
  return row ? Number(row.target_hundredths) : null;
}

export async function saveProjectTarget(db: Executor, projectId: number, indicatorId: number, target: number, exists: boolean): Promise<void> {
  if (exists) {
    await db.updateTable('project_indicators').set({ target_hundredths: target }).where('project_id', '=', projectId).where('indicator_id', '=', indicatorId).execute();
  } else {
    await db.insertInto('project_indicators').values({ project_id: projectId, indicator_id: indicatorId, target_hundredths: target }).execute();
  }
}

export async function deleteProjectTarget(db: Executor, projectId: number, indicatorId: number): Promise<void> {
  await db.deleteFrom('project_indicators').where('project_id', '=', projectId).where('indicator_id', '=', indicatorId).execute();
}

/** Records the officers' review of a submitted report if it is still the version they saw; false when it was not. */
export async function reviewReport(
  db: Executor,
  review: { reportId: number; version: number; status: 'accepted' | 'returned'; comment: string | null; by: number | null; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('project_reports')
    .set((eb) => ({ status: review.status, review_comment: review.comment, reviewed_by: review.by, reviewed_at: review.at, version: eb('version', '+', 1) }))
    .where('id', '=', review.reportId)
    .where('version', '=', review.version)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ReportEvent {
  at: string;
  action: string;
  comment: string | null;
}

/** A report's submissions and reviews as the audit log recorded them, oldest first. */
export async function reportHistory(db: Executor, reportId: number): Promise<ReportEvent[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'action', 'after_json'])
    .where('entity_type', '=', 'project_report')
    .where('entity_id', '=', String(reportId))
    .orderBy('seq')
    .execute();
  return rows.map((r) => {
    let comment: string | null = null;
    try {
      const after = r.after_json ? (JSON.parse(r.after_json) as { comment?: unknown }) : null;
      if (after && typeof after.comment === 'string' && after.comment !== '') comment = after.comment;
    } catch {
      comment = null;
    }
    return { at: r.at, action: r.action, comment };
  });
}

/** The latest accepted report of the project ending before the given period (by period end, a final one after a progress one). */
export async function previousAcceptedPeriod(db: Executor, projectId: number, period: { id: number; end: string }): Promise<number | null> {
  const row = await db
    .selectFrom('project_reports')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'project_reports.period_id')
    .select('reporting_periods.id')
    .where('project_reports.project_id', '=', projectId)
    .where('project_reports.status', '=', 'accepted')
    .where('reporting_periods.id', '!=', period.id)
    .where('reporting_periods.period_end', '<=', period.end)
    .orderBy('reporting_periods.period_end', 'desc')
    .orderBy('reporting_periods.kind', 'asc')
    .orderBy('reporting_periods.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Whom to tell about a review: the user who submitted the report, in their language; failing that
 * (the user was erased), the lead partner's contact person named in the application, in Finnish.
 */
export async function reportRecipient(db: Executor, reportId: number): Promise<{ userId: number | null; email: string; locale: string } | null> {
  const submitter = await db
    .selectFrom('project_reports')
    .innerJoin('users', 'users.id', 'project_reports.submitted_by')
    .select(['users.id', 'users.email', 'users.locale'])
    .where('project_reports.id', '=', reportId)
    .executeTakeFirst();
  if (submitter) return { userId: submitter.id, email: submitter.email, locale: submitter.locale };
  const contact = await db
    .selectFrom('project_reports')
    .innerJoin('projects', 'projects.id', 'project_reports.project_id')
    .innerJoin('application_partners', (join) => join.onRef('application_partners.application_id', '=', 'projects.application_id').on('application_partners.is_lead', '=', 1))
    .select('application_partners.contact_email')
    .where('project_reports.id', '=', reportId)
    .executeTakeFirst();
  return contact && contact.contact_email !== '' ? { userId: null, email: contact.contact_email, locale: 'fi' } : null;
}

/** The indicators for which some report of the project (a draft too) has a value: these stay on the project. */
export async function indicatorsWithValues(db: Executor, projectId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('report_indicator_values')
    .innerJoin('project_reports', 'project_reports.id', 'report_indicator_values.report_id')
    .select('report_indicator_values.indicator_id')
    .distinct()
    .where('project_reports.project_id', '=', projectId)
    .execute();
  return new Set(rows.map((r) => r.indicator_id));
}
