import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../http/errors.js';
import { ProblemSchema } from '../../http/schemas.js';
import { isLocale, locales } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import { feedTitle, renderFeed } from './feed-builder.js';
import { notModifiedSchema, SyndicationQuerySchema } from './syndication.schema.js';
import { FEED_ITEM_LIMIT, loadEntries } from './syndication.entries.js';
import { loadSyndicationContext, readSyndicationFilter } from './syndication.filter.js';
import { newest, sendSyndicated } from './syndication.http.js';
import { syndicationMessages } from './syndication.messages.js';
import { feedAlternatePath, feedContentTypes, feedFormats, feedId, feedPath, parseFeedName, type FeedFormat } from './syndication.urls.js';

/**
 * The feeds: GET /feeds/fi/all.atom, /feeds/sv/calls.rss, /feeds/en/news.json … with optional
 * ?region=<council code>&priority=<priority slug>. Public, cached five minutes, readable from any origin.
 */

export const feedsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/feeds/:locale/:feed',
    {
      config: { access: 'public' },
      schema: {
        tags: ['syndication'],
        summary: 'A feed of calls, news or both in Atom 1.0, RSS 2.0 or JSON Feed 1.1',
        description: `The feed is named <kind>.<format>: kind all (calls and news merged), calls or news; format atom, rss or json (e.g. /feeds/fi/all.atom). The ${FEED_ITEM_LIMIT} newest items in the language of the address; a call's date is its publication. Filter by a council's region code and a priority of the strategy in force. Cached for five minutes and revalidated by ETag.`,
        params: Type.Object({
          locale: Type.String({ maxLength: 8, description: 'fi, sv or en', examples: ['fi'] }),
          feed: Type.String({ maxLength: 16, description: '<kind>.<format>, e.g. all.atom, calls.rss, news.json', examples: ['all.atom'] }),
        }),
        querystring: SyndicationQuerySchema,
        response: {
          200: {
            description: 'The feed',
            content: {
              [feedContentTypes.atom]: { schema: Type.String() },
              [feedContentTypes.rss]: { schema: Type.String() },
              [feedContentTypes.json]: { schema: Type.Object({ version: Type.String(), title: Type.String(), items: Type.Array(Type.Object({ id: Type.String() })) }) },
            },
          },
          304: notModifiedSchema,
          400: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { locale, feed } = request.params;
      const parsed = parseFeedName(feed);
      if (!isLocale(locale)) throw new AppError('NOT_FOUND', `Feeds are given in ${locales.join(', ')}, not "${locale}".`);
      if (!parsed) throw new AppError('NOT_FOUND', `No feed is called "${feed}"; the feeds are all, calls and news, as .atom, .rss or .json.`);
      const db = app.database.db;
      const now = app.now();
      const context = await loadSyndicationContext(db, now);
      const filter = readSyndicationFilter(context, request.query);
      const { kind, format } = parsed;
      const baseUrl = app.config.baseUrl;
      const entries = await loadEntries(db, { kind, locale, filter, now, baseUrl }, context);
      const selection = { region: filter.region?.code, priority: filter.priority?.slug };
      const lastModified = newest(entries.map((e) => e.updatedAt));
      const body = renderFeed(
        {
          id: feedId(baseUrl, locale, kind, selection),
          title: feedTitle(locale, kind, filter),
          description: syndicationMessages[locale].descriptions[kind],
          language: locale,
          siteName: messages(locale).site.name,
          baseUrl,
          alternateUrl: `${baseUrl}${feedAlternatePath(locale, kind, selection, filter.region?.slug)}`,
          selfUrls: Object.fromEntries(feedFormats.map((f) => [f, `${baseUrl}${feedPath(locale, kind, f, selection)}`])) as Record<FeedFormat, string>,
          // The newest item's time, not the clock, so the same data gives the same bytes (and ETag) everywhere;
          // an empty feed says it is current as of today.
          updated: lastModified ?? new Date(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`),
        },
        entries,
        format,
      );
      return sendSyndicated(request, reply, { body, contentType: feedContentTypes[format], lastModified });
    },
  );
};
