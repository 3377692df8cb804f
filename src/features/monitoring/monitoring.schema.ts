import { Type, type Static } from '@sinclair/typebox';
import { LocalisedSchema } from '../../http/schemas.js';
import { InstrumentSchema } from '../calls/calls.schema.js';
import { RegionCodeSchema } from '../regions/regions.schema.js';
import { MAX_YEAR, MIN_YEAR } from './monitoring.filters.js';

/** The statistics API: the same filters as the dashboard, amounts in euro cents, indicator values in hundredths. */

const YearSchema = (description: string) => Type.Integer({ minimum: MIN_YEAR, maximum: MAX_YEAR, description });
const Cents = (description: string) => Type.Integer({ minimum: 0, description: `${description}, in euro cents` });
const Count = (description: string) => Type.Integer({ minimum: 0, description });

export const StatisticsQuerySchema = Type.Object({
  strategy: Type.Optional(
    Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'The strategy version’s slug (see /api/v1/strategies); default the version in force' }),
  ),
  yearFrom: Type.Optional(YearSchema('The first decision year included')),
  yearTo: Type.Optional(YearSchema('The last decision year included (not before yearFrom)')),
  instrument: Type.Optional(InstrumentSchema),
});
export type StatisticsQuery = Static<typeof StatisticsQuerySchema>;

const AppliedFiltersSchema = Type.Object(
  {
    strategy: Type.String({ description: 'The strategy version’s slug' }),
    yearFrom: Type.Union([Type.Integer(), Type.Null()]),
    yearTo: Type.Union([Type.Integer(), Type.Null()]),
    instrument: Type.Union([InstrumentSchema, Type.Null()]),
  },
  { description: 'The filters the figures are for' },
);

const LinksSchema = Type.Object({
  self: Type.String({ format: 'uri' }),
  page: Type.Object({ fi: Type.String({ format: 'uri' }), sv: Type.String({ format: 'uri' }), en: Type.String({ format: 'uri' }) }, { description: 'The dashboard in each language with the same filters' }),
});

export const FundingStatisticsSchema = Type.Object({
  filters: AppliedFiltersSchema,
  totalCents: Cents('Funding granted in total'),
  projects: Count('Funded projects in scope'),
  regions: Type.Array(RegionCodeSchema, { description: 'The columns of the matrix: the granting councils’ region codes' }),
  byPriority: Type.Array(
    Type.Object({
      priority: Type.Union([Type.String(), Type.Null()], { description: 'The priority’s slug; null for projects without a priority' }),
      name: Type.Union([LocalisedSchema, Type.Null()]),
      byRegion: Type.Array(Type.Integer({ minimum: 0 }), { description: 'Cents granted by each council, in the order of `regions`' }),
      totalCents: Cents('The row total'),
    }),
    { description: 'The priority × region matrix, a row per priority of the strategy version' },
  ),
  regionTotals: Type.Array(Type.Integer({ minimum: 0 }), { description: 'Column totals in cents, in the order of `regions`' }),
  byYear: Type.Array(Type.Object({ year: Type.Integer(), projects: Count('Projects'), cents: Cents('Funding') }), {
    description: 'Every decision year of the range, zero where nothing was funded',
  }),
  byCall: Type.Array(
    Type.Object({ callId: Type.Integer(), reference: Type.String(), title: LocalisedSchema, instrument: InstrumentSchema, projects: Count('Projects'), cents: Cents('Funding'), decisions: Type.String({ format: 'uri', description: 'The call’s public decisions in the API' }) }),
    { description: 'Largest first' },
  ),
  byInstrument: Type.Array(Type.Object({ instrument: InstrumentSchema, projects: Count('Projects'), cents: Cents('Funding') })),
  links: LinksSchema,
});
export type FundingStatisticsDto = Static<typeof FundingStatisticsSchema>;

export const CollaborationStatisticsSchema = Type.Object({
  filters: AppliedFiltersSchema,
  projects: Count('Funded projects in scope'),
  crossRegionalProjects: Count('Projects whose partners are in at least two regions'),
  regionSum: Count('The sum of the projects’ numbers of regions (the average is regionSum / projects)'),
  averageRegionsPerProject: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
    description: 'The average number of regions per project to two decimals, rounded half up from the integer sums (8 / 3 → 2.67); null without projects',
  }),
  pairs: Type.Array(
    Type.Object({ regions: Type.Tuple([RegionCodeSchema, RegionCodeSchema]), projects: Count('Projects with partners in both regions') }),
    { description: 'Each pair of regions with at least one joint project, most first' },
  ),
  links: LinksSchema,
});
export type CollaborationStatisticsDto = Static<typeof CollaborationStatisticsSchema>;

const Hundredths = (description: string) => Type.Union([Type.Integer(), Type.Null()], { description: `${description}, in hundredths of the unit (euros: cents)` });
const Percent = (description: string) =>
  Type.Union([Type.Number({ minimum: 0 }), Type.Null()], { description: `${description}, in percent to one decimal, rounded half up (2 of 3 → 66.7); null without a target` });

export const IndicatorStatisticsSchema = Type.Object({
  filters: AppliedFiltersSchema,
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      name: LocalisedSchema,
      unit: Type.String({ description: 'count, fte, eur, percent, tonnes or mwh' }),
      computed: Type.Boolean({ description: 'A strategy indicator computed from the projects (S3-CROSS, S3-REGIONS, S3-FUNDING)' }),
      achievedHundredths: Type.Integer({ description: 'Sum over the projects of the value in each one’s latest accepted report, in hundredths of the unit' }),
      projectsReporting: Count('Projects whose latest accepted report gives a value'),
      projectTargetsHundredths: Hundredths('The projects’ own targets together; null for a computed indicator'),
      projectsWithTarget: Count('Projects with a target for the indicator'),
      strategyTargetHundredths: Hundredths('The strategy version’s target; null if not set'),
      percentOfStrategyTarget: Percent('Achieved as a share of the strategy’s target'),
      percentOfProjectTargets: Percent('Achieved as a share of the projects’ targets'),
    }),
    { description: 'Every indicator used by the projects in scope, and the computed strategy indicators' },
  ),
  links: LinksSchema,
});
export type IndicatorStatisticsDto = Static<typeof IndicatorStatisticsSchema>;
