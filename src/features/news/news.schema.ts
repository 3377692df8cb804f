import { Type, type Static } from '@sinclair/typebox';
import { CallIdSchema } from '../calls/calls.schema.js';
import { RegionCodeSchema } from '../regions/regions.schema.js';
import { NEWS_CURSOR_PATTERN } from './news.cursor.js';

export const NEWS_API_DEFAULT_LIMIT = 20;
export const NEWS_API_MAX_LIMIT = 100;

export const NewsIdSchema = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The news item’s identifier' });

const PageLinksSchema = Type.Object(
  { fi: Type.String({ format: 'uri' }), sv: Type.String({ format: 'uri' }), en: Type.String({ format: 'uri' }) },
  { description: 'The item’s public page in each language (a page in a language the item is not written in shows it in another, saying so)' },
);

const NewsTextSchema = Type.Object({
  title: Type.String({ maxLength: 200 }),
  summary: Type.String({ maxLength: 500 }),
  body: Type.String({ maxLength: 20_000, description: 'Plain text; a blank line separates paragraphs' }),
});

export const NewsQuerySchema = Type.Object({
  region: Type.Optional(RegionCodeSchema),
  priority: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'A priority’s slug, e.g. "clean-solutions"' })),
  locale: Type.Optional(Type.Union([Type.Literal('fi'), Type.Literal('sv'), Type.Literal('en')], { description: 'Only items written in this language' })),
  limit: Type.Integer({ minimum: 1, maximum: NEWS_API_MAX_LIMIT, default: NEWS_API_DEFAULT_LIMIT, description: `How many items to give (1–${NEWS_API_MAX_LIMIT})` }),
  cursor: Type.Optional(Type.String({ pattern: NEWS_CURSOR_PATTERN, description: 'The nextCursor of the previous page, to read the next one (with the same other parameters)' })),
});
export type NewsQuery = Static<typeof NewsQuerySchema>;

export const NewsSchema = Type.Object({
  id: NewsIdSchema,
  publishedAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  regions: Type.Array(RegionCodeSchema, { description: 'The regions the item concerns, in code order; empty when it concerns every region' }),
  priorities: Type.Array(Type.String(), { description: 'Slugs of the strategy priorities the item concerns' }),
  call: Type.Union([Type.Object({ id: CallIdSchema, reference: Type.String(), links: Type.Object({ self: Type.String({ format: 'uri' }) }) }), Type.Null()], {
    description: 'The call the item concerns, if any',
  }),
  texts: Type.Object(
    { fi: Type.Optional(NewsTextSchema), sv: Type.Optional(NewsTextSchema), en: Type.Optional(NewsTextSchema) },
    { description: 'The item in each language it is written in (at least one)' },
  ),
  links: Type.Object({ self: Type.String({ format: 'uri' }), page: PageLinksSchema }),
});
export type NewsDto = Static<typeof NewsSchema>;

export const NewsListSchema = Type.Object({
  items: Type.Array(NewsSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Give it as `cursor` to read the next page; null on the last page' }),
  links: Type.Object({ self: Type.String({ format: 'uri' }), next: Type.Union([Type.String({ format: 'uri' }), Type.Null()]) }),
});
export type NewsListDto = Static<typeof NewsListSchema>;
