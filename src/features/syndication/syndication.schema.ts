import { Type } from '@sinclair/typebox';

/** The query of the feeds and the calendar, and their answer to a current ETag. */
export const SyndicationQuerySchema = Type.Object({
  region: Type.Optional(Type.String({ maxLength: 8, description: 'A council’s region code (see /api/v1/regions), e.g. 18 for Kainuu', examples: ['18'] })),
  priority: Type.Optional(Type.String({ maxLength: 64, description: 'A priority’s slug in the strategy in force (see /api/v1/strategies/current)', examples: ['clean-solutions'] })),
});

export const notModifiedSchema = Type.Null({ description: 'Not modified: the content is the same as that of the ETag sent in If-None-Match' });
