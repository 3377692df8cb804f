import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { locales, type Localised } from '../../../i18n/locales.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { CsrfField, ErrorSummary, Notice, SelectField, TextArea, TextInput, errorOf } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import type { PageContext } from '../../../views/page-context.js';
import { CheckboxGroup, helsinkiTimeText } from '../../calls/views/calls.admin.parts.js';
import { localText } from '../../calls/views/calls.parts.js';
import type { Region } from '../../regions/regions.repository.js';
import type { Priority, Strategy } from '../../strategy/strategy.repository.js';
import { newsAdminMessages } from '../news.admin.messages.js';
import { newsLimits, type NewsForm } from '../news.form.js';
import type { PublishedNews } from '../news.read.js';
import type { NewsItem } from '../news.repository.js';
import { NewsStatusTag } from './admin-news-list.js';
import { NewsArticle, type RelatedCall } from './news-item.js';
import type { NewsLabels } from './news-parts.js';

export interface NewsFormChoicesView {
  regions: readonly Region[];
  strategy: Strategy | undefined;
  priorities: readonly Priority[];
  calls: ReadonlyArray<{ id: number; reference: string; title: Localised }>;
}

export interface AdminNewsEditProps {
  ctx: PageContext;
  /** The stored item; null on the new item's page. */
  item: NewsItem | null;
  form: NewsForm;
  errors: readonly FieldError[];
  choices: NewsFormChoicesView;
  notice?: string | undefined;
  /** A warning: the save met a newer version, or the action does not fit the item's state. */
  warning?: string | undefined;
  /** The stored item as the public would see it. */
  preview?: { item: PublishedNews; labels: NewsLabels; call: RelatedCall | null } | undefined;
}

/** The title an item goes by in the officers' pages: in the page's language if it has one. */
export function adminTitleOf(item: Pick<NewsItem, 'texts' | 'id'>, locale: PageContext['locale']): string {
  return (item.texts[locale] ?? item.texts.fi ?? item.texts.en ?? item.texts.sv)?.title ?? `#${item.id}`;
}

/** The form of a new item and the edit page of a stored one: texts in three languages, tags, and the actions its state allows. */
export function AdminNewsEditPage(props: AdminNewsEditProps) {
  const { ctx, item, form, errors, choices } = props;
  const { t, locale } = ctx;
  const m = newsAdminMessages[locale];
  const e = (field: string) => errorOf(errors, field);
  const title = item ? m.editTitle(adminTitleOf(item, locale)) : m.newTitle;
  const action = item ? pagePath(locale, 'adminNews', String(item.id)) : pagePath(locale, 'adminNews', 'new');
  const status = item?.status ?? 'draft';
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 || props.warning ? `${t.errors.summaryTitle}: ${title}` : title} section="adminNews">
      <p>
        <a class="back-link" href={pagePath(locale, 'adminNews')}>
          {m.backToList}
        </a>
      </p>
      <PageHeading title={title} />
      {item ? (
        <div class="panel news-status">
          <p>
            <NewsStatusTag ctx={ctx} status={item.status} />{' '}
            {item.status === 'draft'
              ? m.statusDraft
              : item.status === 'scheduled'
                ? m.statusScheduled(helsinkiTimeText(item.publishAt ?? item.updatedAt, locale))
                : m.statusPublished(helsinkiTimeText(item.publishedAt ?? item.updatedAt, locale))}
          </p>
          {item.status === 'published' ? (
            <p>
              <a href={pagePath(locale, 'news', String(item.id))}>{m.viewPublic}</a>
            </p>
          ) : null}
        </div>
      ) : null}
      <Notice text={props.notice} />
      {props.warning ? <Notice kind="warning" text={props.warning} /> : null}
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />

      <form method="post" action={action} novalidate class="news-form">
        <CsrfField token={ctx.csrf()} />
        {item ? <input type="hidden" name="version" value={form.version} /> : null}

        <nav class="news-language-nav" aria-label={m.languagesNav}>
          <ul>
            {locales.map((l) => (
              <li>
                <a href={`#news-text-${l}`}>{m.languageLegend[l]}</a>
              </li>
            ))}
          </ul>
        </nav>
        <p class="field__hint">{m.textsHint}</p>
        {locales.map((l) => (
          <fieldset class="news-language" id={`news-text-${l}`}>
            <legend>{m.languageLegend[l]}</legend>
            <TextInput name={`title_${l}`} label={m.parts.title} value={form[`title_${l}`]} error={e(`title_${l}`)} maxLength={newsLimits.title} />
            <TextArea name={`summary_${l}`} label={m.parts.summary} hint={m.summaryHint} value={form[`summary_${l}`]} error={e(`summary_${l}`)} rows={3} maxLength={newsLimits.summary} />
            <TextArea name={`body_${l}`} label={m.parts.body} hint={m.bodyHint} value={form[`body_${l}`]} error={e(`body_${l}`)} rows={12} maxLength={newsLimits.body} />
          </fieldset>
        ))}

        <CheckboxGroup
          name="regions"
          legend={m.regionsLegend}
          hint={m.regionsHint}
          error={e('regions')}
          options={choices.regions.map((r) => ({ value: r.code, label: r.name[locale] }))}
          values={form.regions}
        />
        {choices.priorities.length > 0 ? (
          <CheckboxGroup
            name="priorities"
            legend={choices.strategy ? m.prioritiesLegend(choices.strategy.name[locale]) : m.prioritiesLegendPlain}
            hint={m.prioritiesHint}
            error={e('priorities')}
            options={choices.priorities.map((p) => ({ value: String(p.id), label: localText(p.name, locale).text }))}
            values={form.priorities}
          />
        ) : null}
        <SelectField
          name="call"
          label={m.callLabel}
          value={form.call}
          error={e('call')}
          placeholder={m.noCall}
          options={choices.calls.map((c) => ({ value: String(c.id), label: `${localText(c.title, locale).text} (${c.reference})` }))}
        />

        {status !== 'published' ? (
          <fieldset>
            <legend>{m.scheduleLegend}</legend>
            <p class="field__hint">{m.scheduleHint}</p>
            <div class="call-times">
              <TextInput name="publish_date" type="date" label={m.publishDate} value={form.publish_date} error={e('publish_date')} />
              <TextInput name="publish_time" label={m.publishTime} hint={m.publishTimeHint} value={form.publish_time} error={e('publish_time')} maxLength={8} />
            </div>
          </fieldset>
        ) : null}

        <div class="button-group">
          <button type="submit" name="action" value="save" class="button">
            {status === 'draft' ? m.saveDraft : m.saveChanges}
          </button>
          {status !== 'published' ? (
            <>
              <button type="submit" name="action" value="publish" class="button button--secondary">
                {m.publishNow}
              </button>
              <button type="submit" name="action" value="schedule" class="button button--secondary">
                {m.schedule}
              </button>
            </>
          ) : null}
          {item && status !== 'draft' ? (
            <button type="submit" name="action" value="unpublish" class="button button--secondary">
              {m.unpublish}
            </button>
          ) : null}
        </div>
      </form>
      {item && status !== 'published' ? (
        <p>
          <a class="danger-link" href={pagePath(locale, 'adminNews', String(item.id), 'delete')}>
            {m.deleteLink}
          </a>
        </p>
      ) : null}

      {props.preview ? (
        <section class="news-preview" aria-labelledby="news-preview-heading">
          <h2 id="news-preview-heading">{m.previewHeading}</h2>
          <p class="muted">{m.previewLead}</p>
          <div class="news-preview__page">
            <NewsArticle ctx={ctx} item={props.preview.item} labels={props.preview.labels} call={props.preview.call} headingLevel={3} />
          </div>
        </section>
      ) : null}
    </AdminLayout>
  );
}

/** The confirmation before deleting a draft or scheduled item. */
export function AdminNewsDeletePage({ ctx, item, warning }: { ctx: PageContext; item: NewsItem; warning?: string | undefined }) {
  const { locale, t } = ctx;
  const m = newsAdminMessages[locale];
  const back = pagePath(locale, 'adminNews', String(item.id));
  return (
    <AdminLayout ctx={ctx} title={warning ? `${t.errors.summaryTitle}: ${m.deleteTitle}` : m.deleteTitle} section="adminNews">
      <p>
        <a class="back-link" href={back}>
          {m.cancel}
        </a>
      </p>
      <PageHeading title={m.deleteTitle} lead={m.deleteLead(adminTitleOf(item, locale))} />
      {warning ? <Notice kind="warning" text={warning} /> : null}
      <form method="post" action={pagePath(locale, 'adminNews', String(item.id), 'delete')} class="button-group">
        <CsrfField token={ctx.csrf()} />
        <input type="hidden" name="version" value={String(item.version)} />
        <button type="submit" class="button button--danger">
          {m.deleteConfirm}
        </button>
        <a href={back}>{m.cancel}</a>
      </form>
    </AdminLayout>
  );
}
