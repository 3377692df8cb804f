import type { Executor } from '../../db/database.js';
import type { IndicatorKind, IndicatorUnit, ReportingPeriodKind } from '../../db/schema.js';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import { reportTiming, type ReportTiming } from '../../domain/project-reporting.js';
import type { Localised } from '../../i18n/locales.js';
import { findProject, latestAcceptedReports, listProjectIndicators, listReportingPeriods, type ProjectDetails } from './projects.repository.js';

/**
 * What the public project page and the projects API show of a funded project: its public facts,
 * its partners and the councils' grants with their decisions, how its reporting stands, what it has
 * spent and achieved as far as the officers have accepted its reports. Never a report's narrative,
 * the officers' comments, contact persons, or anything of the application beyond title and summary.
 */

export interface PublicPeriod {
  kind: ReportingPeriodKind;
  start: string;
  end: string;
  due: string;
  /** Where the period's report stands for the public: accepted, being handled, or its timing. */
  state: 'accepted' | 'in-review' | ReportTiming;
  /** The due date passed before anything was submitted (now or when it was). */
  late: boolean;
}

export interface PublicIndicator {
  code: string;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  decimals: number;
  name: Localised;
  targetHundredths: number;
  /** The value in the latest accepted report; null when none has given it. */
  valueHundredths: number | null;
}

export interface PublicProject {
  project: Omit<ProjectDetails, 'applicationId' | 'partners'> & {
    partners: Array<{ organisationId: number; name: string; businessId: string; regionCode: string; isLead: boolean }>;
  };
  progress: {
    periods: PublicPeriod[];
    accepted: number;
    /** Periods whose report is late now or was submitted late. */
    late: number;
    /** The period end of the latest accepted report. */
    acceptedUntil: string | null;
  };
  /** Spending to date in the latest accepted report (all partners), and its share of the grant in basis points. */
  spending: { spentCents: number; shareBp: number | null } | null;
  indicators: PublicIndicator[];
}

export async function findPublicProject(db: Executor, id: number, now: Date): Promise<PublicProject | null> {
  const project = await findProject(db, id);
  if (!project) return null;
  const today = helsinkiDate(now);
  const [periods, indicators, latest] = await Promise.all([listReportingPeriods(db, id), listProjectIndicators(db, id), latestAcceptedReports(db, [id])]);
  const reportId = latest.get(id);
  const [spent, values] = reportId
    ? await Promise.all([
        db.selectFrom('report_spending').select((eb) => eb.fn.sum<number>('spent_cents').as('total')).where('report_id', '=', reportId).executeTakeFirst(),
        db.selectFrom('report_indicator_values').select(['indicator_id', 'value_hundredths']).where('report_id', '=', reportId).execute(),
      ])
    : [undefined, []];
  const valueOf = new Map(values.map((v) => [v.indicator_id, Number(v.value_hundredths)]));

  const publicPeriods: PublicPeriod[] = periods.map((p) => {
    const firstSubmittedOn = p.report?.firstSubmittedAt ? helsinkiDate(new Date(p.report.firstSubmittedAt)) : null;
    const timing = reportTiming({ periodEnd: p.end, dueDate: p.due }, firstSubmittedOn, today);
    const status = p.report?.status;
    const state: PublicPeriod['state'] = status === 'accepted' ? 'accepted' : status === 'submitted' || status === 'returned' ? 'in-review' : timing;
    return { kind: p.kind, start: p.start, end: p.end, due: p.due, state, late: timing === 'late' || timing === 'submitted-late' };
  });
  const acceptedPeriods = periods.filter((p) => p.report?.status === 'accepted');
  const spentCents = spent?.total === undefined || spent.total === null ? null : Number(spent.total);

  const { applicationId: _applicationId, partners, ...facts } = project;
  return {
    project: {
      ...facts,
      partners: partners.map((p) => ({ organisationId: p.organisationId, name: p.organisationName, businessId: p.businessId, regionCode: p.regionCode, isLead: p.isLead })),
    },
    progress: {
      periods: publicPeriods,
      accepted: acceptedPeriods.length,
      late: publicPeriods.filter((p) => p.late).length,
      acceptedUntil: acceptedPeriods.at(-1)?.end ?? null,
    },
    spending:
      reportId && spentCents !== null
        ? { spentCents, shareBp: project.grantedCents > 0 ? Math.round((spentCents * 10_000) / project.grantedCents) : null }
        : null,
    indicators: indicators.map((i) => ({
      code: i.code,
      kind: i.kind,
      unit: i.unit,
      decimals: i.decimals,
      name: i.name,
      targetHundredths: i.targetHundredths,
      valueHundredths: reportId ? (valueOf.get(i.indicatorId) ?? null) : null,
    })),
  };
}

/** Above this many partner organisations the search form does not list them all (the filter still works from links). */
export const ORGANISATION_CHOICES_MAX = 400;

export interface SearchChoices {
  priorities: Array<{ slug: string; name: Localised }>;
  calls: Array<{ id: number; reference: string; title: Localised }>;
  years: number[];
  /** Null when there are too many to list. */
  organisations: Array<{ id: number; name: string }> | null;
}

/** What the search form offers: only values some project has, so that every choice finds something. */
export async function listSearchChoices(db: Executor): Promise<SearchChoices> {
  const [priorities, calls, years, organisationCount] = await Promise.all([
    db
      .selectFrom('priorities')
      .select(['slug', 'name_fi', 'name_sv', 'name_en'])
      .where((eb) => eb.exists(eb.selectFrom('projects').select('projects.id').whereRef('projects.priority_id', '=', 'priorities.id')))
      .orderBy('strategy_id', 'desc')
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('calls')
      .select(['id', 'reference', 'title_fi', 'title_sv', 'title_en'])
      .where((eb) => eb.exists(eb.selectFrom('projects').select('projects.id').whereRef('projects.call_id', '=', 'calls.id')))
      .orderBy('id', 'desc')
      .execute(),
    db.selectFrom('projects').select('decision_year').distinct().orderBy('decision_year', 'desc').execute(),
    db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.exists(eb.selectFrom('project_partners').select('project_partners.id').whereRef('project_partners.organisation_id', '=', 'organisations.id')))
      .executeTakeFirst(),
  ]);
  const organisations =
    Number(organisationCount?.n ?? 0) > ORGANISATION_CHOICES_MAX
      ? null
      : await db
          .selectFrom('organisations')
          .select(['id', 'name'])
          .where((eb) => eb.exists(eb.selectFrom('project_partners').select('project_partners.id').whereRef('project_partners.organisation_id', '=', 'organisations.id')))
          .execute();
  const seen = new Set<string>();
  return {
    priorities: priorities
      .filter((p) => !seen.has(p.slug) && seen.add(p.slug))
      .map((p) => ({ slug: p.slug, name: { fi: p.name_fi, sv: p.name_sv, en: p.name_en } })),
    calls: calls.map((c) => ({ id: c.id, reference: c.reference, title: { fi: c.title_fi, sv: c.title_sv, en: c.title_en } })),
    years: years.map((y) => y.decision_year),
    organisations: organisations?.sort((a, b) => nameOrder.compare(a.name, b.name) || a.id - b.id) ?? null,
  };
}

const nameOrder = new Intl.Collator('fi');

/** An organisation's name, for the filter when the form does not list them all. */
export async function organisationName(db: Executor, id: number): Promise<string | null> {
  return (await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}
