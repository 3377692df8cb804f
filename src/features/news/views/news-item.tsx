import { pagePath } from '../../../http/page-paths.js';
import { formatDate } from '../../../i18n/format.js';
import { endonym, locales, type Localised } from '../../../i18n/locales.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { localText } from '../../calls/views/calls.parts.js';
import { newsMessages } from '../news.messages.js';
import { newsTextFor, type PublishedNews } from '../news.read.js';
import { FollowNews, NewsDate, NewsParagraphs, NewsTags, newsFeedLink, type NewsLabels } from './news-parts.js';

export interface RelatedCall {
  id: number;
  reference: string;
  title: Localised;
}

/**
 * An item as the public sees it: title, date, summary and body as plain-text paragraphs, its tags
 * and its call. When it is not written in the page's language, a note says so and the text in the
 * language shown carries lang="…". The officers' preview shows the same, one heading level down.
 */
export function NewsArticle(props: { ctx: PageContext; item: PublishedNews; labels: NewsLabels; call: RelatedCall | null; headingLevel?: 1 | 3 }) {
  const { ctx, item, labels, call } = props;
  const { locale } = ctx;
  const m = newsMessages[locale];
  const shown = newsTextFor(item, locale);
  const lang = shown.locale === locale ? undefined : shown.locale;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h1';
  const updated = formatDate(item.updatedAt, locale) !== formatDate(item.publishedAt, locale);
  return (
    <>
      {lang ? (
        <p class="notice news-language-note" role="note">
          {m.notInLanguage(shown.locale)}
        </p>
      ) : null}
      <article class="news-article" lang={lang}>
        <Heading>{shown.text.title}</Heading>
        <p class="muted" lang={lang ? locale : undefined}>
          {m.published} <NewsDate ctx={ctx} iso={item.publishedAt} />
          {updated ? (
            <>
              {' · '}
              {m.updated} <NewsDate ctx={ctx} iso={item.updatedAt} />
            </>
          ) : null}
        </p>
        <p class="lead preserve-lines">{shown.text.summary}</p>
        <NewsParagraphs text={shown.text.body} />
      </article>
      <NewsTags ctx={ctx} item={item} labels={labels} />
      {call ? (
        <p>
          {m.relatedCall}:{' '}
          <a href={pagePath(locale, 'calls', String(call.id))}>
            <span lang={localText(call.title, locale).lang}>{localText(call.title, locale).text}</span> ({call.reference})
          </a>
        </p>
      ) : null}
    </>
  );
}

export function NewsItemPage({ ctx, item, labels, call }: { ctx: PageContext; item: PublishedNews; labels: NewsLabels; call: RelatedCall | null }) {
  const { locale, t } = ctx;
  const m = newsMessages[locale];
  const shown = newsTextFor(item, locale);
  // The item in the languages it is written in, other than the page's and the one shown here already.
  const others = locales.filter((l) => l !== locale && l !== shown.locale && item.texts[l] !== undefined);
  return (
    <Layout ctx={ctx} title={shown.text.title} description={shown.text.summary} feeds={[newsFeedLink(locale)]}>
      <nav aria-label={t.site.breadcrumb} class="breadcrumb">
        <ol>
          <li>
            <a href={pagePath(locale, 'home')}>{t.nav.home}</a>
          </li>
          <li>
            <a href={pagePath(locale, 'news')}>{m.title}</a>
          </li>
          <li aria-current="page">
            <span lang={shown.locale === locale ? undefined : shown.locale}>{shown.text.title}</span>
          </li>
        </ol>
      </nav>
      <NewsArticle ctx={ctx} item={item} labels={labels} call={call} />
      {others.length > 0 ? (
        <nav aria-labelledby="news-languages-heading">
          <h2 id="news-languages-heading">{m.alsoIn}</h2>
          <ul class="link-list">
            {others.map((l) => (
              <li>
                <a href={pagePath(l, 'news', String(item.id))} lang={l} hrefLang={l}>
                  {endonym[l]}: {item.texts[l]!.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p>
        <a href={pagePath(locale, 'news')}>{m.allNews}</a>
      </p>
      <FollowNews ctx={ctx} />
    </Layout>
  );
}
