import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { AppError } from '../../http/errors.js';
import { getPage } from '../../http/page-routes.js';
import type { Locale } from '../../i18n/locales.js';
import { etagMatches } from '../open-data/open-data.files.js';
import { listPublicCalls } from '../calls/calls.public.repository.js';
import { listPublishedNews } from '../news/news.read.js';
import { findRegionByCode } from '../regions/regions.repository.js';
import { sendSyndicated, SYNDICATION_CACHE } from './syndication.http.js';
import { WidgetFragment, WidgetPage, type WidgetData } from './views/widget.views.js';

/**
 * The embeddable widget of a council: /fi/upotus/18 is a page for an iframe on the council's own
 * site, /fi/upotus/18/snippet the same content as an HTML fragment to include in a page. Both may be
 * taken by any site: the page may be framed anywhere, the fragment read from any origin.
 */

export const WIDGET_DEFAULT_CALLS = 10;
export const WIDGET_DEFAULT_NEWS = 5;

const WidgetParams = Type.Object({ region: Type.String({ maxLength: 8 }) });
const WidgetQuery = Type.Object({
  calls: Type.Optional(Type.Integer({ minimum: 0, maximum: 20, description: 'How many open calls to show (0 leaves the list out)' })),
  news: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, description: 'How many news items to show (0 leaves the list out)' })),
});

const widgetCssPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/widget.css');

async function loadWidget(app: FastifyInstance, locale: Locale, code: string, limits: { calls?: number | undefined; news?: number | undefined }): Promise<WidgetData> {
  const db = app.database.db;
  const region = await findRegionByCode(db, code);
  if (!region) throw new AppError('REGION_NOT_FOUND', `No council has the region code "${code}".`);
  const now = app.now();
  const callLimit = limits.calls ?? WIDGET_DEFAULT_CALLS;
  const newsLimit = limits.news ?? WIDGET_DEFAULT_NEWS;
  const [calls, news] = await Promise.all([
    callLimit === 0 ? null : listPublicCalls(db, { phase: 'open', region: region.code }, now).then(({ items }) =>
      items.sort((a, b) => a.closesAt.localeCompare(b.closesAt) || a.id - b.id).slice(0, callLimit),
    ),
    newsLimit === 0 ? null : listPublishedNews(db, { locale, regionCode: region.code, limit: newsLimit }),
  ]);
  return { locale, region, calls, news, baseUrl: app.config.baseUrl };
}

export async function widgetPages(app: FastifyInstance) {
  const https = app.config.baseUrl.startsWith('https:');
  // Any site may frame the widget or show its fragment: the site's CSP says frame-ancestors 'none' and
  // Cross-Origin-Resource-Policy same-origin, which would block both. The widget runs no script at all.
  const embeddable: RouteShorthandOptions = {
    schema: { params: WidgetParams, querystring: WidgetQuery },
    helmet: {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'none'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'none'"],
          formAction: ["'none'"],
          frameAncestors: ['*'],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
          ...(https ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      xFrameOptions: false,
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    },
  };

  getPage(
    app,
    'widget',
    '/:region',
    'public',
    async (locale, request, reply) => {
      const { region } = request.params as { region: string };
      const data = await loadWidget(app, locale, region, request.query as { calls?: number; news?: number });
      reply.header('cache-control', SYNDICATION_CACHE);
      return <WidgetPage data={data} />;
    },
    embeddable,
  );

  getPage(
    app,
    'widget',
    '/:region/snippet',
    'public',
    async (locale, request, reply) => {
      const { region } = request.params as { region: string };
      const data = await loadWidget(app, locale, region, request.query as { calls?: number; news?: number });
      sendSyndicated(request, reply, { body: renderToString(<WidgetFragment data={data} level={2} />), contentType: 'text/html; charset=utf-8' });
      return reply;
    },
    embeddable,
  );

  // The widget's stylesheet, for the iframe page and for councils that show the fragment with our look.
  const css = fs.readFileSync(widgetCssPath, 'utf8');
  const cssEtag = `"${createHash('sha256').update(css).digest('hex').slice(0, 16)}"`;
  app.get(
    '/assets/widget.css',
    { config: { access: 'public' }, schema: { hide: true }, helmet: { crossOriginResourcePolicy: { policy: 'cross-origin' } } },
    async (request, reply) => {
      reply.header('etag', cssEtag).header('cache-control', 'public, max-age=86400').header('access-control-allow-origin', '*');
      if (etagMatches(request.headers['if-none-match'], cssEtag)) return reply.code(304).send();
      return reply.type('text/css; charset=utf-8').send(css);
    },
  );
}
