import { Feed } from 'feed';
import type { Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import type { SyndicationEntry } from './syndication.entries.js';
import type { SyndicationFilter } from './syndication.filter.js';
import { syndicationMessages } from './syndication.messages.js';
import type { FeedFormat, FeedKind } from './syndication.urls.js';

/**
 * Atom 1.0, RSS 2.0 and JSON Feed 1.1 from the same entries with the `feed` package, and the few
 * things it leaves out put right: the Atom feed's xml:lang, titles declared as HTML in Atom escaped
 * as HTML, JSON Feed's version 1.1 fields, and characters XML cannot carry removed.
 */

/** "S3 Itä- ja Pohjois-Suomi – uutiset ja haut – Kainuu – Puhtaat ratkaisut". */
export function feedTitle(locale: Locale, kind: FeedKind, filter: SyndicationFilter): string {
  const parts = [messages(locale).site.shortName, syndicationMessages[locale].kinds[kind]];
  if (filter.region) parts.push(filter.region.name[locale]);
  if (filter.priority) parts.push(filter.priority.name[locale]);
  return parts.join(' – ');
}

export interface FeedDescription {
  /** A tag: URI naming the feed. */
  id: string;
  title: string;
  description: string;
  language: Locale;
  siteName: string;
  baseUrl: string;
  /** The HTML page the feed mirrors (absolute). */
  alternateUrl: string;
  /** The feed's own address in each format (absolute). */
  selfUrls: Readonly<Record<FeedFormat, string>>;
  updated: Date;
}

/** C0 controls other than tab, LF and CR, lone surrogates and U+FFFE/U+FFFF are not allowed in XML 1.0. */
const notXmlChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(notXmlChar, '');
}

/** The package writes titles into CDATA and breaks up only the first "]]>"; a space keeps every one harmless. */
function cdataSafe(text: string): string {
  return xmlSafe(text).replaceAll(']]>', ']] >');
}

/**
 * The XML writer leaves "<" in attribute values, which XML forbids, and the package escapes "&" in
 * them itself; names of regions and priorities never need either.
 */
function attributeSafe(text: string): string {
  return xmlSafe(text).replace(/</g, '‹').replace(/>/g, '›');
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function buildFeedObject(feed: FeedDescription, entries: readonly SyndicationEntry[], format: FeedFormat): Feed {
  const result = new Feed({
    id: feed.id,
    title: xmlSafe(feed.title),
    description: xmlSafe(feed.description),
    link: feed.alternateUrl,
    language: feed.language,
    updated: feed.updated,
    generator: false,
    ttl: 60,
    favicon: `${feed.baseUrl}/assets/favicon.svg`,
    feedLinks: { ...feed.selfUrls },
    author: { name: feed.siteName, link: feed.baseUrl },
  });
  for (const entry of entries) {
    result.addItem({
      // Atom declares entry titles type="html": a title "R&D <2025>" must arrive as text, not as a tag.
      title: format === 'atom' ? escapeHtml(xmlSafe(entry.title)) : cdataSafe(entry.title),
      id: entry.guid,
      link: entry.url,
      date: new Date(entry.updatedAt),
      published: new Date(entry.publishedAt),
      description: format === 'atom' ? escapeHtml(xmlSafe(entry.summary)) : cdataSafe(escapeHtml(entry.summary)),
      content: cdataSafe(entry.contentHtml),
      category: entry.categories.map((c) => ({
        name: attributeSafe(c.label),
        term: attributeSafe(c.term),
        ...(c.scheme ? { scheme: c.scheme, domain: c.scheme } : {}),
      })),
    });
  }
  return result;
}

function atom(feed: FeedDescription, entries: readonly SyndicationEntry[]): string {
  const xml = buildFeedObject(feed, entries, 'atom').atom1();
  return xml.replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.language}">`);
}

function rss(feed: FeedDescription, entries: readonly SyndicationEntry[]): string {
  return buildFeedObject(feed, entries, 'rss').rss2();
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): the package writes 1.0, so its output is brought up to date. */
function json(feed: FeedDescription, entries: readonly SyndicationEntry[]): string {
  const written = JSON.parse(buildFeedObject(feed, entries, 'json').json1()) as Record<string, unknown> & { items: Array<Record<string, unknown>> };
  const { author: _author, items, ...rest } = written;
  const document = {
    ...rest,
    version: 'https://jsonfeed.org/version/1.1',
    language: feed.language,
    authors: [{ name: feed.siteName, url: feed.baseUrl }],
    items: items.map((item, index) => {
      const entry = entries[index]!;
      const { author: _itemAuthor, ...fields } = item;
      return {
        ...fields,
        title: entry.title,
        summary: entry.summary,
        language: entry.language,
        // Codes for machines; the tags carry the names for people.
        _s3: { kind: entry.kind, id: entry.id, regions: entry.regionCodes, priorities: entry.prioritySlugs },
      };
    }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function renderFeed(feed: FeedDescription, entries: readonly SyndicationEntry[], format: FeedFormat): string {
  switch (format) {
    case 'atom':
      return atom(feed, entries);
    case 'rss':
      return rss(feed, entries);
    case 'json':
      return json(feed, entries);
  }
}
