import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../http/errors.js';
import { PUBLIC_CACHE, ProblemSchema, collection } from '../../http/schemas.js';
import { presentPriority, presentStrategy } from './strategy.presenter.js';
import { PrioritySchema, StrategySchema, StrategySlugSchema } from './strategy.schema.js';
import { strategyCatalogue } from './strategy.service.js';

export const strategyApi: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/strategies',
    { config: { access: 'public' },
      schema: {
        tags: ['strategy'],
        summary: 'Every strategy version, newest first, with its priorities',
        response: { 200: collection(StrategySchema) },
      },
    },
    async (_request, reply) => {
      const { versions } = await strategyCatalogue(app.database.db, app.now());
      reply.header('cache-control', PUBLIC_CACHE);
      return { items: versions.map(presentStrategy) };
    },
  );

  app.get(
    '/strategies/current',
    { config: { access: 'public' },
      schema: {
        tags: ['strategy'],
        summary: 'The strategy in force today (Helsinki time), with its priorities',
        response: { 200: StrategySchema, 404: ProblemSchema },
      },
    },
    async (_request, reply) => {
      const { current } = await strategyCatalogue(app.database.db, app.now());
      if (!current) throw new AppError('STRATEGY_NOT_FOUND', 'No strategy is in force today.');
      reply.header('cache-control', PUBLIC_CACHE);
      return presentStrategy(current);
    },
  );

  app.get(
    '/strategies/:slug',
    { config: { access: 'public' },
      schema: {
        tags: ['strategy'],
        summary: 'One strategy version by its identifier',
        params: Type.Object({ slug: StrategySlugSchema }),
        response: { 200: StrategySchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { versions } = await strategyCatalogue(app.database.db, app.now());
      const version = versions.find((v) => v.slug === request.params.slug);
      if (!version) throw new AppError('STRATEGY_NOT_FOUND', `No strategy has the identifier ${request.params.slug}.`);
      reply.header('cache-control', PUBLIC_CACHE);
      return presentStrategy(version);
    },
  );

  app.get(
    '/priorities',
    { config: { access: 'public' },
      schema: {
        tags: ['strategy'],
        summary: 'The priorities of the strategy in force, or of the version named by ?strategy=',
        querystring: Type.Object({ strategy: Type.Optional(StrategySlugSchema) }),
        response: { 200: collection(PrioritySchema), 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { versions, current } = await strategyCatalogue(app.database.db, app.now());
      const wanted = request.query.strategy;
      const version = wanted === undefined ? current : versions.find((v) => v.slug === wanted);
      if (!version) {
        throw new AppError('STRATEGY_NOT_FOUND', wanted ? `No strategy has the identifier ${wanted}.` : 'No strategy is in force today.');
      }
      reply.header('cache-control', PUBLIC_CACHE);
      return { items: version.priorities.map((p) => presentPriority(p, version.slug)) };
    },
  );
};
