import { isUniqueViolation } from '../../db/errors.js';
import type { Db } from '../../db/database.js';
import type { ReportStatus } from '../../db/schema.js';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import { leadMayEdit, reportTiming } from '../../domain/project-reporting.js';
import { pagePath } from '../../http/page-paths.js';
import { formatCalendarDate } from '../../i18n/format.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { notifyUser } from '../notifications/notify-user.js';
import type { ProjectDetails, ReportingPeriod } from './projects.repository.js';
import type { ReportValues } from './reports.form.js';
import { reportsMessages, type ReportState } from './reports.messages.js';
import { findReportOfPeriod, insertReport, officersOfCouncils, replaceReportFigures, updateReport } from './reports.repository.js';

/**
 * The lead partner's reports: where each period's report stands, and saving a draft or submitting a
 * report in one transaction with its figures, the audit entry and the notice to the officers of the
 * councils that fund the project.
 */

// ---------- Where a report stands (pure) ----------

/** A period's report as the lead partner sees it on a given day (Helsinki date). */
export function reportState(period: Pick<ReportingPeriod, 'end' | 'due' | 'report'>, today: string): ReportState {
  const status = period.report?.status ?? null;
  if (status === 'accepted' || status === 'submitted' || status === 'returned') return status;
  const timing = reportTiming({ periodEnd: period.end, dueDate: period.due }, null, today);
  if (timing === 'late') return status === 'draft' ? 'draft-late' : 'late';
  return timing === 'open' ? 'open' : 'not-due';
}

/**
 * The report the lead partner should attend to next: the first period (in date order) whose report
 * is not submitted or accepted; failing that the first awaiting review; failing that the last
 * (all accepted). Null when the project has no periods.
 */
export function nextReport<T extends Pick<ReportingPeriod, 'end' | 'due' | 'report'>>(periods: readonly T[], today: string): { period: T; state: ReportState } | null {
  const states = periods.map((period) => ({ period, state: reportState(period, today) }));
  return states.find((s) => s.state !== 'submitted' && s.state !== 'accepted') ?? states.find((s) => s.state === 'submitted') ?? states.at(-1) ?? null;
}

/** Whether the report may be submitted on the day: only once its period has ended. */
export const periodHasEnded = (period: Pick<ReportingPeriod, 'end'>, today: string) => today > period.end;

/** Whether a submitted report's first submission came after its due date. */
export function submittedLate(period: Pick<ReportingPeriod, 'end' | 'due' | 'report'>): boolean {
  const first = period.report?.firstSubmittedAt;
  return first ? reportTiming({ periodEnd: period.end, dueDate: period.due }, helsinkiDate(new Date(first)), helsinkiDate(new Date(first))) === 'submitted-late' : false;
}

/**
 * The report that came before this period's, if the officers accepted it: its figures are the
 * hints on the form (spending and values are cumulative, so they should not normally fall).
 */
export function previousAcceptedReportId(periods: readonly ReportingPeriod[], periodId: number): number | null {
  const index = periods.findIndex((p) => p.id === periodId);
  for (let i = index - 1; i >= 0; i--) {
    const report = periods[i]!.report;
    if (report?.status === 'accepted') return report.id;
  }
  return null;
}

// ---------- Saving ----------

export interface SaveReportInput {
  project: ProjectDetails;
  period: ReportingPeriod;
  /** The version the form was loaded at; 0 when no report was stored. */
  version: number;
  action: 'draft' | 'submit';
  values: ReportValues;
}

export type SaveReportResult =
  | { ok: true; reportId: number; status: ReportStatus; emails: number }
  | { ok: false; reason: 'conflict' }
  | { ok: false; reason: 'state'; status: ReportStatus }
  | { ok: false; reason: 'not-due' };

/**
 * Saves the lead partner's report. A draft keeps its status (a returned report stays returned, with
 * the officers' comment, until it is submitted again); a submission needs the period to have ended.
 * A form loaded at an older version than the one stored is refused as a conflict, as is a report
 * created by someone else at the same moment.
 */
export async function saveReport(db: Db, actor: Actor, input: SaveReportInput, options: { deliverMail: boolean; baseUrl: string }, now: Date): Promise<SaveReportResult> {
  const { project, period, values } = input;
  const submit = input.action === 'submit';
  if (submit && !periodHasEnded(period, helsinkiDate(now))) return { ok: false, reason: 'not-due' };
  try {
    return await db.transaction().execute(async (trx): Promise<SaveReportResult> => {
      const stored = await findReportOfPeriod(trx, period.id);
      if (stored && !leadMayEdit(stored.status)) return { ok: false, reason: 'state', status: stored.status };
      if ((stored?.version ?? 0) !== input.version) return { ok: false, reason: 'conflict' };
      const at = now.toISOString();
      const status: ReportStatus = submit ? 'submitted' : (stored?.status ?? 'draft');
      const write = { status, narrative: values.narrative, userId: actor.userId, at, submitted: submit };
      let reportId: number;
      if (stored) {
        if (!(await updateReport(trx, stored, input.version, write))) {
          const current = await findReportOfPeriod(trx, period.id);
          return current && !leadMayEdit(current.status) ? { ok: false, reason: 'state', status: current.status } : { ok: false, reason: 'conflict' };
        }
        reportId = stored.id;
      } else reportId = await insertReport(trx, { ...write, periodId: period.id, projectId: project.id });
      await replaceReportFigures(trx, reportId, values.spendingCents, values.valuesHundredths);

      let emails = 0;
      if (submit) {
        const resubmitted = stored?.firstSubmittedAt != null;
        for (const officer of await officersOfCouncils(trx, project.fundingRegionCodes)) {
          const m = reportsMessages[officer.locale];
          const kind = m.kinds[period.kind];
          const date = (d: string) => formatCalendarDate(d, officer.locale);
          const lead = project.partners.find((p) => p.isLead)?.organisationName ?? '';
          const outcome = await notifyUser(
            trx,
            {
              userId: officer.userId,
              kind: 'report-notice',
              to: officer.email,
              locale: officer.locale,
              purpose: 'project-report-submitted',
              subject: m.mail.subject(kind, project.title),
              text: m.mail.text({
                kind,
                project: project.title,
                organisation: lead,
                period: `${date(period.start)}–${date(period.end)}`,
                due: date(period.due),
                resubmitted,
                url: `${options.baseUrl}${pagePath(officer.locale, 'adminProjects', String(project.id))}`,
              }),
            },
            { deliverMail: options.deliverMail },
            now,
          );
          if (outcome === 'queued') emails += 1;
        }
      }
      await appendAudit(
        trx,
        actor,
        {
          action: submit ? 'report.submitted' : 'report.draft-saved',
          entityType: 'project_report',
          entityId: reportId,
          ...(stored ? { before: { status: stored.status, version: stored.version } } : {}),
          after: {
            projectId: project.id,
            periodId: period.id,
            kind: period.kind,
            status,
            version: stored ? stored.version + 1 : 1,
            narrativeLength: values.narrative.length,
            spendingCents: Object.fromEntries(values.spendingCents),
            valuesHundredths: Object.fromEntries(values.valuesHundredths),
            emails,
          },
        },
        now,
      );
      return { ok: true, reportId, status, emails };
    });
  } catch (error) {
    // Two people created the period's first report at the same moment: the later one is a conflict.
    if (isUniqueViolation(error)) return { ok: false, reason: 'conflict' };
    throw error;
  }
}
