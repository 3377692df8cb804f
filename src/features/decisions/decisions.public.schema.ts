import { Type, type Static } from '@sinclair/typebox';
import { LocalisedSchema } from '../../http/schemas.js';
import { CallIdSchema, PhaseSchema } from '../calls/calls.schema.js';
import { RegionCodeSchema } from '../regions/regions.schema.js';

const CalendarDateSchema = Type.String({ format: 'date', description: 'A calendar date in Helsinki, YYYY-MM-DD' });
const CentsSchema = (description: string) => Type.Integer({ minimum: 0, description: `${description}, in euro cents` });

const CouncilDecisionSchema = Type.Object({
  number: Type.String({ description: 'The council’s decision number' }),
  date: CalendarDateSchema,
  maker: Type.String({ description: 'Who made the decision, e.g. the council’s board' }),
});

const CouncilSchema = Type.Object({
  regionCode: RegionCodeSchema,
  budgetCents: CentsSchema('The council’s budget in the call'),
  grantedCents: CentsSchema('What the council granted to the projects whose funding is final'),
  decision: Type.Union([CouncilDecisionSchema, Type.Null()], { description: 'The council’s decision on the call; null until it has decided' }),
});

const GrantSchema = Type.Object({
  regionCode: RegionCodeSchema,
  grantedCents: CentsSchema('The grant from this council'),
  decisionNumber: Type.String(),
  decisionDate: CalendarDateSchema,
});

const FundedProjectSchema = Type.Object({
  applicationId: Type.Integer(),
  title: Type.String(),
  summary: Type.String({ description: 'The public summary' }),
  leadOrganisation: Type.String({ description: 'The lead partner’s name' }),
  regions: Type.Array(RegionCodeSchema, { description: 'The regions of the lead partner and the partners' }),
  grants: Type.Array(GrantSchema, { description: 'The grant from each council, with that council’s decision' }),
  grantedCents: CentsSchema('The grant in total'),
  finalAt: Type.String({ format: 'date-time', description: 'When the last council involved decided (UTC)' }),
});

export const CallDecisionsSchema = Type.Object({
  callId: CallIdSchema,
  reference: Type.String(),
  title: LocalisedSchema,
  phase: PhaseSchema,
  councils: Type.Array(CouncilSchema, { description: 'Every participating council, with its decision once made' }),
  totalBudgetCents: CentsSchema('The budgets in total'),
  grantedCents: CentsSchema('The grants to the listed projects in total'),
  projects: Type.Array(FundedProjectSchema, {
    description: 'The funded projects whose funding is final (every council involved has decided); empty until then',
  }),
  links: Type.Object({
    self: Type.String({ format: 'uri' }),
    call: Type.String({ format: 'uri', description: 'The call in the API' }),
    page: Type.Object(
      { fi: Type.String({ format: 'uri' }), sv: Type.String({ format: 'uri' }), en: Type.String({ format: 'uri' }) },
      { description: 'The decisions page in each language' },
    ),
  }),
});

export type CallDecisionsDto = Static<typeof CallDecisionsSchema>;
