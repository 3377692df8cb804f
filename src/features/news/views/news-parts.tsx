import { pagePath } from '../../../http/page-paths.js';
import { formatDate } from '../../../i18n/format.js';
import type { Locale, Localised } from '../../../i18n/locales.js';
import type { PageContext } from '../../../views/page-context.js';
import { localText } from '../../calls/views/calls.parts.js';
import type { Region } from '../../regions/regions.repository.js';
import type { Priority } from '../../strategy/strategy.repository.js';
import { newsMessages } from '../news.messages.js';
import { newsTextFor, type PublishedNews } from '../news.read.js';

/** Names of the tags an item may carry: regions by code, priorities by slug (the latest strategy's name for a slug). */
export interface NewsLabels {
  regions: ReadonlyMap<string, Localised>;
  priorities: ReadonlyMap<string, Localised>;
}

export function newsLabels(regions: readonly Region[], priorities: readonly Priority[]): NewsLabels {
  return {
    regions: new Map(regions.map((r) => [r.code, r.name])),
    priorities: new Map([...priorities].sort((a, b) => a.strategyId - b.strategyId).map((p) => [p.slug, p.name])),
  };
}

/** The public list filtered by one tag. */
export function newsListHref(locale: Locale, filter: { region?: string; priority?: string } = {}): string {
  const params = new URLSearchParams();
  if (filter.region) params.set('region', filter.region);
  if (filter.priority) params.set('priority', filter.priority);
  const query = params.toString();
  return `${pagePath(locale, 'news')}${query ? `?${query}` : ''}`;
}

/** The Atom feed of the news in a language, filtered as the page is; for autodiscovery. */
export function newsFeedLink(locale: Locale, filter: { region?: string; priority?: string } = {}): { type: string; title: string; href: string } {
  const params = new URLSearchParams();
  if (filter.region) params.set('region', filter.region);
  if (filter.priority) params.set('priority', filter.priority);
  const query = params.toString();
  return { type: 'application/atom+xml', title: newsMessages[locale].feedTitle, href: `/feeds/${locale}/news.atom${query ? `?${query}` : ''}` };
}

/** Plain text as paragraphs: a blank line starts a new one, a single line break stays. Never HTML. */
export function NewsParagraphs({ text, lang }: { text: string; lang?: Locale | undefined }) {
  const paragraphs = text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return (
    <>
      {paragraphs.map((p) => (
        <p class="preserve-lines" lang={lang}>
          {p}
        </p>
      ))}
    </>
  );
}

/** The item's regions ("every region" when it names none) and priorities, each a link to the list filtered by it. */
export function NewsTags({ ctx, item, labels }: { ctx: PageContext; item: Pick<PublishedNews, 'regionCodes' | 'prioritySlugs'>; labels: NewsLabels }) {
  const { locale } = ctx;
  const m = newsMessages[locale];
  return (
    <dl class="facts facts--inline news-tags">
      <div>
        <dt>{m.regions}</dt>
        <dd>
          {item.regionCodes.length === 0 ? (
            // Plain text, not a chip: the chips are links to a filtered list, and "every region" is not one.
            <span>{m.everyRegion}</span>
          ) : (
            <ul class="news-tags__list">
              {item.regionCodes.map((code) => (
                <li>
                  <a class="tag" href={newsListHref(locale, { region: code })}>
                    {labels.regions.get(code)?.[locale] ?? code}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      {item.prioritySlugs.length > 0 ? (
        <div>
          <dt>{m.priorities}</dt>
          <dd>
            <ul class="news-tags__list">
              {item.prioritySlugs.map((slug) => {
                const name = labels.priorities.get(slug);
                const shown = name ? localText(name, locale) : { text: slug, lang: undefined };
                return (
                  <li>
                    <a class="tag" href={newsListHref(locale, { priority: slug })} lang={shown.lang}>
                      {shown.text}
                    </a>
                  </li>
                );
              })}
            </ul>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The publication date in Helsinki, with the machine-readable instant. */
export function NewsDate({ ctx, iso }: { ctx: PageContext; iso: string }) {
  return <time dateTime={iso}>{formatDate(iso, ctx.locale)}</time>;
}

/** One item in a list: title linking to its page, date, summary and tags; text in another language is marked with lang. */
export function NewsCard({ ctx, item, labels, headingLevel = 3 }: { ctx: PageContext; item: PublishedNews; labels: NewsLabels; headingLevel?: 2 | 3 }) {
  const { locale } = ctx;
  const m = newsMessages[locale];
  const shown = newsTextFor(item, locale);
  const lang = shown.locale === locale ? undefined : shown.locale;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li class="card news-card">
      <Heading>
        <a href={pagePath(locale, 'news', String(item.id))} lang={lang}>
          {shown.text.title}
        </a>
      </Heading>
      <p class="muted">
        <span class="visually-hidden">{m.published}: </span>
        <NewsDate ctx={ctx} iso={item.publishedAt} />
        {lang ? <> {m.inLanguageTag(lang)}</> : null}
      </p>
      <p lang={lang}>{shown.text.summary}</p>
      <NewsTags ctx={ctx} item={item} labels={labels} />
    </li>
  );
}

/** Where to follow the news: the feeds page and the e-mail subscription (built beside the news). */
export function FollowNews({ ctx }: { ctx: PageContext }) {
  const { locale } = ctx;
  const m = newsMessages[locale];
  return (
    <aside class="panel news-follow" aria-labelledby="news-follow-heading">
      <h2 id="news-follow-heading">{m.followHeading}</h2>
      <p>{m.followText}</p>
      <ul class="link-list">
        <li>
          <a href={pagePath(locale, 'feeds')}>{m.feedsLink}</a>
        </li>
        <li>
          <a href={pagePath(locale, 'subscribe')}>{m.subscribeLink}</a>
        </li>
      </ul>
    </aside>
  );
}

/** The latest news of a call, on the call's public page; nothing when there is none. */
export function CallNewsSection({ ctx, items }: { ctx: PageContext; items: readonly PublishedNews[] }) {
  if (items.length === 0) return null;
  const { locale } = ctx;
  const m = newsMessages[locale];
  return (
    <section aria-labelledby="call-news-heading">
      <h2 id="call-news-heading">{m.callNewsHeading}</h2>
      <ul class="link-list">
        {items.map((item) => {
          const shown = newsTextFor(item, locale);
          return (
            <li>
              <a href={pagePath(locale, 'news', String(item.id))} lang={shown.locale === locale ? undefined : shown.locale}>
                {shown.text.title}
              </a>{' '}
              <span class="muted">
                (<NewsDate ctx={ctx} iso={item.publishedAt} />)
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
