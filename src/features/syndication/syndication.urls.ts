import { pagePath } from '../../http/page-paths.js';
import type { Locale } from '../../i18n/locales.js';

/**
 * The addresses of the feeds, the calendar and the widget: one place that the routes, the feeds'
 * self links and the feeds page all build them from, so that a link shown is a link served.
 */

export const feedKinds = ['all', 'calls', 'news'] as const;
export type FeedKind = (typeof feedKinds)[number];

export const feedFormats = ['atom', 'rss', 'json'] as const;
export type FeedFormat = (typeof feedFormats)[number];

export const feedFormatNames: Readonly<Record<FeedFormat, string>> = { atom: 'Atom', rss: 'RSS', json: 'JSON Feed' };

export const feedContentTypes: Readonly<Record<FeedFormat, string>> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** The calendars served under /calendar/:locale/ (only the calls' timetable so far). */
export const calendarNames = ['calls.ics'] as const;

export interface FeedSelection {
  /** A council's region code. */
  region?: string | undefined;
  /** A priority's slug in the strategy in force. */
  priority?: string | undefined;
}

function query(selection: FeedSelection): string {
  const params = new URLSearchParams();
  if (selection.region) params.set('region', selection.region);
  if (selection.priority) params.set('priority', selection.priority);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** "all.atom", "calls.rss", "news.json": the feed's name in its address. */
export function parseFeedName(name: string): { kind: FeedKind; format: FeedFormat } | undefined {
  const match = /^(all|calls|news)\.(atom|rss|json)$/.exec(name);
  return match ? { kind: match[1] as FeedKind, format: match[2] as FeedFormat } : undefined;
}

export function feedPath(locale: Locale, kind: FeedKind, format: FeedFormat, selection: FeedSelection = {}): string {
  return `/feeds/${locale}/${kind}.${format}${query(selection)}`;
}

export function calendarPath(locale: Locale, selection: FeedSelection = {}): string {
  return `/calendar/${locale}/calls.ics${query(selection)}`;
}

/** The same address for calendar applications that open webcal: links. */
export function webcalUrl(httpsUrl: string): string {
  return httpsUrl.replace(/^https?:\/\//, 'webcal://');
}

export function widgetPath(locale: Locale, region: string): string {
  return pagePath(locale, 'widget', region);
}

export function snippetPath(locale: Locale, region: string, limits: { news?: number; calls?: number } = {}): string {
  const params = new URLSearchParams();
  if (limits.calls !== undefined) params.set('calls', String(limits.calls));
  if (limits.news !== undefined) params.set('news', String(limits.news));
  const text = params.toString();
  return `${pagePath(locale, 'widget', region, 'snippet')}${text ? `?${text}` : ''}`;
}

/** The HTML page a feed mirrors: the call list or the news list with the same filters, else the region's or home page. */
export function feedAlternatePath(locale: Locale, kind: FeedKind, selection: FeedSelection, regionSlug?: string): string {
  if (kind === 'calls') return `${pagePath(locale, 'calls')}${query(selection)}`;
  if (kind === 'news') return `${pagePath(locale, 'news')}${query(selection)}`;
  return regionSlug ? pagePath(locale, 'regions', regionSlug) : pagePath(locale, 'home');
}

/** A tag: URI (RFC 4151) naming an item or feed for good, whatever the address it is served from. */
export function tagUri(baseUrl: string, specific: string): string {
  return `tag:${new URL(baseUrl).hostname},2024:${specific}`;
}

/** The feed's own name, the same in every format: "tag:host,2024:feeds/fi/all?region=18". */
export function feedId(baseUrl: string, locale: Locale, kind: FeedKind, selection: FeedSelection): string {
  return tagUri(baseUrl, `feeds/${locale}/${kind}${query(selection)}`);
}
