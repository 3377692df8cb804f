import { Type, type Static, type TUnsafe } from '@sinclair/typebox';
import { projectStatuses, type IndicatorUnit } from '../../db/schema.js';
import { LocalisedSchema } from '../../http/schemas.js';
import { CallIdSchema, InstrumentSchema } from '../calls/calls.schema.js';
import { RegionCodeSchema } from '../regions/regions.schema.js';
import type { PublicPeriod } from './projects.public.repository.js';
import { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT } from './projects.search.js';

/** A string out of a fixed list, as one JSON Schema enum. */
function StringEnum<T extends string>(values: readonly T[], options: { description?: string } = {}): TUnsafe<T> {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
}

export const ProjectIdSchema = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The project’s identifier' });
const indicatorUnits = ['count', 'fte', 'eur', 'percent', 'tonnes', 'mwh'] as const satisfies readonly IndicatorUnit[];
const periodStates = ['accepted', 'in-review', 'not-due', 'open', 'late', 'on-time', 'submitted-late'] as const satisfies readonly PublicPeriod['state'][];
const ProjectStatusSchema = StringEnum(projectStatuses, { description: 'ongoing until the officers accept the final report; then completed' });
const CentsSchema = (description: string) => Type.Integer({ minimum: 0, description: `${description}, in euro cents` });
const CalendarDateSchema = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD' });
const PageLinksSchema = Type.Object(
  { fi: Type.String({ format: 'uri' }), sv: Type.String({ format: 'uri' }), en: Type.String({ format: 'uri' }) },
  { description: 'The project’s public page in each language' },
);

export const ProjectSearchQuerySchema = Type.Object({
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        'Free text. Every word must occur in the project’s title, summary, partners’ names or priority name; Finnish, Swedish and English word forms are matched (kiertotaloudessa finds kiertotalous). Ranks title above summary above the rest. Up to 8 words count.',
    }),
  ),
  priority: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'A priority’s slug, e.g. "clean-solutions"' })),
  region: Type.Optional(RegionCodeSchema),
  call: Type.Optional(CallIdSchema),
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2999, description: 'The year (Helsinki) in which the funding became final' })),
  organisation: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'An organisation’s identifier: projects it is a partner in (lead or other)' })),
  status: Type.Optional(ProjectStatusSchema),
  limit: Type.Integer({ minimum: 1, maximum: SEARCH_MAX_LIMIT, default: SEARCH_DEFAULT_LIMIT, description: `How many projects to give (1–${SEARCH_MAX_LIMIT})` }),
  after: Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9_-]{1,200}$', description: 'The nextCursor of the previous page, to read the next one (with the same other parameters)' }),
  ),
});
export type ProjectSearchQuery = Static<typeof ProjectSearchQuerySchema>;

const PrioritySchema = Type.Union([Type.Object({ slug: Type.String(), name: LocalisedSchema }), Type.Null()], { description: 'The strategy priority; null if none' });

export const ProjectSummarySchema = Type.Object({
  id: ProjectIdSchema,
  title: Type.String(),
  summary: Type.String({ description: 'The public summary' }),
  leadOrganisation: Type.Object({ id: Type.Integer(), name: Type.String() }),
  regions: Type.Array(RegionCodeSchema, { description: 'The partners’ regions, in code order' }),
  priority: PrioritySchema,
  callId: CallIdSchema,
  instrument: InstrumentSchema,
  decisionYear: Type.Integer(),
  grantedCents: CentsSchema('The grant from all councils'),
  status: ProjectStatusSchema,
  startDate: Type.Union([CalendarDateSchema, Type.Null()]),
  endDate: Type.Union([CalendarDateSchema, Type.Null()]),
  fundedAt: Type.String({ format: 'date-time', description: 'When the funding became final (UTC)' }),
  score: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
    description: 'With q: the relevance (sum over the words of 3 for the title, 2 for the summary, 1 for partners or priority); null without q',
  }),
  isDemo: Type.Boolean({ description: 'Demonstration data, not a real project' }),
  links: Type.Object({ self: Type.String({ format: 'uri' }), page: PageLinksSchema }),
});

export const ProjectListSchema = Type.Object({
  items: Type.Array(ProjectSummarySchema),
  total: Type.Integer({ minimum: 0, description: 'Projects matching the search in all' }),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Give as `after` to read the next page; null on the last page' }),
  links: Type.Object({
    self: Type.String({ format: 'uri' }),
    next: Type.Union([Type.String({ format: 'uri' }), Type.Null()]),
  }),
});
export type ProjectListDto = Static<typeof ProjectListSchema>;

const PeriodSchema = Type.Object({
  kind: StringEnum(['progress', 'final'] as const),
  start: CalendarDateSchema,
  end: CalendarDateSchema,
  due: CalendarDateSchema,
  state: StringEnum(periodStates, {
    description: 'accepted; in-review (submitted or returned for changes); not-due (period under way); open (ended, not yet due); late (due date passed, nothing submitted)',
  }),
  late: Type.Boolean({ description: 'The due date passed before a report was submitted (now or then)' }),
});

const IndicatorSchema = Type.Object({
  code: Type.String(),
  kind: StringEnum(['output', 'result'] as const),
  unit: StringEnum(indicatorUnits),
  decimals: Type.Integer(),
  name: LocalisedSchema,
  targetHundredths: Type.Integer({ description: 'The project’s target, in hundredths of the unit (euros: cents)' }),
  valueHundredths: Type.Union([Type.Integer(), Type.Null()], { description: 'The value in the latest accepted report, in hundredths; null if not reported' }),
});

export const ProjectSchema = Type.Object({
  id: ProjectIdSchema,
  title: Type.String(),
  summary: Type.String({ description: 'The public summary' }),
  priority: PrioritySchema,
  call: Type.Object({ id: CallIdSchema, reference: Type.String(), title: LocalisedSchema }),
  instrument: InstrumentSchema,
  startDate: Type.Union([CalendarDateSchema, Type.Null()]),
  endDate: Type.Union([CalendarDateSchema, Type.Null()]),
  decisionYear: Type.Integer(),
  status: ProjectStatusSchema,
  fundedAt: Type.String({ format: 'date-time' }),
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  grantedCents: CentsSchema('The grant from all councils'),
  partners: Type.Array(
    Type.Object({ organisationId: Type.Integer(), name: Type.String(), businessId: Type.String({ description: 'Finnish business ID' }), region: RegionCodeSchema, isLead: Type.Boolean() }),
    { description: 'The lead partner first, then the others' },
  ),
  funding: Type.Array(
    Type.Object({ regionCode: RegionCodeSchema, grantedCents: CentsSchema('The council’s grant'), decisionNumber: Type.String(), decisionDate: CalendarDateSchema }),
    { description: 'Each council’s grant with its decision' },
  ),
  progress: Type.Object({
    periods: Type.Array(PeriodSchema),
    accepted: Type.Integer({ description: 'Periods whose report is accepted' }),
    late: Type.Integer({ description: 'Periods whose report is late or was submitted late' }),
    acceptedUntil: Type.Union([CalendarDateSchema, Type.Null()], { description: 'The end of the latest period with an accepted report' }),
  }),
  spending: Type.Union(
    [Type.Object({ spentCents: CentsSchema('Spending to date in the latest accepted report, all partners'), shareBp: Type.Union([Type.Integer(), Type.Null()], { description: 'Spending as a share of the grant, in basis points (10000 = 100 %)' }) }), Type.Null()],
    { description: 'Null until a report with spending is accepted' },
  ),
  indicators: Type.Array(IndicatorSchema),
  isDemo: Type.Boolean(),
  links: Type.Object({ self: Type.String({ format: 'uri' }), page: PageLinksSchema, call: Type.String({ format: 'uri' }) }),
});
export type ProjectDto = Static<typeof ProjectSchema>;
