import { renderToString } from 'preact-render-to-string';
import type { Db } from '../../db/database.js';
import { pagePath } from '../../http/page-paths.js';
import { formatDateTime, formatMoney } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import { localText } from '../calls/views/calls.parts.js';
import { listPublicCalls, type PublicCallSummary } from '../calls/calls.public.repository.js';
import { listPublishedNews, newsTextFor, type PublishedNews } from '../news/news.read.js';
import type { SyndicationContext, SyndicationFilter } from './syndication.filter.js';
import { syndicationMessages } from './syndication.messages.js';
import { tagUri } from './syndication.urls.js';

/**
 * Calls and news as the feeds show them: one shape for both, with the text in the feed's language,
 * the content as escaped HTML (rendered by Preact, which escapes every text), absolute links and
 * the categories a reader can filter by.
 */
export type EntryKind = 'call' | 'news';

export interface EntryCategory {
  term: string;
  label: string;
  /** What the term is a code of (an address listing the codes); none for the kind of entry. */
  scheme?: string;
}

export interface SyndicationEntry {
  kind: EntryKind;
  id: number;
  /** A tag: URI that never changes. */
  guid: string;
  url: string;
  /** Plain text. */
  title: string;
  /** The language of the title and texts (a call's Finnish text stands in for a missing translation). */
  language: Locale;
  summary: string;
  contentHtml: string;
  publishedAt: string;
  updatedAt: string;
  regionCodes: string[];
  prioritySlugs: string[];
  categories: EntryCategory[];
}

/** The most items any feed carries. */
export const FEED_ITEM_LIMIT = 50;

const newestFirst = (a: SyndicationEntry, b: SyndicationEntry) =>
  b.publishedAt.localeCompare(a.publishedAt) || (a.kind === b.kind ? b.id - a.id : a.kind.localeCompare(b.kind));

function categoriesOf(
  baseUrl: string,
  context: SyndicationContext,
  locale: Locale,
  kind: EntryKind,
  regionCodes: readonly string[],
  prioritySlugs: readonly string[],
): EntryCategory[] {
  const m = syndicationMessages[locale];
  const categories: EntryCategory[] = [{ term: kind, label: m.entryKinds[kind] }];
  for (const code of regionCodes) {
    const region = context.regions.find((r) => r.code === code);
    categories.push({ term: code, label: region?.name[locale] ?? code, scheme: `${baseUrl}/api/v1/regions` });
  }
  for (const slug of prioritySlugs) {
    const priority = context.currentPriorities.find((p) => p.slug === slug) ?? context.priorities.find((p) => p.slug === slug);
    categories.push({ term: slug, label: priority?.name[locale] ?? slug, scheme: `${baseUrl}/api/v1/priorities` });
  }
  return categories;
}

/** The published calls that pass the filter (any phase after publication), newest publication first. */
export async function loadPublishedCalls(db: Db, filter: SyndicationFilter, now: Date, limit: number): Promise<PublicCallSummary[]> {
  const { items } = await listPublicCalls(db, { region: filter.region?.code, priority: filter.priority?.slug }, now);
  return items
    .sort((a, b) => (b.publishedAt ?? b.updatedAt).localeCompare(a.publishedAt ?? a.updatedAt) || b.id - a.id)
    .slice(0, limit);
}

function CallContent({ call, locale, context, url }: { call: PublicCallSummary; locale: Locale; context: SyndicationContext; url: string }) {
  const m = syndicationMessages[locale];
  const summary = localText(call.summary, locale);
  const councils = call.budgets.map((b) => {
    const region = context.regions.find((r) => r.code === b.regionCode);
    return `${region?.council.name[locale] ?? b.regionCode} ${formatMoney(b.budgetCents, locale, { wholeEuros: true })}`;
  });
  const priorities = call.priorityIds
    .map((id) => context.priorities.find((p) => p.id === id)?.name[locale])
    .filter((name): name is string => name !== undefined);
  return (
    <>
      <p lang={summary.lang}>{summary.text}</p>
      <ul>
        <li>
          {m.opens}: {formatDateTime(call.opensAt, locale)}
        </li>
        <li>
          {m.closes}: {formatDateTime(call.closesAt, locale)}
        </li>
        <li>
          {m.budget}: {formatMoney(call.totalBudgetCents, locale, { wholeEuros: true })}
        </li>
        {councils.length > 0 ? (
          <li>
            {m.councils}: {councils.join(', ')}
          </li>
        ) : null}
        {priorities.length > 0 ? (
          <li>
            {m.priorities}: {priorities.join(', ')}
          </li>
        ) : null}
      </ul>
      <p>{m.timesNote}</p>
      <p>
        <a href={url}>{m.callPage}</a>
      </p>
    </>
  );
}

export function callEntry(call: PublicCallSummary, locale: Locale, context: SyndicationContext, baseUrl: string): SyndicationEntry {
  const title = localText(call.title, locale);
  const summary = localText(call.summary, locale);
  const url = `${baseUrl}${pagePath(locale, 'calls', String(call.id))}`;
  const publishedAt = call.publishedAt ?? call.updatedAt;
  const regionCodes = call.budgets.map((b) => b.regionCode);
  const prioritySlugs = call.priorityIds
    .map((id) => context.priorities.find((p) => p.id === id)?.slug)
    .filter((slug): slug is string => slug !== undefined);
  return {
    kind: 'call',
    id: call.id,
    guid: tagUri(baseUrl, `call-${call.id}`),
    url,
    title: title.text,
    language: title.lang ?? locale,
    summary: summary.text,
    contentHtml: renderToString(<CallContent call={call} locale={locale} context={context} url={url} />),
    publishedAt,
    updatedAt: call.updatedAt > publishedAt ? call.updatedAt : publishedAt,
    regionCodes,
    prioritySlugs,
    categories: categoriesOf(baseUrl, context, locale, 'call', regionCodes, prioritySlugs),
  };
}

function NewsContent({ item, locale, url, baseUrl }: { item: PublishedNews; locale: Locale; url: string; baseUrl: string }) {
  const m = syndicationMessages[locale];
  const { text } = newsTextFor(item, locale);
  const paragraphs = text.body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return (
    <>
      {text.summary.trim() !== '' ? (
        <p>
          <strong>{text.summary}</strong>
        </p>
      ) : null}
      {paragraphs.map((p) => (
        <p>{p}</p>
      ))}
      {item.callId !== null ? (
        <p>
          {m.relatedCall}: <a href={`${baseUrl}${pagePath(locale, 'calls', String(item.callId))}`}>{item.callReference ?? String(item.callId)}</a>
        </p>
      ) : null}
      <p>
        <a href={url}>{m.newsPage}</a>
      </p>
    </>
  );
}

export function newsEntry(item: PublishedNews, locale: Locale, context: SyndicationContext, baseUrl: string): SyndicationEntry {
  const { locale: language, text } = newsTextFor(item, locale);
  const url = `${baseUrl}${pagePath(locale, 'news', String(item.id))}`;
  return {
    kind: 'news',
    id: item.id,
    guid: tagUri(baseUrl, `news-${item.id}`),
    url,
    title: text.title,
    language,
    summary: text.summary,
    contentHtml: renderToString(<NewsContent item={item} locale={locale} url={url} baseUrl={baseUrl} />),
    publishedAt: item.publishedAt,
    updatedAt: item.updatedAt > item.publishedAt ? item.updatedAt : item.publishedAt,
    regionCodes: item.regionCodes,
    prioritySlugs: item.prioritySlugs,
    categories: categoriesOf(baseUrl, context, locale, 'news', item.regionCodes, item.prioritySlugs),
  };
}

/** The entries of a feed: calls, news in the feed's language, or both merged, newest first, at most FEED_ITEM_LIMIT. */
export async function loadEntries(
  db: Db,
  request: { kind: 'all' | 'calls' | 'news'; locale: Locale; filter: SyndicationFilter; now: Date; baseUrl: string },
  context: SyndicationContext,
): Promise<SyndicationEntry[]> {
  const { kind, locale, filter, now, baseUrl } = request;
  const [calls, news] = await Promise.all([
    kind === 'news' ? Promise.resolve([]) : loadPublishedCalls(db, filter, now, FEED_ITEM_LIMIT),
    kind === 'calls'
      ? Promise.resolve([])
      : listPublishedNews(db, {
          locale,
          ...(filter.region ? { regionCode: filter.region.code } : {}),
          ...(filter.priority ? { prioritySlug: filter.priority.slug } : {}),
          limit: FEED_ITEM_LIMIT,
        }),
  ]);
  return [...calls.map((c) => callEntry(c, locale, context, baseUrl)), ...news.map((n) => newsEntry(n, locale, context, baseUrl))]
    .sort(newestFirst)
    .slice(0, FEED_ITEM_LIMIT);
}
