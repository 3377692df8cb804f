import type { Executor } from '../../db/database.js';
import type { ProjectStatus, ReportStatus } from '../../db/schema.js';
import type { Locale } from '../../i18n/locales.js';

/**
 * The lead partner's reports: the projects of the user's organisations, and writing a period's
 * report with its spending and indicator values. Reading one project's periods and report goes
 * through projects.repository.ts.
 */

export interface MemberProject {
  id: number;
  title: string;
  status: ProjectStatus;
  leadOrganisationId: number;
  leadOrganisationName: string;
  isDemo: boolean;
}

/** Funded projects in which any of the organisations is a partner (the lead included), newest first. */
export async function listMemberProjects(db: Executor, organisationIds: readonly number[]): Promise<MemberProject[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('projects')
    .innerJoin('organisations', 'organisations.id', 'projects.lead_organisation_id')
    .select(['projects.id', 'projects.title', 'projects.status', 'projects.lead_organisation_id', 'organisations.name', 'projects.is_demo', 'projects.funded_at'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_partners')
          .select('project_partners.id')
          .whereRef('project_partners.project_id', '=', 'projects.id')
          .where('project_partners.organisation_id', 'in', [...organisationIds]),
      ),
    )
    .orderBy('projects.funded_at', 'desc')
    .orderBy('projects.id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, leadOrganisationId: r.lead_organisation_id, leadOrganisationName: r.name, isDemo: r.is_demo === 1 }));
}

/** Which of the project's indicators the platform computes itself: those are never asked in a report. */
export async function computedIndicatorIds(db: Executor, projectId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('project_indicators')
    .innerJoin('indicators', 'indicators.id', 'project_indicators.indicator_id')
    .select('indicators.id')
    .where('project_indicators.project_id', '=', projectId)
    .where('indicators.computed', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

// ---------- Writing ----------

export interface StoredReport {
  id: number;
  status: ReportStatus;
  version: number;
  firstSubmittedAt: string | null;
}

export async function findReportOfPeriod(db: Executor, periodId: number): Promise<StoredReport | null> {
  const row = await db.selectFrom('project_reports').select(['id', 'status', 'version', 'first_submitted_at']).where('period_id', '=', periodId).executeTakeFirst();
  return row ? { id: row.id, status: row.status, version: row.version, firstSubmittedAt: row.first_submitted_at } : null;
}

export interface ReportWrite {
  status: ReportStatus;
  narrative: string;
  userId: number | null;
  at: string;
  /** Set on submit: submitted_by/at, and first_submitted_at when it is the first time. */
  submitted: boolean;
}

export async function insertReport(db: Executor, input: ReportWrite & { periodId: number; projectId: number }): Promise<number> {
  const row = await db
    .insertInto('project_reports')
    .values({
      period_id: input.periodId,
      project_id: input.projectId,
      status: input.status,
      narrative: input.narrative,
      updated_by: input.userId,
      updated_at: input.at,
      submitted_by: input.submitted ? input.userId : null,
      submitted_at: input.submitted ? input.at : null,
      first_submitted_at: input.submitted ? input.at : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates the report if it is still at the version the form was loaded at and still the lead's to edit; false otherwise. */
export async function updateReport(db: Executor, report: StoredReport, expectedVersion: number, input: ReportWrite): Promise<boolean> {
  const result = await db
    .updateTable('project_reports')
    .set((eb) => ({
      status: input.status,
      narrative: input.narrative,
      updated_by: input.userId,
      updated_at: input.at,
      version: eb('version', '+', 1),
      ...(input.submitted ? { submitted_by: input.userId, submitted_at: input.at, ...(report.firstSubmittedAt === null ? { first_submitted_at: input.at } : {}) } : {}),
    }))
    .where('id', '=', report.id)
    .where('version', '=', expectedVersion)
    // Officers may have taken the report up in the meantime: a submitted or accepted report is not the lead's to change.
    .where('status', 'in', ['draft', 'returned'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces the report's spending and indicator values with the given ones. */
export async function replaceReportFigures(db: Executor, reportId: number, spendingCents: ReadonlyMap<number, number>, valuesHundredths: ReadonlyMap<number, number>): Promise<void> {
  await db.deleteFrom('report_spending').where('report_id', '=', reportId).execute();
  await db.deleteFrom('report_indicator_values').where('report_id', '=', reportId).execute();
  if (spendingCents.size > 0) {
    await db
      .insertInto('report_spending')
      .values([...spendingCents].map(([partnerId, cents]) => ({ report_id: reportId, project_partner_id: partnerId, spent_cents: cents })))
      .execute();
  }
  if (valuesHundredths.size > 0) {
    await db
      .insertInto('report_indicator_values')
      .values([...valuesHundredths].map(([indicatorId, hundredths]) => ({ report_id: reportId, indicator_id: indicatorId, value_hundredths: hundredths })))
      .execute();
  }
}

export interface OfficerRecipient {
  userId: number;
  email: string;
  locale: Locale;
}

/** Active officers of the given councils (regions), each once: they review the project's reports. */
export async function officersOfCouncils(db: Executor, regionCodes: readonly string[]): Promise<OfficerRecipient[]> {
  if (regionCodes.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['users.id', 'users.email', 'users.locale'])
    .where('users.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_assignments')
          .select('role_assignments.user_id')
          .whereRef('role_assignments.user_id', '=', 'users.id')
          .where('role_assignments.role', '=', 'officer')
          .where('role_assignments.region_code', 'in', [...regionCodes]),
      ),
    )
    .orderBy('users.id')
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, locale: r.locale === 'sv' || r.locale === 'en' ? r.locale : 'fi' }));
}
