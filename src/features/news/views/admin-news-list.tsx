import type { NewsStatus } from '../../../db/schema-notifications.js';
import { pagePath } from '../../../http/page-paths.js';
import { endonym, locales } from '../../../i18n/locales.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { Notice, SelectField } from '../../../views/components/form.js';
import { DemoTag, PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import { helsinkiTimeText } from '../../calls/views/calls.admin.parts.js';
import { newsAdminMessages } from '../news.admin.messages.js';
import type { AdminNewsRow } from '../news.repository.js';

export const newsStatuses: readonly NewsStatus[] = ['draft', 'scheduled', 'published'];

const statusTag: Record<NewsStatus, string> = { draft: 'tag tag--neutral', scheduled: 'tag tag--info', published: 'tag tag--success' };

export function NewsStatusTag({ ctx, status }: { ctx: PageContext; status: NewsStatus }) {
  return <span class={statusTag[status]}>{newsAdminMessages[ctx.locale].statuses[status]}</span>;
}

/** The officers' list of news items in every state, filtered by state, with the link to write a new one. */
export function AdminNewsListPage({ ctx, items, status, notice }: { ctx: PageContext; items: readonly AdminNewsRow[]; status: NewsStatus | ''; notice: string | undefined }) {
  const { t, locale } = ctx;
  const m = newsAdminMessages[locale];
  return (
    <AdminLayout ctx={ctx} title={t.admin.news} section="adminNews">
      <PageHeading title={t.admin.news} lead={m.lead}>
        <p>
          <a class="button" href={pagePath(locale, 'adminNews', 'new')}>
            {m.newItem}
          </a>
        </p>
      </PageHeading>
      <Notice text={notice} />
      <form method="get" action={pagePath(locale, 'adminNews')} class="filter-form">
        <SelectField
          name="status"
          label={m.statusFilter}
          value={status}
          placeholder={m.allStatuses}
          options={newsStatuses.map((s) => ({ value: s, label: m.statuses[s] }))}
        />
        <button type="submit" class="button button--secondary">
          {m.filter}
        </button>
      </form>
      {items.length === 0 ? (
        <p role="status">{status ? m.noItemsInStatus : m.noItems}</p>
      ) : (
        <ScrollTable id="admin-news-caption" caption={m.caption}>
          <thead>
            <tr>
              <th scope="col">{m.colTitle}</th>
              <th scope="col">{m.colLanguages}</th>
              <th scope="col">{m.colStatus}</th>
              <th scope="col">{m.colTime}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const titleLocale = item.titles[locale] !== undefined ? locale : (item.locales[0] ?? locale);
              return (
                <tr>
                  <td>
                    <a href={pagePath(locale, 'adminNews', String(item.id))} lang={titleLocale === locale ? undefined : titleLocale}>
                      {item.titles[titleLocale] ?? `#${item.id}`}
                    </a>
                    {item.isDemo ? (
                      <>
                        {' '}
                        <DemoTag label={t.site.demoBadge} />
                      </>
                    ) : null}
                  </td>
                  <td>{locales.filter((l) => item.locales.includes(l)).map((l) => endonym[l]).join(', ')}</td>
                  <td>
                    <NewsStatusTag ctx={ctx} status={item.status} />
                  </td>
                  <td>
                    {item.status === 'scheduled' && item.publishAt
                      ? m.scheduledFor(helsinkiTimeText(item.publishAt, locale))
                      : item.status === 'published' && item.publishedAt
                        ? m.publishedOn(helsinkiTimeText(item.publishedAt, locale))
                        : m.editedOn(helsinkiTimeText(item.updatedAt, locale))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      )}
    </AdminLayout>
  );
}
