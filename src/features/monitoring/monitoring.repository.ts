import { pairsFromMasks } from '../../domain/region-mask.js';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Database, FundingInstrument, IndicatorUnit } from '../../db/schema.js';
import { averageHundredths, percentTenths, sortPairs, type RegionPair } from '../../domain/monitoring.js';
import { localisedColumns, type Localised } from '../../i18n/locales.js';
import { listRegions, type Region } from '../regions/regions.repository.js';
import { listPriorities } from '../strategy/strategy.repository.js';

/**
 * The monitoring dashboard's figures over the funded projects in scope (one strategy version, a
 * range of decision years, one instrument), each aggregated in SQL with GROUP BY so that the cost
 * does not grow with loading projects: funding by priority × granting council, per year, call and
 * instrument; how many projects are cross-regional and the regions per project; which regions work
 * together; and indicator achievement against the targets.
 */

export interface MonitoringFilters {
  strategyId: number;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  instrument?: FundingInstrument | undefined;
}

export interface MatrixPriority {
  /** null: projects without a priority. */
  id: number | null;
  slug: string | null;
  name: Localised | null;
}

export interface FundingFigures {
  priorities: MatrixPriority[];
  /** Columns: every region (its council grants), in display order. */
  regionCodes: string[];
  /** cents[priority row][region column]. */
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  totalCents: number;
  /** Every year from the first to the last in scope (or the filter's range), zero where nothing was funded. */
  byYear: Array<{ year: number; projects: number; cents: number }>;
  /** Largest first. */
  byCall: Array<{ callId: number; reference: string; title: Localised; instrument: FundingInstrument; projects: number; cents: number }>;
  byInstrument: Array<{ instrument: FundingInstrument; projects: number; cents: number }>;
}

export interface CollaborationFigures {
  projects: number;
  /** Projects whose partners are in at least two regions. */
  crossRegional: number;
  /** Sum of the projects' region counts: the average is regionSum / projects. */
  regionSum: number;
  /** The average number of regions per project in hundredths (267 = 2.67); null without projects. */
  averageRegionsHundredths: number | null;
  /** For each pair of regions (a < b) with a project having partners in both, the number of such projects; largest first. */
  pairs: RegionPair[];
}

export interface IndicatorFigure {
  id: number;
  code: string;
  name: Localised;
  unit: IndicatorUnit;
  decimals: number;
  /** S3-CROSS, S3-REGIONS, S3-FUNDING: computed from the funding and collaboration figures. */
  computed: boolean;
  /** Sum over projects of the value in each project's latest accepted report (values are cumulative), in hundredths. */
  achievedHundredths: number;
  /** How many projects' latest accepted report gives a value. */
  projectsReporting: number;
  /** Sum of the projects' own targets; null for the computed indicators. */
  projectTargetsHundredths: number | null;
  projectsWithTarget: number;
  strategyTargetHundredths: number | null;
  /** Achieved as a share of the strategy's target, in tenths of a percent. */
  percentOfStrategyTarget: number | null;
  /** Achieved as a share of the projects' targets together, in tenths of a percent. */
  percentOfProjectTargets: number | null;
}

export interface MonitoringData {
  filters: MonitoringFilters;
  regions: Region[];
  funding: FundingFigures;
  collaboration: CollaborationFigures;
  indicators: IndicatorFigure[];
}

type Scoped = ExpressionBuilder<Database, 'projects'>;

/** The projects in scope, as a WHERE on `projects` (every filter is an indexed column or the strategy). */
function inScope(f: MonitoringFilters) {
  return (eb: Scoped) => {
    const conditions = [eb('projects.strategy_id', '=', f.strategyId)];
    if (f.yearFrom !== undefined) conditions.push(eb('projects.decision_year', '>=', f.yearFrom));
    if (f.yearTo !== undefined) conditions.push(eb('projects.decision_year', '<=', f.yearTo));
    if (f.instrument !== undefined) conditions.push(eb('projects.instrument', '=', f.instrument));
    return eb.and(conditions);
  };
}

/** PostgreSQL gives sums and counts of bigint as strings. */
const n = (value: string | number | bigint | null | undefined): number => (value === null || value === undefined ? 0 : Number(value));

export async function loadFunding(db: Executor, f: MonitoringFilters, regions?: readonly Region[]): Promise<FundingFigures> {
  const [regionList, priorities, cellRows, yearRows, callRows, instrumentRows] = await Promise.all([
    regions ? Promise.resolve(regions) : listRegions(db),
    listPriorities(db, { strategyIds: [f.strategyId] }),
    db
      .selectFrom('project_funding')
      .innerJoin('projects', 'projects.id', 'project_funding.project_id')
      .where(inScope(f))
      .select((eb) => ['projects.priority_id', 'project_funding.region_code', eb.fn.sum<string | number>('project_funding.granted_cents').as('cents')])
      .groupBy(['projects.priority_id', 'project_funding.region_code'])
      .execute(),
    db
      .selectFrom('projects')
      .where(inScope(f))
      .select((eb) => ['projects.decision_year', eb.fn.countAll<string | number>().as('projects'), eb.fn.sum<string | number>('projects.granted_cents').as('cents')])
      .groupBy('projects.decision_year')
      .orderBy('projects.decision_year')
      .execute(),
    db
      .selectFrom('projects')
      .where(inScope(f))
      .select((eb) => ['projects.call_id', eb.fn.countAll<string | number>().as('projects'), eb.fn.sum<string | number>('projects.granted_cents').as('cents')])
      .groupBy('projects.call_id')
      .execute(),
    db
      .selectFrom('projects')
      .where(inScope(f))
      .select((eb) => ['projects.instrument', eb.fn.countAll<string | number>().as('projects'), eb.fn.sum<string | number>('projects.granted_cents').as('cents')])
      .groupBy('projects.instrument')
      .orderBy('projects.instrument')
      .execute(),
  ]);

  const rows: MatrixPriority[] = priorities.map((p) => ({ id: p.id, slug: p.slug, name: p.name }));
  if (cellRows.some((c) => c.priority_id === null)) rows.push({ id: null, slug: null, name: null });
  const regionCodes = regionList.map((r) => r.code);
  const cells = rows.map(() => regionCodes.map(() => 0));
  for (const c of cellRows) {
    let i = rows.findIndex((r) => r.id === c.priority_id);
    if (i < 0) {
      // A priority of another strategy version (should not happen: a project's priority is its strategy's).
      rows.push({ id: c.priority_id, slug: null, name: null });
      cells.push(regionCodes.map(() => 0));
      i = rows.length - 1;
    }
    const j = regionCodes.indexOf(c.region_code);
    if (j >= 0) cells[i]![j]! += n(c.cents);
  }
  const rowTotals = cells.map((r) => r.reduce((s, v) => s + v, 0));
  const columnTotals = regionCodes.map((_, j) => cells.reduce((s, r) => s + r[j]!, 0));

  const years = yearRows.map((y) => ({ year: y.decision_year, projects: n(y.projects), cents: n(y.cents) }));
  const first = f.yearFrom ?? years[0]?.year;
  const last = f.yearTo ?? years[years.length - 1]?.year;
  const byYear: FundingFigures['byYear'] = [];
  // Gaps are shown as zero years; a range of more than a century is not filled in.
  if (first !== undefined && last !== undefined && last - first <= 100) {
    for (let year = first; year <= last; year++) byYear.push(years.find((y) => y.year === year) ?? { year, projects: 0, cents: 0 });
  } else byYear.push(...years);

  const callIds = callRows.map((c) => c.call_id);
  const calls =
    callIds.length === 0
      ? []
      : await db.selectFrom('calls').select(['id', 'reference', 'instrument', 'title_fi', 'title_sv', 'title_en']).where('id', 'in', callIds).execute();
  const callById = new Map(calls.map((c) => [c.id, c]));
  const byCall = callRows
    .map((c) => {
      const call = callById.get(c.call_id)!;
      return { callId: c.call_id, reference: call.reference, title: localisedColumns(call, 'title'), instrument: call.instrument, projects: n(c.projects), cents: n(c.cents) };
    })
    .sort((a, b) => b.cents - a.cents || a.callId - b.callId);

  return {
    priorities: rows,
    regionCodes,
    cells,
    rowTotals,
    columnTotals,
    totalCents: rowTotals.reduce((s, v) => s + v, 0),
    byYear,
    byCall,
    byInstrument: instrumentRows.map((r) => ({ instrument: r.instrument, projects: n(r.projects), cents: n(r.cents) })),
  };
}

export async function loadCollaboration(db: Executor, f: MonitoringFilters): Promise<CollaborationFigures> {
  const [totals, pairRows] = await Promise.all([
    db
      .selectFrom('projects')
      .where(inScope(f))
      .select((eb) => [
        eb.fn.countAll<string | number>().as('projects'),
        eb.fn.sum<string | number>(eb.case().when('projects.region_count', '>=', 2).then(1).else(0).end()).as('cross'),
        eb.fn.sum<string | number>('projects.region_count').as('regions'),
      ])
      .executeTakeFirstOrThrow(),
    // Pairs of regions from the projects' region sets (at most a few hundred distinct ones), not from a self-join of partners.
    db
      .selectFrom('projects')
      .where(inScope(f))
      .select((eb) => ['projects.region_mask', eb.fn.countAll<string | number>().as('projects')])
      .groupBy('projects.region_mask')
      .execute(),
  ]);
  const projects = n(totals.projects);
  const regionSum = n(totals.regions);
  return {
    projects,
    crossRegional: n(totals.cross),
    regionSum,
    averageRegionsHundredths: averageHundredths(regionSum, projects),
    pairs: sortPairs(pairsFromMasks(pairRows.map((p) => ({ mask: p.region_mask, projects: n(p.projects) })))),
  };
}

/** The computed strategy indicators' achieved values, in hundredths of their units. */
function computedAchievement(code: string, funding: Pick<FundingFigures, 'totalCents'>, c: CollaborationFigures): number | null {
  if (code === 'S3-CROSS') return c.crossRegional * 100;
  if (code === 'S3-REGIONS') return c.averageRegionsHundredths ?? 0;
  // Euros in hundredths are cents.
  if (code === 'S3-FUNDING') return funding.totalCents;
  return null;
}

export async function loadIndicators(
  db: Executor,
  f: MonitoringFilters,
  figures: { funding: Pick<FundingFigures, 'totalCents'>; collaboration: CollaborationFigures },
): Promise<IndicatorFigure[]> {
  const [achievedRows, targetRows, strategyTargets] = await Promise.all([
    db
      .with('latest', (qb) =>
        qb
          .selectFrom('project_reports')
          .innerJoin('reporting_periods', 'reporting_periods.id', 'project_reports.period_id')
          .innerJoin('projects', 'projects.id', 'project_reports.project_id')
          .where('project_reports.status', '=', 'accepted')
          .where(inScope(f))
          .select([
            'project_reports.id as report_id',
            sql<number>`row_number() over (partition by project_reports.project_id order by reporting_periods.period_end desc, reporting_periods.id desc)`.as('rn'),
          ]),
      )
      .selectFrom('latest')
      .innerJoin('report_indicator_values as v', 'v.report_id', 'latest.report_id')
      .where('latest.rn', '=', 1)
      .select((eb) => ['v.indicator_id', eb.fn.sum<string | number>('v.value_hundredths').as('achieved'), eb.fn.countAll<string | number>().as('projects')])
      .groupBy('v.indicator_id')
      .execute(),
    db
      .selectFrom('project_indicators')
      .innerJoin('projects', 'projects.id', 'project_indicators.project_id')
      .where(inScope(f))
      .select((eb) => ['project_indicators.indicator_id', eb.fn.sum<string | number>('project_indicators.target_hundredths').as('target'), eb.fn.countAll<string | number>().as('projects')])
      .groupBy('project_indicators.indicator_id')
      .execute(),
    db.selectFrom('strategy_indicator_targets').select(['indicator_id', 'target_hundredths']).where('strategy_id', '=', f.strategyId).execute(),
  ]);
  const achieved = new Map(achievedRows.map((r) => [r.indicator_id, { value: n(r.achieved), projects: n(r.projects) }]));
  const targets = new Map(targetRows.map((r) => [r.indicator_id, { value: n(r.target), projects: n(r.projects) }]));
  const strategyTarget = new Map(strategyTargets.map((r) => [r.indicator_id, n(r.target_hundredths)]));
  const used = [...new Set([...achieved.keys(), ...targets.keys()])];

  const indicators = await db
    .selectFrom('indicators')
    .selectAll()
    .where((eb) => eb.or([eb('computed', 'is not', null), ...(used.length > 0 ? [eb('id', 'in', used)] : [])]))
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return indicators.map((i) => {
    const computed = i.computed !== null;
    const value = computed ? (computedAchievement(i.code, figures.funding, figures.collaboration) ?? 0) : (achieved.get(i.id)?.value ?? 0);
    const projectTargets = computed ? null : (targets.get(i.id)?.value ?? 0);
    const target = strategyTarget.get(i.id) ?? null;
    return {
      id: i.id,
      code: i.code,
      name: localisedColumns(i, 'name'),
      unit: i.unit,
      decimals: i.decimals,
      computed,
      achievedHundredths: value,
      projectsReporting: computed ? 0 : (achieved.get(i.id)?.projects ?? 0),
      projectTargetsHundredths: projectTargets,
      projectsWithTarget: computed ? 0 : (targets.get(i.id)?.projects ?? 0),
      strategyTargetHundredths: target,
      percentOfStrategyTarget: percentTenths(value, target),
      percentOfProjectTargets: projectTargets === null ? null : percentTenths(value, projectTargets),
    };
  });
}

/** Everything the dashboard shows for the filters (the benchmark times this). */
export async function loadMonitoring(db: Executor, filters: MonitoringFilters): Promise<MonitoringData> {
  const regions = await listRegions(db);
  const [funding, collaboration] = await Promise.all([loadFunding(db, filters, regions), loadCollaboration(db, filters)]);
  const indicators = await loadIndicators(db, filters, { funding, collaboration });
  return { filters, regions, funding, collaboration, indicators };
}
