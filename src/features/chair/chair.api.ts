import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../http/errors.js';
import { PUBLIC_CACHE, ProblemSchema } from '../../http/schemas.js';
import { listGrowthSectors } from '../regions/regions.repository.js';
import { presentRegion } from '../regions/regions.presenter.js';
import { RegionSchema } from '../regions/regions.schema.js';
import { listPriorities } from '../strategy/strategy.repository.js';
import { requestActor } from '../../http/actor.js';
import { clearChairOverride, overrideChairYear } from './chair.commands.js';
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

  const YearParams = Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 9999, description: 'Calendar year, e.g. 2027' }) });

  async function chairAfterChange(year: number) {
    const chair = await chairOfYearWithRegion(app.database.db, year);
    if (!chair.ok) throw notSet(chair);
    return present(chair);
  }

  app.put(
    '/chair/overrides/:year',
    {
      config: { access: 'manageChair' },
      schema: {
        security: [{ bearerAuth: [] }],
        tags: ['chair'],
        summary: 'Set the chair region of one year (needs an API token with the write:chair scope)',
        description: 'Send an API token as `Authorization: Bearer s3e_…`. The rotation of the other years stays as it is. Answers with the chair of the year after the change.',
        params: YearParams,
        body: Type.Object(
          {
            regionCode: Type.String({ minLength: 1, maxLength: 10, description: 'Region code, e.g. 12' }),
            reason: Type.String({ minLength: 1, maxLength: 500, description: 'Why the rotation is departed from (kept in the audit log)' }),
          },
          { additionalProperties: false },
        ),
        response: { 200: ChairSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const { year } = request.params;
      const { regionCode, reason } = request.body;
      const result = await overrideChairYear(app.database.db, requestActor(request), { year, regionCode, reason }, app.now());
      if (!result.ok) {
        const field = result.reason.includes('region') ? 'regionCode' : result.reason.includes('year') ? 'year' : 'reason';
        throw new AppError('VALIDATION_FAILED', result.reason, [{ field, message: result.reason }]);
      }
      return chairAfterChange(year);
    },
  );

  app.delete(
    '/chair/overrides/:year',
    {
      config: { access: 'manageChair' },
      schema: {
        security: [{ bearerAuth: [] }],
        tags: ['chair'],
        summary: 'Remove the override of one year so the rotation decides it again (needs write:chair)',
        description: 'Send an API token as `Authorization: Bearer s3e_…`. Answers with the chair of the year after the change; removing an override that does not exist changes nothing.',
        params: YearParams,
        response: { 200: ChairSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const { year } = request.params;
      await clearChairOverride(app.database.db, requestActor(request), year, app.now());
      return chairAfterChange(year);
    },
  );
};
