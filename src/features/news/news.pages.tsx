import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { firstValue } from '../projects/projects.pages.js';
import { prioritiesInForce } from '../regions/growth-sectors.admin.service.js';
import { listRegions } from '../regions/regions.repository.js';
import { listPriorities } from '../strategy/strategy.repository.js';
import { decodeNewsCursor, encodeNewsCursor } from './news.cursor.js';
import { findPublishedNews, listPublishedNews, type NewsFilter } from './news.read.js';
import { findPublicCallTitle } from './news.repository.js';
import { NewsIdSchema } from './news.schema.js';
import { NewsItemPage } from './views/news-item.js';
import { NewsListPage, type NewsListForm } from './views/news-list.js';
import { newsLabels } from './views/news-parts.js';

/** Items on one page of the public list. */
export const NEWS_PER_PAGE = 20;

/**
 * The list's filters read leniently from the address: a value that is not one of the choices is
 * left out (and the page says so), so a stale or hand-edited link still shows news, never an error.
 */
export function readNewsListQuery(
  query: unknown,
  choices: { regionCodes: readonly string[]; prioritySlugs: readonly string[] },
): { filter: Omit<NewsFilter, 'limit'>; form: NewsListForm; ignored: boolean } {
  const raw = (query ?? {}) as Record<string, unknown>;
  let ignored = false;
  const pick = (name: string, allowed: readonly string[]): string | undefined => {
    const v = firstValue(raw[name]);
    if (v === undefined || v === '') return undefined;
    if (allowed.includes(v)) return v;
    ignored = true;
    return undefined;
  };
  const region = pick('region', choices.regionCodes);
  const priority = pick('priority', choices.prioritySlugs);
  const beforeText = firstValue(raw.before);
  const before = beforeText ? decodeNewsCursor(beforeText) : null;
  if (beforeText && !before) ignored = true;
  return {
    filter: { ...(region ? { regionCode: region } : {}), ...(priority ? { prioritySlug: priority } : {}), ...(before ? { before } : {}) },
    form: { region: region ?? '', priority: priority ?? '' },
    ignored,
  };
}

function listHref(locale: Locale, form: NewsListForm, before?: string): string {
  const params = new URLSearchParams();
  if (form.region) params.set('region', form.region);
  if (form.priority) params.set('priority', form.priority);
  if (before) params.set('before', before);
  const query = params.toString();
  return `${pagePath(locale, 'news')}${query ? `?${query}` : ''}`;
}

export async function newsPages(app: FastifyInstance) {
  const db = () => app.database.db;

  getPage(app, 'news', '', 'public', async (locale, request) => {
    const [regions, allPriorities, inForce] = await Promise.all([listRegions(db()), listPriorities(db()), prioritiesInForce(db(), app.now())]);
    const { filter, form, ignored } = readNewsListQuery(request.query, { regionCodes: regions.map((r) => r.code), prioritySlugs: allPriorities.map((p) => p.slug) });
    // One more than a page tells whether an older page exists.
    const found = await listPublishedNews(db(), { ...filter, limit: NEWS_PER_PAGE + 1 });
    const items = found.slice(0, NEWS_PER_PAGE);
    const last = items.at(-1);
    // A priority of an earlier strategy chosen by a link stays choosable in the form.
    const choosable = [...inForce.priorities, ...allPriorities.filter((p) => p.slug === form.priority && !inForce.priorities.some((q) => q.slug === p.slug)).slice(-1)];
    return (
      <NewsListPage
        ctx={pageContext(request, locale, { current: 'news' })}
        form={form}
        ignored={ignored}
        regions={regions}
        priorities={choosable}
        labels={newsLabels(regions, allPriorities)}
        items={items}
        first={filter.before ? listHref(locale, form) : undefined}
        next={found.length > NEWS_PER_PAGE && last ? listHref(locale, form, encodeNewsCursor(last)) : undefined}
      />
    );
  });

  getPage(
    app,
    'news',
    '/:id',
    'public',
    async (locale, request) => {
      const { id } = request.params as { id: number };
      const item = await findPublishedNews(db(), id);
      if (!item) throw new AppError('NEWS_NOT_FOUND');
      const [regions, priorities, call] = await Promise.all([
        listRegions(db()),
        listPriorities(db()),
        item.callId === null ? undefined : findPublicCallTitle(db(), item.callId),
      ]);
      const ctx = pageContext(request, locale, { current: 'news', alternates: alternatePaths('news', String(id)) });
      return <NewsItemPage ctx={ctx} item={item} labels={newsLabels(regions, priorities)} call={call ?? null} />;
    },
    { schema: { params: Type.Object({ id: NewsIdSchema }) } },
  );
}
