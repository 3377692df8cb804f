import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isReachable } from '../../db/database.js';
import { pendingMigrations } from '../../db/migrate.js';
import { AppError } from '../../http/errors.js';
import { ProblemSchema } from '../../http/schemas.js';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    { config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process is up',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/readyz',
    { config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers and every migration is applied',
        response: {
          200: Type.Object({ status: Type.Literal('ready'), database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]) }),
          503: ProblemSchema,
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      const handle = app.database;
      if (!(await isReachable(handle.db))) throw new AppError('SERVICE_UNAVAILABLE', 'The database does not answer.');
      let pending: string[];
      try {
        pending = await pendingMigrations(handle);
      } catch {
        throw new AppError('SERVICE_UNAVAILABLE', 'The migration state of the database cannot be read.');
      }
      if (pending.length > 0) {
        throw new AppError('SERVICE_UNAVAILABLE', `Migrations not applied: ${pending.join(', ')}.`);
      }
      return { status: 'ready' as const, database: handle.dialect };
    },
  );
};
