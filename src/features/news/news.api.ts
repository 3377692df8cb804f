import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { ProblemSchema } from '../../http/schemas.js';
import { locales } from '../../i18n/locales.js';
import { cached } from '../calls/calls.api.js';
import { listRegions } from '../regions/regions.repository.js';
import { decodeNewsCursor, encodeNewsCursor } from './news.cursor.js';
import { findPublishedNews, listPublishedNews, type PublishedNews } from './news.read.js';
import { NewsIdSchema, NewsListSchema, NewsQuerySchema, NewsSchema, type NewsDto, type NewsListDto } from './news.schema.js';

/**
 * Published news in the API: the list newest first with the public page's filters, keyset-paged,
 * and one item. Cached like the rest of the public API (a minute, revalidated by ETag).
 */

const notModified = Type.Null({ description: 'Not modified: the answer is the same as the one with the ETag sent in If-None-Match' });

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', `querystring ${field}: ${message}`, [{ field, message: `querystring ${field}: ${message}` }]);

export function presentNews(item: PublishedNews, baseUrl: string): NewsDto {
  return {
    id: item.id,
    publishedAt: item.publishedAt,
    updatedAt: item.updatedAt,
    regions: item.regionCodes,
    priorities: item.prioritySlugs,
    call: item.callId === null ? null : { id: item.callId, reference: item.callReference ?? '', links: { self: `${baseUrl}/api/v1/calls/${item.callId}` } },
    texts: item.texts,
    links: {
      self: `${baseUrl}/api/v1/news/${item.id}`,
      page: Object.fromEntries(locales.map((l) => [l, `${baseUrl}${pagePath(l, 'news', String(item.id))}`])) as NewsDto['links']['page'],
    },
  };
}

export const newsApi: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/news',
    {
      config: { access: 'public' },
      schema: {
        tags: ['news'],
        summary: 'Published news, newest first, filtered by region, priority and language',
        description:
          'Drafts and scheduled items are never listed. `region` keeps the items tagged with that region and the items tagged with no region (they concern every region); `priority` the items tagged with the priority of that slug; `locale` the items written in that language. Pages are read with `nextCursor`: give it as `cursor` with the same other parameters. An unknown region or priority, or a cursor that is not one, is refused (400).',
        querystring: NewsQuerySchema,
        response: { 200: NewsListSchema, 304: notModified, 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const db = app.database.db;
      const { region, priority, locale, limit, cursor } = request.query;
      if (region !== undefined && !(await listRegions(db)).some((r) => r.code === region)) throw invalid('region', `no region has the code ${region}`);
      if (priority !== undefined && !(await db.selectFrom('priorities').select('id').where('slug', '=', priority).executeTakeFirst())) {
        throw invalid('priority', `no priority has the slug ${priority}`);
      }
      const before = cursor === undefined ? undefined : decodeNewsCursor(cursor);
      if (before === null) throw invalid('cursor', 'not a cursor; give the nextCursor of the previous page');
      const found = await listPublishedNews(db, {
        ...(region ? { regionCode: region } : {}),
        ...(priority ? { prioritySlug: priority } : {}),
        ...(locale ? { locale } : {}),
        ...(before ? { before } : {}),
        limit: limit + 1,
      });
      const items = found.slice(0, limit);
      const last = items.at(-1);
      const nextCursor = found.length > limit && last ? encodeNewsCursor(last) : null;
      const base = app.config.baseUrl;
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries({ region, priority, locale })) if (value !== undefined) params.set(key, value);
      if (limit !== 20) params.set('limit', String(limit));
      const href = (extra: string | undefined) => {
        const p = new URLSearchParams(params);
        if (extra) p.set('cursor', extra);
        return `${base}/api/v1/news${p.size > 0 ? `?${p.toString()}` : ''}`;
      };
      return cached(request, reply, {
        items: items.map((i) => presentNews(i, base)),
        nextCursor,
        links: { self: href(cursor), next: nextCursor ? href(nextCursor) : null },
      } satisfies NewsListDto);
    },
  );

  app.get(
    '/news/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['news'],
        summary: 'One published news item in every language it is written in, with its tags',
        params: Type.Object({ id: NewsIdSchema }),
        response: { 200: NewsSchema, 304: notModified, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const item = await findPublishedNews(app.database.db, request.params.id);
      if (!item) throw new AppError('NEWS_NOT_FOUND', `No published news item has the identifier ${request.params.id}.`);
      return cached(request, reply, presentNews(item, app.config.baseUrl));
    },
  );
};
