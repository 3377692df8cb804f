import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { listRegions, type Region } from '../regions/regions.repository.js';
import { listPriorities, type Priority } from '../strategy/strategy.repository.js';
import { strategyCatalogue } from '../strategy/strategy.service.js';
import { findPublicCall, instruments, listPublicCalls, publicPhases, type CallFilter } from './calls.public.repository.js';
import { CallIdSchema } from './calls.schema.js';
import { CallPage } from './views/calls.detail.js';
import { CallListPage, type CallListForm } from './views/calls.list.js';
import { listPublishedNews } from '../news/news.read.js';

/** Calls on one page of the list. */
export const CALLS_PER_PAGE = 20;

/** The first value of a query parameter given once or many times; anything else counts as absent. */
function first(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.trim() : undefined;
}

/**
 * The list's filters read leniently from the query string: a value that is not one of the choices
 * is left out (and the page says so), so a stale or hand-edited link still shows calls, never an error.
 */
export function readCallFilter(
  query: unknown,
  choices: { priorities: readonly Priority[]; regions: readonly Region[] },
): { filter: CallFilter; form: CallListForm; page: number; ignored: boolean } {
  const q = (query ?? {}) as Record<string, unknown>;
  let ignored = false;
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const value = first(q[name]);
    if (value === undefined || value === '') return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    ignored = true;
    return undefined;
  };
  const phase = pick('phase', publicPhases);
  const priority = pick('priority', choices.priorities.map((p) => p.slug));
  const region = pick('region', choices.regions.map((r) => r.code));
  const instrument = pick('instrument', instruments);
  const pageText = first(q.page);
  let page = 1;
  if (pageText !== undefined && pageText !== '') {
    if (/^[1-9][0-9]{0,5}$/.test(pageText)) page = Number(pageText);
    else ignored = true;
  }
  return {
    filter: { phase, priority, region, instrument },
    form: { phase: phase ?? '', priority: priority ?? '', region: region ?? '', instrument: instrument ?? '' },
    page,
    ignored,
  };
}

function listHref(locale: Locale, form: CallListForm, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value !== '') params.set(key, value);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `${pagePath(locale, 'calls')}${query ? `?${query}` : ''}`;
}

export async function callsPages(app: FastifyInstance) {
  getPage(app, 'calls', '', 'public', async (locale, request) => {
    const db = app.database.db;
    const now = app.now();
    const [{ current }, regions] = await Promise.all([strategyCatalogue(db, now), listRegions(db)]);
    const priorities = current?.priorities ?? [];
    const { filter, form, page, ignored } = readCallFilter(request.query, { priorities, regions });
    const { items, total } = await listPublicCalls(db, filter, now, { limit: CALLS_PER_PAGE, offset: (page - 1) * CALLS_PER_PAGE });
    const ctx = pageContext(request, locale, { current: 'calls' });
    return (
      <CallListPage
        ctx={ctx}
        form={form}
        ignored={ignored}
        priorities={priorities}
        regions={regions}
        calls={items}
        total={total}
        previous={page > 1 ? listHref(locale, form, Math.min(page - 1, Math.max(1, Math.ceil(total / CALLS_PER_PAGE)))) : undefined}
        next={page * CALLS_PER_PAGE < total ? listHref(locale, form, page + 1) : undefined}
      />
    );
  });

  getPage(
    app,
    'calls',
    '/:id',
    'public',
    async (locale, request) => {
      const { id } = request.params as { id: number };
      const db = app.database.db;
      const found = await findPublicCall(db, id, app.now());
      if (!found) throw new AppError('CALL_NOT_FOUND');
      const [regions, priorities, news] = await Promise.all([listRegions(db), listPriorities(db), listPublishedNews(db, { callId: id, limit: 3 })]);
      const ctx = pageContext(request, locale, { current: 'calls', alternates: alternatePaths('calls', String(id)) });
      return <CallPage ctx={ctx} found={found} regions={regions} priorities={priorities} news={news} asked={(request.query as Record<string, unknown>).asked === '1'} />;
    },
    { schema: { params: Type.Object({ id: CallIdSchema }) } },
  );
}
