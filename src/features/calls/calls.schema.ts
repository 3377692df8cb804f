import { Type, type Static, type TUnsafe } from '@sinclair/typebox';
import { organisationTypes } from '../../db/schema.js';
import { LocalisedSchema } from '../../http/schemas.js';
import { RegionCodeSchema } from '../regions/regions.schema.js';
import { instruments, publicPhases } from './calls.public.repository.js';

/** A string out of a fixed list, as one JSON Schema enum (one clear validation message, not one per choice). */
function StringEnum<T extends string>(values: readonly T[], options: { description?: string } = {}): TUnsafe<T> {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
}

export const CallIdSchema = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The call’s identifier' });

export const PhaseSchema = StringEnum(publicPhases, {
  description: 'published: visible, not yet open; open: taking applications; closed: past its closing time; in_review; decided',
});
export const InstrumentSchema = StringEnum(instruments, {
  description: 'erdf: European Regional Development Fund; akke: national AKKE funding for sustainable regional growth; other',
});
const PrioritySlugSchema = Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'A priority’s slug, e.g. "clean-solutions"' });

const InstantSchema = Type.String({ format: 'date-time', description: 'An instant in UTC' });
const LocalInstantSchema = Type.String({ description: 'The same instant in Helsinki time with its offset, e.g. "2026-12-15T16:15:00+02:00"' });

export const CallListQuerySchema = Type.Object({
  phase: Type.Optional(PhaseSchema),
  priority: Type.Optional(PrioritySlugSchema),
  region: Type.Optional(RegionCodeSchema),
  instrument: Type.Optional(InstrumentSchema),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'How many calls to give (1–100)' }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0, description: 'How many calls to skip' }),
});
export type CallListQuery = Static<typeof CallListQuerySchema>;

const LinksSchema = Type.Object({
  self: Type.String({ format: 'uri' }),
  page: Type.Object({ fi: Type.String({ format: 'uri' }), sv: Type.String({ format: 'uri' }), en: Type.String({ format: 'uri' }) }, { description: 'The call’s page in each language' }),
  applications: Type.String({ format: 'uri', description: 'The public details of the submitted applications' }),
});

const BudgetSchema = Type.Object({
  regionCode: RegionCodeSchema,
  budgetCents: Type.Integer({ description: 'The council’s budget in the call, in euro cents' }),
});

export const CallSummarySchema = Type.Object({
  id: CallIdSchema,
  reference: Type.String(),
  title: LocalisedSchema,
  summary: LocalisedSchema,
  phase: PhaseSchema,
  instrument: InstrumentSchema,
  opensAt: InstantSchema,
  closesAt: Type.String({ format: 'date-time', description: 'The first instant at which no application is taken (UTC)' }),
  opensAtLocal: LocalInstantSchema,
  closesAtLocal: LocalInstantSchema,
  priorities: Type.Array(Type.String(), { description: 'Slugs of the priorities the call targets' }),
  budgets: Type.Array(BudgetSchema, { description: 'The participating councils and their budgets' }),
  totalBudgetCents: Type.Integer(),
  links: LinksSchema,
});

export const CallListSchema = Type.Object({
  items: Type.Array(CallSummarySchema),
  total: Type.Integer({ description: 'How many calls match the filters in all' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const CallSchema = Type.Object({
  ...CallSummarySchema.properties,
  body: LocalisedSchema,
  rules: Type.Object({
    minRegions: Type.Integer({ description: 'Partners must work in at least this many distinct regions' }),
    eligibleOrgTypes: Type.Array(StringEnum(organisationTypes)),
    minGrantCents: Type.Integer(),
    maxGrantCents: Type.Integer(),
    maxAidRateBp: Type.Integer({ description: 'Largest grant as a share of the costs, in basis points (7500 = 75 %)' }),
    maxDurationMonths: Type.Integer(),
    leadRegionMustParticipate: Type.Boolean({ description: 'Whether the lead partner’s region must be one of the participating councils' }),
    costModel: StringEnum(['flat_rate', 'itemised'] as const),
    flatRateBp: Type.Union([Type.Integer(), Type.Null()], { description: 'Flat rate of other costs on staff costs, in basis points, for the flat-rate model' }),
  }),
  criteria: Type.Array(
    Type.Object({
      kind: StringEnum(['general', 'content', 'specifying', 'horizontal'] as const),
      name: LocalisedSchema,
      description: LocalisedSchema,
      weight: Type.Integer(),
      scaleMax: Type.Union([Type.Integer(), Type.Null()], { description: 'Highest score (5 or 3); null for a pass/fail criterion' }),
    }),
  ),
  minTotalScore: Type.Integer({ description: 'The smallest weighted total of a fundable application' }),
  questions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: StringEnum(['text', 'choice', 'number', 'file'] as const),
      label: LocalisedSchema,
      help: LocalisedSchema,
      options: Type.Array(LocalisedSchema),
      required: Type.Boolean(),
      maxLength: Type.Union([Type.Integer(), Type.Null()]),
    }),
    { description: 'The call’s extra questions, asked in every application' },
  ),
  corrections: Type.Array(
    Type.Object({ note: LocalisedSchema, changedFields: Type.Array(Type.String()), correctedAt: InstantSchema }),
    { description: 'Corrections made after publication, newest first' },
  ),
  inquiries: Type.Array(
    Type.Object({ question: Type.String(), answer: Type.String(), answeredAt: InstantSchema }),
    { description: 'Questions about the call and their published answers' },
  ),
  contactEmail: Type.String({ format: 'email' }),
  submittedApplications: Type.Integer({ description: 'How many applications have been submitted' }),
});

const PublicPartnerSchema = Type.Object({
  organisation: Type.String({ description: 'The organisation’s name' }),
  regionCode: RegionCodeSchema,
  role: StringEnum(['lead', 'partner'] as const),
  requestedCents: Type.Integer({ description: 'Grant applied for by this partner, in euro cents' }),
});

export const PublicApplicationSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  summary: Type.String(),
  priority: Type.Union([Type.String(), Type.Null()], { description: 'Slug of the priority the project advances' }),
  leadOrganisation: Type.Union([Type.String(), Type.Null()]),
  partners: Type.Array(PublicPartnerSchema, { description: 'The lead partner first, then the partners' }),
  requestedCents: Type.Integer({ description: 'Grant applied for in total' }),
  requestedByRegion: Type.Array(Type.Object({ regionCode: RegionCodeSchema, requestedCents: Type.Integer() }), {
    description: 'Grant applied for from each council (the share of the partners in its region)',
  }),
});

export const CallApplicationsSchema = Type.Object({
  callId: CallIdSchema,
  phase: PhaseSchema,
  published: Type.Boolean({ description: 'Whether the applications are public yet (from the closing time on)' }),
  count: Type.Integer({ description: 'How many applications have been submitted' }),
  items: Type.Array(PublicApplicationSchema, { description: 'Empty until the call has closed' }),
});

export type CallSummaryDto = Static<typeof CallSummarySchema>;
export type CallDto = Static<typeof CallSchema>;
export type PublicApplicationDto = Static<typeof PublicApplicationSchema>;
export type CallApplicationsDto = Static<typeof CallApplicationsSchema>;
