import { pagePath } from '../../../http/page-paths.js';
import { endonym, locales, type Locale } from '../../../i18n/locales.js';
import { Notice, RadioGroup } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { PriorityFilter, RegionFilter } from '../../../views/components/reference-fields.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Region } from '../../regions/regions.repository.js';
import type { Priority } from '../../strategy/strategy.repository.js';
import { feedsPageMessages } from '../feeds-page.messages.js';
import { calendarPath, feedFormatNames, feedFormats, feedKinds, feedPath, webcalUrl, type FeedKind, type FeedSelection } from '../syndication.urls.js';
import { CalendarSection, EmailSection, WebhooksSection, WidgetSection } from './feeds.page.sections.js';

/** The feed chooser's values as the form shows them ('' for all). */
export interface FeedsForm {
  kind: FeedKind;
  region: string;
  priority: string;
  language: Locale;
}

export interface FeedsPageProps {
  ctx: PageContext;
  form: FeedsForm;
  ignored: boolean;
  regions: readonly Region[];
  priorities: readonly Priority[];
  /** The chosen feed's name, as the feed itself gives it. */
  chosenTitle: string;
}

/** A feed address shown in full, to copy, and as a link. */
export function UrlValue({ url }: { url: string }) {
  return (
    <a href={url}>
      <code>{url}</code>
    </a>
  );
}

/** A short link in a table cell, named in full for screen readers ("Atom: Kainuu"). */
function CellLink({ href, format, subject, locale }: { href: string; format: string; subject: string; locale: Locale }) {
  const m = feedsPageMessages[locale];
  return (
    <a href={href} aria-label={m.linkContext(format, subject)}>
      {format}
    </a>
  );
}

function FeedUrls({ ctx, locale, kind, selection }: { ctx: PageContext; locale: Locale; kind: FeedKind; selection: FeedSelection }) {
  return (
    <dl class="facts">
      {feedFormats.map((format) => (
        <>
          <dt>{feedFormatNames[format]}</dt>
          <dd>
            <UrlValue url={`${ctx.baseUrl}${feedPath(locale, kind, format, selection)}`} />
          </dd>
        </>
      ))}
    </dl>
  );
}

export function FeedsPage(props: FeedsPageProps) {
  const { ctx, form, regions, priorities } = props;
  const { locale } = ctx;
  const m = feedsPageMessages[locale];
  const selection: FeedSelection = { region: form.region || undefined, priority: form.priority || undefined };
  const toc: Array<[string, string]> = [
    ['feeds-builder', m.builderHeading],
    ['feeds-feeds', m.feedsHeading],
    ['feeds-regions', m.byRegionHeading],
    ['feeds-priorities', m.byPriorityHeading],
    ['feeds-languages', m.byLanguageHeading],
    ['feeds-calendar', m.calendarHeading],
    ['feeds-widget', m.widgetHeading],
    ['feeds-webhooks', m.webhooksHeading],
    ['feeds-email', m.emailHeading],
  ];
  const calendarUrl = `${ctx.baseUrl}${calendarPath(form.language, selection)}`;
  return (
    <Layout ctx={ctx} title={m.title} description={m.lead}>
      <PageHeading title={m.title} lead={m.lead} />
      <nav class="toc" aria-labelledby="feeds-toc">
        <h2 id="feeds-toc">{m.tocHeading}</h2>
        <ul class="link-list">
          {toc.map(([id, text]) => (
            <li>
              <a href={`#${id}`}>{text}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="feeds-builder">
        <h2 id="feeds-builder">{m.builderHeading}</h2>
        <p>{m.builderIntro}</p>
        {props.ignored ? <Notice text={m.ignored} kind="warning" /> : null}
        <form method="get" action={`${pagePath(locale, 'feeds')}#feeds-result`} class="filter-form">
          <fieldset>
            <legend>{m.builderLegend}</legend>
            <RadioGroup name="kind" legend={m.kind} value={form.kind} error={undefined} options={feedKinds.map((k) => ({ value: k, label: m.kindNames[k] }))} />
            <RegionFilter locale={locale} regions={regions} label={m.region} hint={m.regionHint} value={form.region} placeholder={m.anyRegion} />
            <PriorityFilter locale={locale} priorities={priorities} label={m.priority} value={form.priority} placeholder={m.anyPriority} />
            <RadioGroup
              name="language"
              legend={m.language}
              value={form.language}
              error={undefined}
              options={locales.map((l) => ({ value: l, label: endonym[l], lang: l }))}
            />
          </fieldset>
          <button type="submit" class="button">
            {m.show}
          </button>
        </form>
        <div class="panel" id="feeds-result" tabIndex={-1}>
          <h3>{m.resultHeading}</h3>
          <dl class="facts">
            <dt>{m.resultTitle}</dt>
            <dd lang={form.language === locale ? undefined : form.language}>{props.chosenTitle}</dd>
          </dl>
          <FeedUrls ctx={ctx} locale={form.language} kind={form.kind} selection={selection} />
          <p>{m.calendarOfSelection}:</p>
          <dl class="facts">
            <dt>{m.calendar}</dt>
            <dd>
              <UrlValue url={calendarUrl} />
            </dd>
            <dt>webcal</dt>
            <dd>
              <a href={webcalUrl(calendarUrl)}>{m.calendarWebcal}</a>
            </dd>
          </dl>
        </div>
      </section>

      <section aria-labelledby="feeds-feeds">
        <h2 id="feeds-feeds">{m.feedsHeading}</h2>
        <p>{m.feedsIntro}</p>
        <p>{m.kindsIntro}</p>
        <ul>
          {feedKinds.map((kind) => (
            <li>
              <strong>{m.kindNames[kind]}</strong>: {m.kindDescriptions[kind]}
            </li>
          ))}
        </ul>
        <p>{m.formatsIntro}</p>
        <h3>{m.ownLanguageHeading}</h3>
        {feedKinds.map((kind) => (
          <>
            <h4>{m.kindNames[kind]}</h4>
            <FeedUrls ctx={ctx} locale={locale} kind={kind} selection={{}} />
          </>
        ))}
      </section>

      <section aria-labelledby="feeds-regions">
        <h2 id="feeds-regions">{m.byRegionHeading}</h2>
        <p>{m.byRegionIntro}</p>
        <ScrollTable id="feeds-regions-caption" caption={m.byRegionCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colRegion}</th>
              {feedFormats.map((f) => (
                <th scope="col">{feedFormatNames[f]}</th>
              ))}
              <th scope="col">{m.calendar}</th>
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => (
              <tr>
                <th scope="row">{r.name[locale]}</th>
                {feedFormats.map((f) => (
                  <td>
                    <CellLink href={`${ctx.baseUrl}${feedPath(locale, 'all', f, { region: r.code })}`} format={feedFormatNames[f]} subject={r.name[locale]} locale={locale} />
                  </td>
                ))}
                <td>
                  <CellLink href={`${ctx.baseUrl}${calendarPath(locale, { region: r.code })}`} format={m.calendar} subject={r.name[locale]} locale={locale} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>

      <section aria-labelledby="feeds-priorities">
        <h2 id="feeds-priorities">{m.byPriorityHeading}</h2>
        <p>{m.byPriorityIntro}</p>
        <ScrollTable id="feeds-priorities-caption" caption={m.byPriorityCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colPriority}</th>
              {feedFormats.map((f) => (
                <th scope="col">{feedFormatNames[f]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {priorities.map((p) => (
              <tr>
                <th scope="row">{p.name[locale]}</th>
                {feedFormats.map((f) => (
                  <td>
                    <CellLink href={`${ctx.baseUrl}${feedPath(locale, 'all', f, { priority: p.slug })}`} format={feedFormatNames[f]} subject={p.name[locale]} locale={locale} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>

      <section aria-labelledby="feeds-languages">
        <h2 id="feeds-languages">{m.byLanguageHeading}</h2>
        <p>{m.byLanguageIntro}</p>
        <ScrollTable id="feeds-languages-caption" caption={m.byLanguageCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colLanguage}</th>
              <th scope="col">{m.colKind}</th>
              {feedFormats.map((f) => (
                <th scope="col">{feedFormatNames[f]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {locales
              .filter((l) => l !== locale)
              .flatMap((l) =>
                feedKinds.map((kind) => (
                  <tr>
                    <th scope="row" lang={l}>
                      {endonym[l]}
                    </th>
                    <td>{m.kindNames[kind]}</td>
                    {feedFormats.map((f) => (
                      <td>
                        <CellLink
                          href={`${ctx.baseUrl}${feedPath(l, kind, f)}`}
                          format={feedFormatNames[f]}
                          subject={`${endonym[l]}, ${m.kindNames[kind]}`}
                          locale={locale}
                        />
                      </td>
                    ))}
                  </tr>
                )),
              )}
          </tbody>
        </ScrollTable>
      </section>

      <CalendarSection ctx={ctx} />
      <WidgetSection ctx={ctx} regions={regions} previewRegion={regions.find((r) => r.code === form.region) ?? regions[0]} />
      <WebhooksSection ctx={ctx} />
      <EmailSection ctx={ctx} />
    </Layout>
  );
}
