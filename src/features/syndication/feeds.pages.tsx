import type { FastifyInstance } from 'fastify';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import type { Region } from '../regions/regions.repository.js';
import type { Priority } from '../strategy/strategy.repository.js';
import { feedTitle } from './feed-builder.js';
import { loadSyndicationContext } from './syndication.filter.js';
import { feedKinds, type FeedKind } from './syndication.urls.js';
import { FeedsPage, type FeedsForm } from './views/feeds.page.js';

/** The first value of a query parameter given once or many times; anything else counts as absent. */
function first(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.trim() : undefined;
}

/**
 * The feed chooser's choices read leniently, as the call list's filters are: a value that is not one
 * of the choices is left out and the page says so, so a stale link still shows the page.
 */
export function readFeedsForm(
  query: unknown,
  locale: Locale,
  choices: { regions: readonly Region[]; priorities: readonly Priority[] },
): { form: FeedsForm; ignored: boolean } {
  const q = (query ?? {}) as Record<string, unknown>;
  let ignored = false;
  const pick = (name: string, allowed: readonly string[]): string | undefined => {
    const value = first(q[name]);
    if (value === undefined || value === '') return undefined;
    if (allowed.includes(value)) return value;
    ignored = true;
    return undefined;
  };
  const kind = (pick('kind', feedKinds) ?? 'all') as FeedKind;
  const region = pick('region', choices.regions.map((r) => r.code)) ?? '';
  const priority = pick('priority', choices.priorities.map((p) => p.slug)) ?? '';
  const language = pick('language', ['fi', 'sv', 'en']);
  return { form: { kind, region, priority, language: isLocale(language) ? language : locale }, ignored };
}

export async function feedsPages(app: FastifyInstance) {
  getPage(app, 'feeds', '', 'public', async (locale, request) => {
    const context = await loadSyndicationContext(app.database.db, app.now());
    const { form, ignored } = readFeedsForm(request.query, locale, { regions: context.regions, priorities: context.currentPriorities });
    const chosenTitle = feedTitle(form.language, form.kind, {
      region: context.regions.find((r) => r.code === form.region),
      priority: context.currentPriorities.find((p) => p.slug === form.priority),
    });
    const ctx = pageContext(request, locale, { current: 'feeds' });
    return (
      <FeedsPage
        ctx={ctx}
        form={form}
        ignored={ignored}
        regions={context.regions}
        priorities={context.currentPriorities}
        chosenTitle={chosenTitle}
      />
    );
  });
}
