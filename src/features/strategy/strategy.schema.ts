import { Type, type Static } from '@sinclair/typebox';
import { LocalisedSchema } from '../../http/schemas.js';

export const StrategySlugSchema = Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'A strategy version’s identifier' });

export const PrioritySchema = Type.Object({
  slug: Type.String({ examples: ['clean-solutions'] }),
  name: LocalisedSchema,
  description: LocalisedSchema,
  strategy: Type.String({ description: 'Slug of the strategy version the priority belongs to' }),
  growthSectors: Type.Array(
    Type.Object({ region: Type.String({ description: 'Region code' }), slug: Type.String(), name: LocalisedSchema }),
    { description: 'Regional growth sectors related to the priority' },
  ),
});

export const StrategySchema = Type.Object({
  slug: StrategySlugSchema,
  name: LocalisedSchema,
  summary: LocalisedSchema,
  validFrom: Type.String({ format: 'date' }),
  validTo: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  status: Type.Union([Type.Literal('in-force'), Type.Literal('earlier'), Type.Literal('upcoming')]),
  priorities: Type.Array(PrioritySchema),
});

export type PriorityDto = Static<typeof PrioritySchema>;
export type StrategyDto = Static<typeof StrategySchema>;
