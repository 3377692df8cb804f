import type { Executor } from '../../db/database.js';
import { phaseOf } from '../calls/calls.repository.js';
import type { DatasetId, Row } from './datasets.js';

/**
 * The loaders of the open datasets (columns in datasets.ts). Each reads only the public columns it
 * names: never an application's sections or answers, a partner's contact person, a report's
 * narrative or comments, an attachment, a reviewer or a council decision's grounds. Rows come in a
 * fixed order (by identifier), so the same data gives the same file on either database.
 */

const num = (value: number | string | bigint): number => Number(value);

/** Region code → sort order: lists of regions follow the regions' own order. */
async function regionOrder(db: Executor): Promise<(a: string, b: string) => number> {
  const regions = await db.selectFrom('regions').select(['code', 'sort_order']).execute();
  const order = new Map(regions.map((r) => [r.code, r.sort_order]));
  return (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0) || a.localeCompare(b);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Published calls (never a draft), with each council's budget and the priorities. */
export async function loadCalls(db: Executor, now: Date): Promise<Row[]> {
  const [calls, budgets, priorities, byRegion] = await Promise.all([
    db
      .selectFrom('calls')
      .innerJoin('strategies', 'strategies.id', 'calls.strategy_id')
      .select([
        'calls.id',
        'calls.reference',
        'calls.title_fi',
        'calls.title_sv',
        'calls.title_en',
        'strategies.slug as strategy',
        'calls.instrument',
        'calls.status',
        'calls.opens_at',
        'calls.closes_at',
        'calls.min_regions',
      ])
      .where('calls.status', '!=', 'draft')
      .orderBy('calls.id')
      .execute(),
    db
      .selectFrom('call_regions')
      .innerJoin('calls', 'calls.id', 'call_regions.call_id')
      .select(['call_regions.call_id', 'call_regions.region_code', 'call_regions.budget_cents'])
      .where('calls.status', '!=', 'draft')
      .execute(),
    db
      .selectFrom('call_priorities')
      .innerJoin('priorities', 'priorities.id', 'call_priorities.priority_id')
      .innerJoin('calls', 'calls.id', 'call_priorities.call_id')
      .select(['call_priorities.call_id', 'priorities.slug', 'priorities.sort_order'])
      .where('calls.status', '!=', 'draft')
      .orderBy('priorities.sort_order')
      .orderBy('priorities.slug')
      .execute(),
    regionOrder(db),
  ]);
  const budgetsOf = groupBy(budgets, (b) => b.call_id);
  const prioritiesOf = groupBy(priorities, (p) => p.call_id);
  return calls.map((c) => {
    const own = (budgetsOf.get(c.id) ?? []).sort((a, b) => byRegion(a.region_code, b.region_code));
    return {
      id: c.id,
      reference: c.reference,
      title_fi: c.title_fi,
      title_sv: c.title_sv,
      title_en: c.title_en,
      strategy: c.strategy,
      instrument: c.instrument,
      phase: phaseOf({ status: c.status, opensAt: c.opens_at, closesAt: c.closes_at }, now),
      opens_at: c.opens_at,
      closes_at: c.closes_at,
      min_regions: c.min_regions,
      regions: own.map((b) => b.region_code),
      budget_by_region: Object.fromEntries(own.map((b) => [b.region_code, num(b.budget_cents)])),
      total_budget_cents: own.reduce((sum, b) => sum + num(b.budget_cents), 0),
      priorities: (prioritiesOf.get(c.id) ?? []).map((p) => p.slug),
    };
  });
}

/**
 * One row per council decision of a published call. What it granted counts only the projects whose
 * funding is final (a project exists only then), as on the call's decisions page.
 */
export async function loadDecisions(db: Executor): Promise<Row[]> {
  const [decisions, grants] = await Promise.all([
    db
      .selectFrom('council_decisions')
      .innerJoin('calls', 'calls.id', 'council_decisions.call_id')
      .innerJoin('regions', 'regions.code', 'council_decisions.region_code')
      .leftJoin('call_regions', (join) =>
        join.onRef('call_regions.call_id', '=', 'council_decisions.call_id').onRef('call_regions.region_code', '=', 'council_decisions.region_code'),
      )
      .select([
        'council_decisions.id',
        'council_decisions.call_id',
        'calls.reference',
        'council_decisions.region_code',
        'regions.council_name_fi',
        'regions.council_name_sv',
        'regions.council_name_en',
        'council_decisions.decision_number',
        'council_decisions.decision_date',
        'council_decisions.decision_maker',
        'call_regions.budget_cents',
      ])
      .where('calls.status', '!=', 'draft')
      .orderBy('council_decisions.call_id')
      .orderBy('regions.sort_order')
      .orderBy('council_decisions.id')
      .execute(),
    db
      .selectFrom('project_funding')
      .select(['decision_id', 'project_id', 'granted_cents'])
      .where('granted_cents', '>', 0)
      .orderBy('project_id')
      .execute(),
  ]);
  const grantsOf = groupBy(grants, (g) => g.decision_id);
  return decisions.map((d) => {
    const own = grantsOf.get(d.id) ?? [];
    return {
      call_id: d.call_id,
      call_reference: d.reference,
      region_code: d.region_code,
      council_fi: d.council_name_fi,
      council_sv: d.council_name_sv,
      council_en: d.council_name_en,
      decision_number: d.decision_number,
      decision_date: d.decision_date,
      decision_maker: d.decision_maker,
      budget_cents: d.budget_cents === null ? null : num(d.budget_cents),
      granted_cents: own.reduce((sum, g) => sum + num(g.granted_cents), 0),
      funded_projects: own.length,
      project_ids: own.map((g) => String(g.project_id)),
    };
  });
}

/** The funded projects (a project exists once its funding is final), with partners and each council's grant. */
export async function loadProjects(db: Executor): Promise<Row[]> {
  const [projects, partners, funding, byRegion] = await Promise.all([
    db
      .selectFrom('projects')
      .innerJoin('calls', 'calls.id', 'projects.call_id')
      .leftJoin('priorities', 'priorities.id', 'projects.priority_id')
      .select([
        'projects.id',
        'projects.application_id',
        'projects.call_id',
        'calls.reference',
        'projects.title',
        'projects.summary',
        'priorities.slug as priority',
        'projects.instrument',
        'projects.decision_year',
        'projects.funded_at',
        'projects.start_date',
        'projects.end_date',
        'projects.granted_cents',
        'projects.region_count',
        'projects.status',
      ])
      .orderBy('projects.id')
      .execute(),
    db
      .selectFrom('project_partners')
      .innerJoin('organisations', 'organisations.id', 'project_partners.organisation_id')
      .select(['project_partners.project_id', 'organisations.name', 'organisations.business_id', 'project_partners.region_code', 'project_partners.is_lead'])
      .orderBy('project_partners.project_id')
      .orderBy('project_partners.is_lead', 'desc')
      .orderBy('project_partners.sort_order')
      .orderBy('project_partners.id')
      .execute(),
    db.selectFrom('project_funding').select(['project_id', 'region_code', 'granted_cents']).where('granted_cents', '>', 0).execute(),
    regionOrder(db),
  ]);
  const partnersOf = groupBy(partners, (p) => p.project_id);
  const fundingOf = groupBy(funding, (f) => f.project_id);
  return projects.map((p) => {
    const own = partnersOf.get(p.id) ?? [];
    const lead = own.find((x) => x.is_lead === 1);
    const grants = (fundingOf.get(p.id) ?? []).sort((a, b) => byRegion(a.region_code, b.region_code));
    return {
      id: p.id,
      application_id: p.application_id,
      call_id: p.call_id,
      call_reference: p.reference,
      title: p.title,
      summary: p.summary,
      lead_organisation: lead?.name ?? null,
      lead_business_id: lead?.business_id ?? null,
      lead_region_code: lead?.region_code ?? null,
      partner_organisations: own.map((x) => x.name),
      partner_business_ids: own.map((x) => x.business_id),
      partner_region_codes: own.map((x) => x.region_code),
      region_count: p.region_count,
      priority: p.priority,
      instrument: p.instrument,
      decision_year: p.decision_year,
      funded_at: p.funded_at,
      start_date: p.start_date,
      end_date: p.end_date,
      granted_cents: num(p.granted_cents),
      granted_by_region: Object.fromEntries(grants.map((g) => [g.region_code, num(g.granted_cents)])),
      status: p.status,
    };
  });
}

/**
 * The indicator values of each project's latest accepted report (by period end, a final report after
 * a progress report ending the same day): values are cumulative, so the latest tells the state to
 * date. The project's target comes with each, when officers have set one.
 */
export async function loadIndicatorValues(db: Executor): Promise<Row[]> {
  const [values, targets] = await Promise.all([
    db
      .selectFrom('report_indicator_values')
      .innerJoin('project_reports', 'project_reports.id', 'report_indicator_values.report_id')
      .innerJoin('reporting_periods', 'reporting_periods.id', 'project_reports.period_id')
      .innerJoin('indicators', 'indicators.id', 'report_indicator_values.indicator_id')
      .select([
        'project_reports.project_id',
        'project_reports.id as report_id',
        'project_reports.reviewed_at',
        'reporting_periods.kind',
        'reporting_periods.period_end',
        'indicators.id as indicator_id',
        'indicators.code',
        'indicators.kind as indicator_kind',
        'indicators.name_fi',
        'indicators.name_sv',
        'indicators.name_en',
        'indicators.unit',
        'report_indicator_values.value_hundredths',
      ])
      .where('project_reports.status', '=', 'accepted')
      .orderBy('project_reports.project_id')
      .orderBy('indicators.sort_order')
      .orderBy('indicators.id')
      .execute(),
    db.selectFrom('project_indicators').select(['project_id', 'indicator_id', 'target_hundredths']).execute(),
  ]);
  // The latest accepted report of each project: the greatest (period end, final over progress, id).
  const rank = (v: (typeof values)[number]) => `${v.period_end}|${v.kind === 'final' ? 1 : 0}|${String(v.report_id).padStart(12, '0')}`;
  const latest = new Map<number, string>();
  for (const v of values) {
    const r = rank(v);
    const seen = latest.get(v.project_id);
    if (seen === undefined || r > seen) latest.set(v.project_id, r);
  }
  const target = new Map(targets.map((t) => [`${t.project_id}|${t.indicator_id}`, num(t.target_hundredths)]));
  return values
    .filter((v) => latest.get(v.project_id) === rank(v))
    .map((v) => {
      const t = target.get(`${v.project_id}|${v.indicator_id}`);
      return {
        project_id: v.project_id,
        indicator_code: v.code,
        indicator_kind: v.indicator_kind,
        indicator_name_fi: v.name_fi,
        indicator_name_sv: v.name_sv,
        indicator_name_en: v.name_en,
        unit: v.unit,
        value: num(v.value_hundredths) / 100,
        target: t === undefined ? null : t / 100,
        report_kind: v.kind,
        period_end: v.period_end,
        accepted_at: v.reviewed_at,
      };
    });
}

export async function loadDataset(db: Executor, id: DatasetId, now: Date): Promise<Row[]> {
  switch (id) {
    case 'calls':
      return loadCalls(db, now);
    case 'decisions':
      return loadDecisions(db);
    case 'projects':
      return loadProjects(db);
    case 'indicator-values':
      return loadIndicatorValues(db);
  }
}
