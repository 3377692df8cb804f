import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { ProblemSchema } from '../../http/schemas.js';
import { locales } from '../../i18n/locales.js';
import { cached } from '../calls/calls.api.js';
import type { CheckedFilters } from './monitoring.filters.js';
import { loadMonitoringCached } from './monitoring.cache.js';
import type { CollaborationFigures, FundingFigures, IndicatorFigure } from './monitoring.repository.js';
import {
  CollaborationStatisticsSchema,
  FundingStatisticsSchema,
  IndicatorStatisticsSchema,
  StatisticsQuerySchema,
  type CollaborationStatisticsDto,
  type FundingStatisticsDto,
  type IndicatorStatisticsDto,
  type StatisticsQuery,
} from './monitoring.schema.js';
import { filterQuery, resolveFilters } from './monitoring.service.js';

/**
 * The statistics API: the monitoring dashboard's figures as JSON, with the same filters. Amounts
 * are in euro cents and indicator values in hundredths of their units; cached for a minute and
 * revalidated by ETag like the rest of the public API.
 */

const notModified = Type.Null({ description: 'Not modified: the answer is the same as the one with the ETag sent in If-None-Match' });
const FILTERS_NOTE =
  'Filters: `strategy` (a strategy version’s slug; default the version in force), `yearFrom` and `yearTo` (decision years, inclusive), `instrument` (erdf, akke or other). Projects count once their funding is final.';

function appliedFilters(c: CheckedFilters) {
  return { strategy: c.strategySlug, yearFrom: c.filters.yearFrom ?? null, yearTo: c.filters.yearTo ?? null, instrument: c.filters.instrument ?? null };
}

function links(baseUrl: string, path: string, c: CheckedFilters) {
  const query = filterQuery(c);
  return {
    self: `${baseUrl}/api/v1/statistics/${path}?${query}`,
    page: Object.fromEntries(locales.map((l) => [l, `${baseUrl}${pagePath(l, 'monitoring')}?${query}`])) as FundingStatisticsDto['links']['page'],
  };
}

/** An average in hundredths or a percentage in tenths as a JSON number: 267 → 2.67, 667 → 66.7. */
const scaled = (value: number | null, divisor: number) => (value === null ? null : value / divisor);

export function presentFunding(f: FundingFigures, c: CheckedFilters, baseUrl: string): FundingStatisticsDto {
  return {
    filters: appliedFilters(c),
    totalCents: f.totalCents,
    projects: f.byYear.reduce((s, y) => s + y.projects, 0),
    regions: f.regionCodes,
    byPriority: f.priorities.map((p, i) => ({ priority: p.slug, name: p.name, byRegion: f.cells[i]!, totalCents: f.rowTotals[i]! })),
    regionTotals: f.columnTotals,
    byYear: f.byYear,
    byCall: f.byCall.map((call) => ({ ...call, decisions: `${baseUrl}/api/v1/calls/${call.callId}/decisions` })),
    byInstrument: f.byInstrument,
    links: links(baseUrl, 'funding', c),
  };
}

export function presentCollaboration(k: CollaborationFigures, c: CheckedFilters, baseUrl: string): CollaborationStatisticsDto {
  return {
    filters: appliedFilters(c),
    projects: k.projects,
    crossRegionalProjects: k.crossRegional,
    regionSum: k.regionSum,
    averageRegionsPerProject: scaled(k.averageRegionsHundredths, 100),
    pairs: k.pairs.map((p) => ({ regions: [p.a, p.b], projects: p.projects })),
    links: links(baseUrl, 'collaboration', c),
  };
}

export function presentIndicators(list: IndicatorFigure[], c: CheckedFilters, baseUrl: string): IndicatorStatisticsDto {
  return {
    filters: appliedFilters(c),
    indicators: list.map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      computed: i.computed,
      achievedHundredths: i.achievedHundredths,
      projectsReporting: i.projectsReporting,
      projectTargetsHundredths: i.projectTargetsHundredths,
      projectsWithTarget: i.projectsWithTarget,
      strategyTargetHundredths: i.strategyTargetHundredths,
      percentOfStrategyTarget: scaled(i.percentOfStrategyTarget, 10),
      percentOfProjectTargets: scaled(i.percentOfProjectTargets, 10),
    })),
    links: links(baseUrl, 'indicators', c),
  };
}

const problemText = { strategy: 'no strategy version has this slug', year: 'not a year from 2000 to 2100', yearOrder: 'yearTo is before yearFrom', instrument: 'not an instrument' };

export const monitoringApi: FastifyPluginAsyncTypebox = async (app) => {
  /** The query checked against the strategy versions; 400 naming each value that cannot be used. */
  async function filtersOf(query: StatisticsQuery): Promise<CheckedFilters> {
    const checked = await resolveFilters(app.database.db, query, app.now());
    if (!checked) throw new AppError('NOT_FOUND', 'No strategy version exists yet.');
    if (checked.problems.length > 0) {
      const errors = checked.problems.map((p) => ({ field: p.field, message: `querystring ${p.field}: ${problemText[p.problem]}` }));
      throw new AppError('VALIDATION_FAILED', errors.map((e) => e.message).join('; '), errors);
    }
    return checked;
  }
  const responses = <T>(schema: T) => ({ 200: schema, 304: notModified, 400: ProblemSchema, 404: ProblemSchema });

  app.get(
    '/statistics/funding',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        summary: 'Funding granted by priority × region, per decision year, per call and per instrument',
        description: `The region is the council that granted the funding. ${FILTERS_NOTE} Amounts are in euro cents.`,
        querystring: StatisticsQuerySchema,
        response: responses(FundingStatisticsSchema),
      },
    },
    async (request, reply) => {
      const checked = await filtersOf(request.query);
      return cached(request, reply, presentFunding((await loadMonitoringCached(app.database.db, checked.filters)).funding, checked, app.config.baseUrl));
    },
  );

  app.get(
    '/statistics/collaboration',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        summary: 'Cross-regional projects, regions per project and the number of joint projects of each pair of regions',
        description: `A pair counts the projects with partners in both regions. ${FILTERS_NOTE}`,
        querystring: StatisticsQuerySchema,
        response: responses(CollaborationStatisticsSchema),
      },
    },
    async (request, reply) => {
      const checked = await filtersOf(request.query);
      return cached(request, reply, presentCollaboration((await loadMonitoringCached(app.database.db, checked.filters)).collaboration, checked, app.config.baseUrl));
    },
  );

  app.get(
    '/statistics/indicators',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        summary: 'Indicator achievement against the projects’ and the strategy’s targets',
        description: `Achieved is the sum over the projects of the value in each one’s latest accepted report (values are cumulative to date). The strategy’s computed indicators come from the funding and collaboration figures. ${FILTERS_NOTE} Values are in hundredths of the indicator’s unit.`,
        querystring: StatisticsQuerySchema,
        response: responses(IndicatorStatisticsSchema),
      },
    },
    async (request, reply) => {
      const db = app.database.db;
      const checked = await filtersOf(request.query);
      return cached(request, reply, presentIndicators((await loadMonitoringCached(db, checked.filters)).indicators, checked, app.config.baseUrl));
    },
  );
};
