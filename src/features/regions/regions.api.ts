import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../http/errors.js';
import { PUBLIC_CACHE, ProblemSchema, collection } from '../../http/schemas.js';
import { listPriorities } from '../strategy/strategy.repository.js';
import { presentRegion } from './regions.presenter.js';
import { findRegionByCode, listGrowthSectors, listRegions } from './regions.repository.js';
import { RegionCodeSchema, RegionSchema } from './regions.schema.js';

export const regionsApi: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/regions',
    { config: { access: 'public' },
      schema: {
        tags: ['regions'],
        summary: 'The seven regions with their councils and growth sectors',
        response: { 200: collection(RegionSchema) },
      },
    },
    async (_request, reply) => {
      const db = app.database.db;
      const [regions, sectors, priorities] = await Promise.all([listRegions(db), listGrowthSectors(db), listPriorities(db)]);
      reply.header('cache-control', PUBLIC_CACHE);
      return { items: regions.map((r) => presentRegion(r, sectors, priorities)) };
    },
  );

  app.get(
    '/regions/:code',
    { config: { access: 'public' },
      schema: {
        tags: ['regions'],
        summary: 'One region by its Statistics Finland code',
        params: Type.Object({ code: RegionCodeSchema }),
        response: { 200: RegionSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const db = app.database.db;
      const region = await findRegionByCode(db, request.params.code);
      if (!region) throw new AppError('REGION_NOT_FOUND', `No region has the code ${request.params.code}.`);
      const [sectors, priorities] = await Promise.all([listGrowthSectors(db, { regionCode: region.code }), listPriorities(db)]);
      reply.header('cache-control', PUBLIC_CACHE);
      return presentRegion(region, sectors, priorities);
    },
  );
};
