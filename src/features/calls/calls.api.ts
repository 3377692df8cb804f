import { createHash } from 'node:crypto';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';
import { ProblemSchema } from '../../http/schemas.js';
import { listRegions } from '../regions/regions.repository.js';
import { listPriorities } from '../strategy/strategy.repository.js';
import { presentCall, presentCallApplications, presentCallSummary } from './calls.presenter.js';
import { findPublicCall, listPublicCalls } from './calls.public.repository.js';
import { CallApplicationsSchema, CallIdSchema, CallListQuerySchema, CallListSchema, CallSchema } from './calls.schema.js';

/**
 * The public calls API: the list with filters, one call with everything public about it, and the
 * public part of the applications submitted to it (once it has closed). A call's phase changes with
 * the clock, so caches keep an answer for a minute and revalidate it with its ETag.
 */
export const CALLS_CACHE = 'public, max-age=60';

const notModified = Type.Null({ description: 'Not modified: the answer is the same as the one with the ETag sent in If-None-Match' });

/** A strong ETag of a JSON answer: the same content gives the same tag on every instance. */
export function jsonEtag(body: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 32)}"`;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/** Sets the cache headers and answers 304 when the client already has this content. */
export function cached<T>(request: FastifyRequest, reply: FastifyReply, body: T): T | FastifyReply {
  const etag = jsonEtag(body);
  reply.header('etag', etag).header('cache-control', CALLS_CACHE);
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return body;
}

const prioritySlugMap = async (db: Parameters<typeof listPriorities>[0]) =>
  new Map((await listPriorities(db)).map((p) => [p.id, p.slug]));

export const callsApi: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/calls',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calls'],
        summary: 'Published funding calls, newest closing first, filtered by phase, priority, region and funding',
        description:
          'Drafts are never listed. The phase is derived from the server clock: a published call is "published" before its opening time, "open" until its closing time and "closed" after it. `region` keeps the calls a council with that region code takes part in; `priority` the calls that target the priority with that slug.',
        querystring: CallListQuerySchema,
        response: { 200: CallListSchema, 304: notModified, 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const db = app.database.db;
      const { phase, priority, region, instrument, limit, offset } = request.query;
      const [priorities, regions] = await Promise.all([listPriorities(db), listRegions(db)]);
      if (priority !== undefined && !priorities.some((p) => p.slug === priority)) {
        throw new AppError('VALIDATION_FAILED', `querystring priority: no priority has the slug ${priority}`, [
          { field: 'priority', message: `querystring priority: no priority has the slug ${priority}` },
        ]);
      }
      if (region !== undefined && !regions.some((r) => r.code === region)) {
        throw new AppError('VALIDATION_FAILED', `querystring region: no region has the code ${region}`, [
          { field: 'region', message: `querystring region: no region has the code ${region}` },
        ]);
      }
      const { items, total } = await listPublicCalls(db, { phase, priority, region, instrument }, app.now(), { limit, offset });
      const slugs = new Map(priorities.map((p) => [p.id, p.slug]));
      return cached(request, reply, {
        items: items.map((c) => presentCallSummary(c, slugs, app.config.baseUrl)),
        total,
        limit,
        offset,
      });
    },
  );

  app.get(
    '/calls/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calls'],
        summary: 'One published call: texts, budgets, rules, selection criteria, extra questions, corrections and published answers',
        params: Type.Object({ id: CallIdSchema }),
        response: { 200: CallSchema, 304: notModified, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const db = app.database.db;
      const found = await findPublicCall(db, request.params.id, app.now());
      if (!found) throw new AppError('CALL_NOT_FOUND', `No published call has the identifier ${request.params.id}.`);
      const body = presentCall(
        found.call,
        { phase: found.phase, corrections: found.corrections, inquiries: found.inquiries, submittedApplications: found.submittedCount },
        await prioritySlugMap(db),
        app.config.baseUrl,
      );
      return cached(request, reply, body);
    },
  );

  app.get(
    '/calls/:id/applications',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calls'],
        summary: 'The public details of the applications submitted to a call, once it has closed',
        description:
          'Before the closing time only the number of submitted applications is given. From then on each submitted application is listed with its title, public summary, priority, lead partner and partners with their regions, and the grant applied for in total and from each council. Drafts, withdrawn applications, business secrets, the rest of the application, attachments and personal data are never given.',
        params: Type.Object({ id: CallIdSchema }),
        response: { 200: CallApplicationsSchema, 304: notModified, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const db = app.database.db;
      const found = await findPublicCall(db, request.params.id, app.now());
      if (!found) throw new AppError('CALL_NOT_FOUND', `No published call has the identifier ${request.params.id}.`);
      return cached(request, reply, presentCallApplications(found.call.id, found.phase, found.submittedCount, found.applications, await prioritySlugMap(db)));
    },
  );
};
