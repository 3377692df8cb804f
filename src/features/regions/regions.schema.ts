import { Type, type Static } from '@sinclair/typebox';
import { LocalisedSchema } from '../../http/schemas.js';

export const RegionCodeSchema = Type.String({ pattern: '^[0-9]{2}$', description: 'Statistics Finland region code, e.g. "16"', examples: ['16'] });

export const GrowthSectorSchema = Type.Object({
  slug: Type.String(),
  name: LocalisedSchema,
  priorities: Type.Array(Type.String(), { description: 'Slugs of the priorities the sector is mapped to' }),
});

export const RegionSchema = Type.Object({
  code: RegionCodeSchema,
  nuts3: Type.String({ description: 'NUTS 3 code, e.g. "FI1D5"' }),
  slug: Type.String(),
  name: LocalisedSchema,
  council: Type.Object({ name: LocalisedSchema, website: Type.String({ format: 'uri' }) }),
  growthSectors: Type.Array(GrowthSectorSchema),
});

export type RegionDto = Static<typeof RegionSchema>;
