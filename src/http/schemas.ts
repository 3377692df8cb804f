import { Type, type TSchema } from '@sinclair/typebox';
import { errorCatalogue } from './errors.js';

export const LocalisedSchema = Type.Object(
  { fi: Type.String(), sv: Type.String(), en: Type.String() },
  { description: 'A text in Finnish, Swedish and English' },
);

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ format: 'uri' }),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.Union(Object.keys(errorCatalogue).map((c) => Type.Literal(c))),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { description: 'RFC 9457 problem details' },
);

export const collection = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });

/** Public reference data changes rarely; caches may keep it for five minutes. */
export const PUBLIC_CACHE = 'public, max-age=300';
