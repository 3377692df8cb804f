import type { Executor } from '../database.js';
import type { ReportStatus, ReportingPeriodKind } from '../schema.js';
import { helsinkiToUtc, helsinkiWallClock } from '../../domain/helsinki-time.js';

/**
 * The reporting of the demo projects (demo-projects.ts), dated relative to `now`: each project's
 * indicator targets, its reporting periods of about half a year, and the lead partner's reports with
 * spending to date per partner and indicator values to date. The latest period that has come due
 * shows each state once or more: accepted, returned with a comment, submitted and waiting, a draft
 * only (late) and nothing at all (late); the period running now is not due yet; one project of the
 * older call has its final report accepted and is completed. Also the strategy's own targets for
 * the indicators, where officers have not set them.
 */

export interface DemoReportingPlan {
  projectId: number;
  /** The project started on the first of the month this many months from now's month. */
  startOffset: number;
  months: number;
  /** What happened to the report of the latest period that has come due. */
  reporting: 'accepted' | 'returned' | 'submitted' | 'draft' | 'late' | 'completed';
  targets: Record<string, number>;
  byDemoApplicant: boolean;
}

/** The strategy's demo targets for its indicators, in units (S3-REGIONS: regions per project). */
export const demoStrategyTargets: Record<string, number> = {
  RCO01: 250,
  RCO07: 40,
  RCO10: 150,
  RCR01: 60,
  RCR03: 50,
  RCR29: 5000,
  'S3-CROSS': 60,
  'S3-REGIONS': 3.5,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' `months` months and then `days` days after a date of the form 'YYYY-MM-01'...'YYYY-MM-28'. */
export function addMonths(date: string, months: number, days = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, d) + days * 86_400_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The first day of the month `offset` months from now's month in Helsinki. */
export function monthStart(now: Date, offset: number): string {
  const local = helsinkiWallClock(now);
  return addMonths(`${local.year}-${pad(local.month)}-01`, offset);
}

/** The last day of the month `offset` months from now's month in Helsinki. */
export function monthEnd(now: Date, offset: number): string {
  return addMonths(monthStart(now, offset + 1), 0, -1);
}

/** An instant at 10.00 Helsinki time `days` days after a date, never later than an hour before `now`. */
function at(date: string, days: number, now: Date): string {
  const [y, m, d] = addMonths(date, 0, days).split('-').map(Number) as [number, number, number];
  const t = helsinkiToUtc({ year: y, month: m, day: d, hour: 10, minute: 0, second: 0 });
  return new Date(Math.min(t.getTime(), now.getTime() - 3_600_000)).toISOString();
}

interface Period {
  kind: ReportingPeriodKind;
  start: string;
  end: string;
  due: string;
  status: ReportStatus | null;
}

/** Half-year periods from the start; the last one that has come due gets the plan's state, earlier ones are accepted, later ones have nothing. */
function periodsOf(plan: DemoReportingPlan, now: Date): Period[] {
  const periods: Period[] = [];
  const projectEnd = addMonths(monthStart(now, plan.startOffset), plan.months, -1);
  if (plan.reporting === 'completed') {
    // Progress periods of six months, then the final period up to the end.
    for (let m = plan.startOffset; m + 6 <= plan.startOffset + plan.months - 6; m += 6) {
      periods.push({ kind: 'progress', start: monthStart(now, m), end: monthEnd(now, m + 5), due: monthEnd(now, m + 6), status: 'accepted' });
    }
    const last = periods.length > 0 ? plan.startOffset + periods.length * 6 : plan.startOffset;
    periods.push({ kind: 'final', start: monthStart(now, last), end: projectEnd, due: monthEnd(now, plan.startOffset + plan.months), status: 'accepted' });
    return periods;
  }
  // Periods end at month -2 at the latest among the due ones (due at the end of month -1), then one running now.
  let m = plan.startOffset;
  while (m <= -2) {
    const endOffset = Math.min(m + 5, -2);
    periods.push({ kind: 'progress', start: monthStart(now, m), end: monthEnd(now, endOffset), due: monthEnd(now, endOffset + 1), status: 'accepted' });
    m = endOffset + 1;
  }
  const latest = periods[periods.length - 1];
  if (latest) latest.status = plan.reporting === 'late' ? null : (plan.reporting as ReportStatus);
  periods.push({ kind: 'progress', start: monthStart(now, m), end: monthEnd(now, m + 5), due: monthEnd(now, m + 6), status: null });
  return periods;
}

export async function seedDemoReporting(trx: Executor, now: Date, plans: readonly DemoReportingPlan[]): Promise<void> {
  const indicators = new Map((await trx.selectFrom('indicators').select(['id', 'code']).execute()).map((i) => [i.code, i.id]));
  const applicant = await trx.selectFrom('users').select('id').where('email', '=', 'hakija.demo@example.org').executeTakeFirst();
  const officer = await trx.selectFrom('users').select('id').where('email', '=', 'juho.kuvitelma@example.org').executeTakeFirst();
  const createdAt = now.toISOString();

  for (const plan of plans) {
    const targets = Object.entries(plan.targets).filter(([code]) => indicators.has(code));
    if (targets.length > 0) {
      await trx
        .insertInto('project_indicators')
        .values(targets.map(([code, value]) => ({ project_id: plan.projectId, indicator_id: indicators.get(code)!, target_hundredths: Math.round(value * 100) })))
        .execute();
    }
    const partners = await trx.selectFrom('project_partners').select(['id', 'requested_cents']).where('project_id', '=', plan.projectId).orderBy('sort_order').execute();
    const writer = plan.byDemoApplicant ? (applicant?.id ?? null) : null;
    let lastAccepted: string | null = null;
    for (const period of periodsOf(plan, now)) {
      const row = await trx
        .insertInto('reporting_periods')
        .values({ project_id: plan.projectId, kind: period.kind, period_start: period.start, period_end: period.end, due_date: period.due, created_by: officer?.id ?? null, created_at: createdAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (period.status === null) continue;
      // Share of the project's time passed by the period's end: spending and indicators to date follow it.
      const elapsed = Math.min(1, monthsBetween(monthStart(now, plan.startOffset), period.end) / plan.months);
      const submitted = period.status === 'draft' ? null : at(period.due, period.status === 'submitted' ? -1 : -6, now);
      const reviewed = period.status === 'accepted' || period.status === 'returned' ? at(period.due, period.status === 'returned' ? -2 : 4, now) : null;
      const report = await trx
        .insertInto('project_reports')
        .values({
          period_id: row.id,
          project_id: plan.projectId,
          status: period.status,
          narrative:
            period.kind === 'final'
              ? 'Hanke on päättynyt. Kaikki työpaketit toteutettiin, ja tulokset on koottu maakuntien yhteiseen käyttöön. (Kokeiluaineistoa.)'
              : 'Hanke on edennyt suunnitelman mukaan: työpajat on pidetty ja pilotit käynnistetty kaikissa maakunnissa. (Kokeiluaineistoa.)',
          updated_by: writer,
          updated_at: submitted ?? at(period.due, -10, now),
          submitted_by: submitted ? writer : null,
          submitted_at: submitted,
          first_submitted_at: submitted,
          reviewed_by: reviewed ? (officer?.id ?? null) : null,
          reviewed_at: reviewed,
          review_comment: period.status === 'returned' ? 'Täydennä kumppanien kustannuserittely ja kerro, miten tuettujen yritysten määrä on laskettu. (Kokeiluaineistoa.)' : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (partners.length > 0) {
        await trx
          .insertInto('report_spending')
          .values(partners.map((p) => ({ report_id: report.id, project_partner_id: p.id, spent_cents: Math.round((Number(p.requested_cents) / 0.8) * elapsed * 0.92) })))
          .execute();
      }
      if (targets.length > 0) {
        // The final report slightly overshoots some targets and falls short of others.
        const factor = (i: number) => (period.kind === 'final' ? [1.1, 0.85, 1][i % 3]! : elapsed * 0.9);
        await trx
          .insertInto('report_indicator_values')
          .values(targets.map(([code, value], i) => ({ report_id: report.id, indicator_id: indicators.get(code)!, value_hundredths: Math.round(value * factor(i)) * 100 })))
          .execute();
      }
      if (period.status === 'accepted') lastAccepted = reviewed;
    }
    if (plan.reporting === 'completed' && lastAccepted) {
      await trx.updateTable('projects').set({ status: 'completed', completed_at: lastAccepted, updated_at: lastAccepted }).where('id', '=', plan.projectId).execute();
    }
  }

  const strategy = await trx.selectFrom('strategies').select('id').where('valid_to', 'is', null).orderBy('valid_from', 'desc').executeTakeFirst();
  if (!strategy) return;
  const set = new Set((await trx.selectFrom('strategy_indicator_targets').select('indicator_id').where('strategy_id', '=', strategy.id).execute()).map((t) => t.indicator_id));
  const missing = Object.entries(demoStrategyTargets).filter(([code]) => indicators.has(code) && !set.has(indicators.get(code)!));
  if (missing.length > 0) {
    await trx
      .insertInto('strategy_indicator_targets')
      .values(missing.map(([code, value]) => ({ strategy_id: strategy.id, indicator_id: indicators.get(code)!, target_hundredths: Math.round(value * 100) })))
      .execute();
  }
}

/** Whole months from the first of a month to the end of a period (a period ending on a month's last day counts that month). */
function monthsBetween(start: string, end: string): number {
  const [ys, ms] = start.split('-').map(Number) as [number, number];
  const [ye, me] = end.split('-').map(Number) as [number, number];
  return (ye - ys) * 12 + (me - ms) + 1;
}
