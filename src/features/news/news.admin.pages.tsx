import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NewsStatus } from '../../db/schema-notifications.js';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { prioritiesInForce } from '../regions/growth-sectors.admin.service.js';
import { listRegions } from '../regions/regions.repository.js';
import { postedFields } from '../strategy/strategy.admin.form.js';
import { listPriorities, type Priority } from '../strategy/strategy.repository.js';
import { newsAdminMessages } from './news.admin.messages.js';
import { blankNewsForm, formVersion, newsToForm, readNewsForm, sortNewsErrors, validateNewsForm, validatePublishAt, type NewsForm } from './news.form.js';
import type { PublishedNews } from './news.read.js';
import { findNewsItem, listCallChoices, listNewsForAdmin, type NewsItem } from './news.repository.js';
import { createNews, deleteNews, updateNews, type NewsAction, type NewsActionKind } from './news.service.js';
import { AdminNewsDeletePage, AdminNewsEditPage, type NewsFormChoicesView } from './views/admin-news-edit.js';
import { AdminNewsListPage, newsStatuses } from './views/admin-news-list.js';
import { newsLabels } from './views/news-parts.js';
import { NewsIdSchema } from './news.schema.js';

const idParams = { schema: { params: Type.Object({ id: NewsIdSchema }) } };

/** The notices shown after a redirect, by the `done` value it carries. */
const notices = ['created', 'saved', 'published', 'scheduled', 'unpublished'] as const;
const doneOf: Record<NewsActionKind, (typeof notices)[number]> = { save: 'saved', publish: 'published', schedule: 'scheduled', unpublish: 'unpublished' };

function actionKind(body: unknown): NewsActionKind {
  const posted = postedFields(body).one('action');
  return posted === 'publish' || posted === 'schedule' || posted === 'unpublish' ? posted : 'save';
}

/** The stored item as the public page would show it, for the preview. */
function asPublished(item: NewsItem, priorities: readonly Priority[], calls: NewsFormChoicesView['calls']): PublishedNews {
  return {
    id: item.id,
    publishedAt: item.publishedAt ?? item.publishAt ?? item.updatedAt,
    updatedAt: item.updatedAt,
    callId: item.callId,
    callReference: calls.find((c) => c.id === item.callId)?.reference ?? null,
    regionCodes: item.regionCodes,
    prioritySlugs: item.priorityIds.map((id) => priorities.find((p) => p.id === id)?.slug).filter((s): s is string => s !== undefined),
    texts: item.texts,
  };
}

/** The officers' news: the list by state, a new item's form, each item's edit page with its actions, and deleting. */
export async function newsAdminPages(app: FastifyInstance) {
  const db = () => app.database.db;

  /** What the form offers; priorities an item has from an earlier strategy stay listed, so that saving keeps them. */
  async function choicesFor(item: NewsItem | null) {
    const [regions, inForce, allPriorities, calls] = await Promise.all([listRegions(db()), prioritiesInForce(db(), app.now()), listPriorities(db()), listCallChoices(db())]);
    const kept = allPriorities.filter((p) => item?.priorityIds.includes(p.id) && !inForce.priorities.some((q) => q.id === p.id));
    const view: NewsFormChoicesView = { regions, strategy: inForce.strategy, priorities: [...inForce.priorities, ...kept], calls };
    const ids = { regionCodes: regions.map((r) => r.code), priorityIds: view.priorities.map((p) => p.id), callIds: calls.map((c) => c.id) };
    return { view, ids, allPriorities };
  }

  async function renderEdit(
    locale: Locale,
    request: FastifyRequest,
    reply: FastifyReply,
    item: NewsItem | null,
    form: NewsForm,
    errors: readonly FieldError[],
    extras: { status?: number; notice?: string | undefined; warning?: string | undefined } = {},
  ) {
    const { view, allPriorities } = await choicesFor(item);
    reply.code(extras.status ?? 200).header('cache-control', 'no-store');
    const regions = view.regions;
    const preview = item
      ? {
          item: asPublished(item, allPriorities, view.calls),
          labels: newsLabels(regions, allPriorities),
          call: view.calls.find((c) => c.id === item.callId) ?? null,
        }
      : undefined;
    return (
      <AdminNewsEditPage
        ctx={pageContext(request, locale, { current: 'adminNews' })}
        item={item}
        form={form}
        errors={errors}
        choices={view}
        notice={extras.notice}
        warning={extras.warning}
        preview={preview}
      />
    );
  }

  async function itemOf(request: FastifyRequest): Promise<NewsItem> {
    const item = await findNewsItem(db(), (request.params as { id: number }).id);
    if (!item) throw new AppError('NEWS_NOT_FOUND');
    return item;
  }

  /** Reads and checks the form for an action: the content always, the time too when scheduling. */
  async function checked(locale: Locale, request: FastifyRequest, item: NewsItem | null) {
    const form = readNewsForm(request.body);
    const kind = actionKind(request.body);
    const { ids } = await choicesFor(item);
    const content = validateNewsForm(form, ids, locale);
    const when = kind === 'schedule' ? validatePublishAt(form, app.now(), locale) : null;
    const errors = sortNewsErrors([...(content.ok ? [] : content.errors), ...(when && !when.ok ? when.errors : [])]);
    if (!content.ok || (when && !when.ok)) return { form, kind, ok: false as const, errors };
    const action: NewsAction = kind === 'schedule' && when?.ok ? { kind: 'schedule', publishAt: when.publishAt } : kind === 'schedule' ? { kind: 'save' } : { kind };
    return { form, kind, ok: true as const, content: content.value, action };
  }

  getPage(app, 'adminNews', '', 'manageNews', async (locale, request, reply) => {
    const query = request.query as Record<string, unknown>;
    const status: NewsStatus | '' = newsStatuses.find((s) => s === query.status) ?? '';
    reply.header('cache-control', 'no-store');
    const items = await listNewsForAdmin(db(), status ? { status } : {});
    const notice = query.deleted !== undefined ? newsAdminMessages[locale].notices.deleted : undefined;
    return <AdminNewsListPage ctx={pageContext(request, locale, { current: 'adminNews' })} items={items} status={status} notice={notice} />;
  });

  getPage(app, 'adminNews', '/new', 'manageNews', async (locale, request, reply) => renderEdit(locale, request, reply, null, blankNewsForm(), []));

  postPage(app, 'adminNews', '/new', 'manageNews', async (locale, request, reply) => {
    const result = await checked(locale, request, null);
    if (!result.ok) return renderEdit(locale, request, reply, null, result.form, result.errors, { status: 400 });
    if (result.action.kind === 'unpublish') return renderEdit(locale, request, reply, null, result.form, [], { status: 409, warning: newsAdminMessages[locale].refused.unpublish });
    const created = await createNews(db(), requestActor(request), result.content, result.action, app.now());
    if (created.emitted) void app.outbox.dispatch();
    const done = result.action.kind === 'save' ? 'created' : doneOf[result.action.kind];
    return reply.redirect(`${pagePath(locale, 'adminNews', String(created.id))}?done=${done}`, 303);
  });

  getPage(
    app,
    'adminNews',
    '/:id',
    'manageNews',
    async (locale, request, reply) => {
      const item = await itemOf(request);
      const done = (request.query as Record<string, unknown>).done;
      const key = notices.find((k) => k === done);
      return renderEdit(locale, request, reply, item, newsToForm(item, locale), [], { notice: key ? newsAdminMessages[locale].notices[key] : undefined });
    },
    idParams,
  );

  postPage(
    app,
    'adminNews',
    '/:id',
    'manageNews',
    async (locale, request, reply) => {
      const m = newsAdminMessages[locale];
      const item = await itemOf(request);
      const result = await checked(locale, request, item);
      if (!result.ok) return renderEdit(locale, request, reply, item, result.form, result.errors, { status: 400 });
      const version = formVersion(result.form) ?? -1;
      const outcome = await updateNews(db(), requestActor(request), item.id, version, result.content, result.action, app.now());
      if (outcome.ok) {
        if (outcome.emitted) void app.outbox.dispatch();
        return reply.redirect(`${pagePath(locale, 'adminNews', String(item.id))}?done=${doneOf[result.action.kind]}`, 303);
      }
      if (outcome.reason === 'not-found') throw new AppError('NEWS_NOT_FOUND');
      const current = (await findNewsItem(db(), item.id)) ?? item;
      if (outcome.reason === 'conflict') {
        // Keep what was typed, on the version now stored: sending again then knowingly replaces it.
        return renderEdit(locale, request, reply, current, { ...result.form, version: String(outcome.currentVersion) }, [], { status: 409, warning: m.conflict });
      }
      const refused = result.action.kind === 'save' ? m.conflict : m.refused[result.action.kind];
      return renderEdit(locale, request, reply, current, { ...result.form, version: String(current.version) }, [], { status: 409, warning: refused });
    },
    idParams,
  );

  getPage(
    app,
    'adminNews',
    '/:id/delete',
    'manageNews',
    async (locale, request, reply) => {
      const item = await itemOf(request);
      if (item.status === 'published') {
        return renderEdit(locale, request, reply, item, newsToForm(item, locale), [], { status: 409, warning: newsAdminMessages[locale].refused.delete });
      }
      reply.header('cache-control', 'no-store');
      return <AdminNewsDeletePage ctx={pageContext(request, locale, { current: 'adminNews' })} item={item} />;
    },
    idParams,
  );

  postPage(
    app,
    'adminNews',
    '/:id/delete',
    'manageNews',
    async (locale, request, reply) => {
      const m = newsAdminMessages[locale];
      const item = await itemOf(request);
      const version = formVersion({ ...blankNewsForm(), version: postedFields(request.body).one('version').trim() }) ?? -1;
      const outcome = await deleteNews(db(), requestActor(request), item.id, version, app.now());
      if (outcome.ok) return reply.redirect(`${pagePath(locale, 'adminNews')}?deleted=1`, 303);
      if (outcome.reason === 'not-found') throw new AppError('NEWS_NOT_FOUND');
      const current = (await findNewsItem(db(), item.id)) ?? item;
      if (outcome.reason === 'state') return renderEdit(locale, request, reply, current, newsToForm(current, locale), [], { status: 409, warning: m.refused.delete });
      reply.code(409).header('cache-control', 'no-store');
      return <AdminNewsDeletePage ctx={pageContext(request, locale, { current: 'adminNews' })} item={current} warning={m.conflict} />;
    },
    idParams,
  );
}
