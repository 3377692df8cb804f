import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { checkPeriod, officersMayReview, type PeriodProblem } from '../../domain/project-reporting.js';
import { pagePath } from '../../http/page-paths.js';
import { formatCalendarDate } from '../../i18n/format.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { notifyUser } from '../notifications/notify-user.js';
import type { PeriodValue } from './projects.admin.form.js';
import { projectsAdminMessages } from './projects.admin.messages.js';
import {
  deletePeriod,
  deleteProjectTarget,
  findProjectTarget,
  indicatorHasValues,
  insertPeriod,
  reportRecipient,
  reviewReport,
  saveProjectTarget,
} from './projects.admin.repository.js';
import { listReportingPeriods, type ProjectDetails } from './projects.repository.js';

/**
 * The officers' changes to a funded project: its reporting periods, its indicator targets, and the
 * review of its reports. Each runs in one transaction with its audit entry; a review also writes the
 * e-mail to the lead partner there, and accepting the final report completes the project.
 */

export async function addReportingPeriod(
  db: Db,
  actor: Actor,
  project: Pick<ProjectDetails, 'id' | 'startDate' | 'endDate'>,
  period: PeriodValue,
  now: Date,
): Promise<{ ok: true; periodId: number } | { ok: false; problems: PeriodProblem[] }> {
  try {
    return await db.transaction().execute(async (trx) => {
      const others = await listReportingPeriods(trx, project.id);
      const problems = checkPeriod(period, project, others);
      if (problems.length > 0) return { ok: false as const, problems };
      const periodId = await insertPeriod(trx, { projectId: project.id, ...period, createdBy: actor.userId, at: now.toISOString() });
      await appendAudit(trx, actor, { action: 'project.period-added', entityType: 'reporting_period', entityId: periodId, after: { projectId: project.id, ...period } }, now);
      return { ok: true as const, periodId };
    });
  } catch (error) {
    // Two officers adding the same period at the same moment: the second one overlaps the first.
    if (isUniqueViolation(error)) return { ok: false, problems: ['overlaps'] };
    throw error;
  }
}

/** A period goes while nobody has submitted its report; a draft of the lead partner goes with it. */
export async function removeReportingPeriod(db: Db, actor: Actor, projectId: number, periodId: number, now: Date): Promise<'removed' | 'not-found' | 'submitted'> {
  return db.transaction().execute(async (trx) => {
    const period = (await listReportingPeriods(trx, projectId)).find((p) => p.id === periodId);
    if (!period) return 'not-found';
    if (period.report && period.report.status !== 'draft') return 'submitted';
    await deletePeriod(trx, periodId);
    await appendAudit(
      trx,
      actor,
      { action: 'project.period-deleted', entityType: 'reporting_period', entityId: periodId, before: { projectId, kind: period.kind, start: period.start, end: period.end, due: period.due, draftReportId: period.report?.id ?? null } },
      now,
    );
    return 'removed';
  });
}

/** Adds an indicator to the project with its target, or changes the target of one it has. */
export async function setProjectTarget(db: Db, actor: Actor, projectId: number, indicatorId: number, target: number, now: Date): Promise<void> {
  try {
    await db.transaction().execute(async (trx) => {
      const before = await findProjectTarget(trx, projectId, indicatorId);
      await saveProjectTarget(trx, projectId, indicatorId, target, before !== null);
      await appendAudit(
        trx,
        actor,
        { action: 'project.target-set', entityType: 'project', entityId: projectId, before: before === null ? undefined : { indicatorId, targetHundredths: before }, after: { indicatorId, targetHundredths: target } },
        now,
      );
    });
  } catch (error) {
    // Someone added the same indicator at the same moment: set the target on the row they made.
    if (!isUniqueViolation(error)) throw error;
    await setProjectTarget(db, actor, projectId, indicatorId, target, now);
  }
}

/** An indicator leaves the project while no report has a value for it. */
export async function removeProjectTarget(db: Db, actor: Actor, projectId: number, indicatorId: number, now: Date): Promise<'removed' | 'not-found' | 'has-values'> {
  return db.transaction().execute(async (trx) => {
    const before = await findProjectTarget(trx, projectId, indicatorId);
    if (before === null) return 'not-found';
    if (await indicatorHasValues(trx, projectId, indicatorId)) return 'has-values';
    await deleteProjectTarget(trx, projectId, indicatorId);
    await appendAudit(trx, actor, { action: 'project.target-removed', entityType: 'project', entityId: projectId, before: { indicatorId, targetHundredths: before } }, now);
    return 'removed';
  });
}

export type ReviewResult = { ok: true; completed: boolean; mailed: boolean } | { ok: false; reason: 'not-found' | 'state' | 'stale' };

/**
 * Accepts or returns a submitted report, if it is still the version the officer saw. The lead
 * partner's submitter is told by e-mail in their language; accepting the final report completes
 * the project.
 */
export async function reviewProjectReport(
  db: Db,
  actor: Actor,
  input: { project: Pick<ProjectDetails, 'id' | 'title'>; periodId: number; decision: 'accept' | 'return'; version: number; comment: string },
  options: { deliverMail: boolean; baseUrl: string },
  now: Date,
): Promise<ReviewResult> {
  return db.transaction().execute(async (trx): Promise<ReviewResult> => {
    const period = (await listReportingPeriods(trx, input.project.id)).find((p) => p.id === input.periodId);
    if (!period?.report) return { ok: false, reason: 'not-found' };
    const report = period.report;
    if (report.version !== input.version) return { ok: false, reason: 'stale' };
    if (!officersMayReview(report.status)) return { ok: false, reason: 'state' };
    const status = input.decision === 'accept' ? 'accepted' : 'returned';
    const comment = input.comment === '' ? null : input.comment;
    const at = now.toISOString();
    if (!(await reviewReport(trx, { reportId: report.id, version: input.version, status, comment, by: actor.userId, at }))) return { ok: false, reason: 'stale' };
    await appendAudit(
      trx,
      actor,
      {
        action: `report.${status}`,
        entityType: 'project_report',
        entityId: report.id,
        before: { status: report.status, version: report.version },
        after: { status, version: report.version + 1, projectId: input.project.id, periodId: period.id, kind: period.kind, comment },
      },
      now,
    );

    const completed = status === 'accepted' && period.kind === 'final';
    if (completed) {
      const before = await trx.selectFrom('projects').select(['status', 'completed_at']).where('id', '=', input.project.id).executeTakeFirstOrThrow();
      await trx.updateTable('projects').set({ status: 'completed', completed_at: at, updated_at: at }).where('id', '=', input.project.id).execute();
      await appendAudit(
        trx,
        actor,
        { action: 'project.completed', entityType: 'project', entityId: input.project.id, before: { status: before.status, completedAt: before.completed_at }, after: { status: 'completed', completedAt: at, finalReportId: report.id } },
        now,
      );
    }

    const recipient = await reportRecipient(trx, report.id);
    if (!recipient) return { ok: true, completed, mailed: false };
    const locale: Locale = isLocale(recipient.locale) ? recipient.locale : 'fi';
    const m = projectsAdminMessages[locale];
    const periodText = m.periods.periodText(m.periods.kinds[period.kind], formatCalendarDate(period.start, locale), formatCalendarDate(period.end, locale));
    const link = `${options.baseUrl}${pagePath(locale, 'myProjects', String(input.project.id))}`;
    const text = [
      status === 'accepted' ? m.email.accepted(input.project.title, periodText, link) : m.email.returned(input.project.title, periodText, link),
      comment ? m.email.comment(comment) : '',
      completed ? m.email.completed : '',
    ]
      .filter((part) => part !== '')
      .join('\n\n');
    await notifyUser(
      trx,
      {
        userId: recipient.userId,
        kind: 'report-notice',
        to: recipient.email,
        locale,
        purpose: `report-${status}`,
        subject: status === 'accepted' ? m.email.acceptedSubject(input.project.title) : m.email.returnedSubject(input.project.title),
        text,
      },
      { deliverMail: options.deliverMail },
      now,
    );
    return { ok: true, completed, mailed: true };
  });
}
