import type { ComponentChildren } from 'preact';
import { pagePath } from '../../../http/page-paths.js';
import { formatDate, formatDateTime } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import { messages } from '../../../i18n/messages/index.js';
import type { PublicCallSummary } from '../../calls/calls.public.repository.js';
import { localText } from '../../calls/views/calls.parts.js';
import { newsTextFor, type PublishedNews } from '../../news/news.read.js';
import type { Region } from '../../regions/regions.repository.js';
import { syndicationMessages } from '../syndication.messages.js';

/**
 * The widget for a council's website: the region's open calls and latest news. The same fragment
 * is the iframe page's content and the HTML snippet, so a council can take either. Every class is
 * prefixed s3w- (documented on the feeds page), nothing is styled inline and nothing is scripted;
 * links are absolute and open in a new tab, which the link text says.
 */
export interface WidgetData {
  locale: Locale;
  region: Region;
  /** Absent when the embedder asked for none (calls=0). */
  calls: readonly PublicCallSummary[] | null;
  news: readonly PublishedNews[] | null;
  baseUrl: string;
}

function ExternalLink({ href, locale, class: className, children }: { href: string; locale: Locale; class: string; children: ComponentChildren }) {
  return (
    <a class={className} href={href} target="_blank" rel="noopener">
      {children}
      <span class="s3w-visually-hidden"> {syndicationMessages[locale].newTab}</span>
    </a>
  );
}

/** The fragment; `level` is the heading level of its title (1 on the iframe page, 2 in someone else's page). */
export function WidgetFragment({ data, level }: { data: WidgetData; level: 1 | 2 }) {
  const { locale, region, baseUrl } = data;
  const m = syndicationMessages[locale];
  const Title = level === 1 ? 'h1' : 'h2';
  const Heading = level === 1 ? 'h2' : 'h3';
  const titleId = `s3w-${region.code}-title`;
  const filter = `?region=${encodeURIComponent(region.code)}`;
  return (
    <section class="s3w" lang={locale} aria-labelledby={titleId}>
      <Title class="s3w-title" id={titleId}>
        {m.widgetTitle(region.name[locale])}
      </Title>
      {data.calls !== null ? (
        <div class="s3w-section s3w-calls">
          <Heading class="s3w-heading">{m.widgetOpenCalls}</Heading>
          {data.calls.length === 0 ? (
            <p class="s3w-empty">{m.widgetNoCalls}</p>
          ) : (
            <ul class="s3w-list">
              {data.calls.map((call) => {
                const title = localText(call.title, locale);
                return (
                  <li class="s3w-item">
                    <ExternalLink class="s3w-link" href={`${baseUrl}${pagePath(locale, 'calls', String(call.id))}`} locale={locale}>
                      {title.lang ? <span lang={title.lang}>{title.text}</span> : title.text}
                    </ExternalLink>
                    <p class="s3w-meta">
                      {m.widgetCloses} <time dateTime={call.closesAt}>{formatDateTime(call.closesAt, locale)}</time>
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
          <p class="s3w-more">
            <ExternalLink class="s3w-link" href={`${baseUrl}${pagePath(locale, 'calls')}${filter}`} locale={locale}>
              {m.widgetAllCalls}
            </ExternalLink>
          </p>
        </div>
      ) : null}
      {data.news !== null ? (
        <div class="s3w-section s3w-news">
          <Heading class="s3w-heading">{m.widgetNews}</Heading>
          {data.news.length === 0 ? (
            <p class="s3w-empty">{m.widgetNoNews}</p>
          ) : (
            <ul class="s3w-list">
              {data.news.map((item) => {
                const { locale: textLocale, text } = newsTextFor(item, locale);
                return (
                  <li class="s3w-item">
                    <ExternalLink class="s3w-link" href={`${baseUrl}${pagePath(locale, 'news', String(item.id))}`} locale={locale}>
                      {textLocale === locale ? text.title : <span lang={textLocale}>{text.title}</span>}
                    </ExternalLink>
                    <p class="s3w-meta">
                      <time dateTime={item.publishedAt}>{formatDate(item.publishedAt, locale)}</time>
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
          <p class="s3w-more">
            <ExternalLink class="s3w-link" href={`${baseUrl}${pagePath(locale, 'news')}${filter}`} locale={locale}>
              {m.widgetAllNews}
            </ExternalLink>
          </p>
        </div>
      ) : null}
    </section>
  );
}

/** The iframe page: no site header or footer, only the fragment in a main landmark. */
export function WidgetPage({ data }: { data: WidgetData }) {
  const { locale, region } = data;
  const m = syndicationMessages[locale];
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${m.widgetTitle(region.name[locale])} – ${messages(locale).site.shortName}`}</title>
        <link rel="stylesheet" href="/assets/tokens.css" />
        <link rel="stylesheet" href="/assets/widget.css" />
      </head>
      <body class="s3w-page">
        <main id="main">
          <WidgetFragment data={data} level={1} />
        </main>
      </body>
    </html>
  );
}
