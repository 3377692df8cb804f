import { pagePath } from '../../../http/page-paths.js';
import { Notice } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { PriorityFilter, RegionFilter } from '../../../views/components/reference-fields.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Region } from '../../regions/regions.repository.js';
import type { Priority } from '../../strategy/strategy.repository.js';
import { newsMessages } from '../news.messages.js';
import type { PublishedNews } from '../news.read.js';
import { FollowNews, NewsCard, newsFeedLink, type NewsLabels } from './news-parts.js';
import { Pager } from '../../../views/components/pager.js';

/** The list's filters as the form shows them ('' for none). */
export interface NewsListForm {
  region: string;
  priority: string;
}

export function NewsListPage(props: {
  ctx: PageContext;
  form: NewsListForm;
  ignored: boolean;
  regions: readonly Region[];
  priorities: readonly Priority[];
  labels: NewsLabels;
  items: readonly PublishedNews[];
  /** Set on a later page: the address of the first. */
  first: string | undefined;
  next: string | undefined;
}) {
  const { ctx, form, items } = props;
  const { locale } = ctx;
  const m = newsMessages[locale];
  const filtered = form.region !== '' || form.priority !== '';
  const feedFilter = { ...(form.region ? { region: form.region } : {}), ...(form.priority ? { priority: form.priority } : {}) };
  return (
    <Layout ctx={ctx} title={m.title} description={m.lead} feeds={[newsFeedLink(locale, feedFilter)]}>
      <PageHeading title={m.title} lead={m.lead} />
      {props.ignored ? <Notice text={m.ignored} kind="warning" /> : null}
      <form method="get" action={pagePath(locale, 'news')} class="filter-form">
        <fieldset>
          <legend>{m.filtersLegend}</legend>
          <RegionFilter locale={locale} regions={props.regions} label={m.region} hint={m.regionHint} value={form.region} placeholder={m.anyRegion} />
          <PriorityFilter locale={locale} priorities={props.priorities} label={m.priority} value={form.priority} placeholder={m.anyPriority} />
        </fieldset>
        <button type="submit" class="button">
          {m.submit}
        </button>
        {filtered ? <a href={pagePath(locale, 'news')}>{m.clear}</a> : null}
      </form>

      <section aria-labelledby="news-list-heading">
        <h2 id="news-list-heading">{m.listHeading}</h2>
        {items.length === 0 ? (
          <p role="status">{props.first ? m.noMore : filtered ? m.noResults : m.noNews}</p>
        ) : (
          <ul class="call-list news-list">
            {items.map((item) => (
              <NewsCard ctx={ctx} item={item} labels={props.labels} />
            ))}
          </ul>
        )}
        <Pager labels={{ pagination: m.pagination, first: m.firstPage, next: m.olderPage }} first={props.first} next={props.next} />
      </section>
      <FollowNews ctx={ctx} />
    </Layout>
  );
}
