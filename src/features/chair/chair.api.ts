import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../http/errors.js';
import { PUBLIC_CACHE, ProblemSchema } from '../../http/schemas.js';
import { listGrowthSectors } from '../regions/regions.repository.js';
import { presentRegion } from '../regions/regions.presenter.js';
import { RegionSchema } from '../regions/regions.schema.js';
import { listPriorities } from '../strategy/strategy.repository.js';
import { chairNow, chairOfYearWithRegion, type ChairYear } from './chair.service.js';

const ChairSchema = Type.Object({
  year: Type.Integer(),
  region: RegionSchema,
  source: Type.Union([Type.Literal('rotation'), Type.Literal('override')], {
    description: 'rotation: from the rotation order; override: set for this year alone',
  }),
});

const CurrentChairSchema = Type.Object({
  current: ChairSchema,
  next: Type.Union([ChairSchema, Type.Null()]),
  handoverAt: Type.String({ format: 'date-time', description: 'When the next chair takes over (UTC): midnight Helsinki time on 1 January' }),
});

export const chairApi: FastifyPluginAsyncTypebox = async (app) => {
  async function present(chair: Extract<ChairYear, { ok: true }>) {
    const [sectors, priorities] = await Promise.all([
      listGrowthSectors(app.database.db, { regionCode: chair.region.code }),
      listPriorities(app.database.db),
    ]);
    return { year: chair.year, region: presentRegion(chair.region, sectors, priorities), source: chair.source };
  }

  function notSet(chair: Extract<ChairYear, { ok: false }>): AppError {
    return new AppError(
      'CHAIR_NOT_SET',
      chair.reason === 'before-rotation'
        ? `The chair rotation begins in ${chair.firstYear}; no chair is set for ${chair.year}.`
        : `No chair rotation is set, so there is no chair for ${chair.year}.`,
    );
  }

  app.get(
    '/chair/current',
    { config: { access: 'public' },
      schema: {
        tags: ['chair'],
        summary: 'This year’s chair region (Helsinki time), the next one and when it takes over',
        response: { 200: CurrentChairSchema, 404: ProblemSchema },
      },
    },
    async (_request, reply) => {
      const chair = await chairNow(app.database.db, app.now());
      if (!chair.current.ok) throw notSet(chair.current);
      reply.header('cache-control', 'public, max-age=60');
      return {
        current: await present(chair.current),
        next: chair.next.ok ? await present(chair.next) : null,
        handoverAt: chair.handoverAt.toISOString(),
      };
    },
  );

  app.get(
    '/chair/:year',
    { config: { access: 'public' },
      schema: {
        tags: ['chair'],
        summary: 'The chair region of a calendar year',
        params: Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 9999, description: 'Calendar year, e.g. 2024' }) }),
        response: { 200: ChairSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const chair = await chairOfYearWithRegion(app.database.db, request.params.year);
      if (!chair.ok) throw notSet(chair);
      reply.header('cache-control', PUBLIC_CACHE);
      return present(chair);
    },
  );
};
