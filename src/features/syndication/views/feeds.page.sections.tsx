import { pagePath } from '../../../http/page-paths.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Region } from '../../regions/regions.repository.js';
import { feedsPageMessages } from '../feeds-page.messages.js';
import { calendarPath, snippetPath, webcalUrl, widgetPath } from '../syndication.urls.js';

/** The feeds page's parts about the calendar, the widget, webhooks and e-mail subscriptions. */

/** The iframe's size in the embed code and the preview: inside the 300–600 px the widget is made for. */
const IFRAME_WIDTH = 400;
// The default widget (open calls and five news items) is about 700 px tall at 400 px wide.
const IFRAME_HEIGHT = 720;

export function CalendarSection({ ctx }: { ctx: PageContext }) {
  const { locale } = ctx;
  const m = feedsPageMessages[locale];
  const url = `${ctx.baseUrl}${calendarPath(locale)}`;
  return (
    <section aria-labelledby="feeds-calendar">
      <h2 id="feeds-calendar">{m.calendarHeading}</h2>
      <p>{m.calendarIntro}</p>
      <dl class="facts">
        <dt>{m.calendarUrl}</dt>
        <dd>
          <a href={url}>
            <code>{url}</code>
          </a>
        </dd>
        <dt>webcal</dt>
        <dd>
          <a href={webcalUrl(url)}>{m.calendarWebcal}</a>
        </dd>
      </dl>
      <h3>{m.subscribeHeading}</h3>
      <ul>
        <li>{m.outlook}</li>
        <li>{m.google}</li>
        <li>{m.apple}</li>
      </ul>
    </section>
  );
}

export function iframeCode(ctx: PageContext, region: Region): string {
  const m = feedsPageMessages[ctx.locale];
  const title = m.iframeTitle(region.name[ctx.locale]).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${ctx.baseUrl}${widgetPath(ctx.locale, region.code)}" title="${title}" width="${IFRAME_WIDTH}" height="${IFRAME_HEIGHT}" loading="lazy"></iframe>`;
}

export function WidgetSection({ ctx, regions, previewRegion }: { ctx: PageContext; regions: readonly Region[]; previewRegion: Region | undefined }) {
  const { locale } = ctx;
  const m = feedsPageMessages[locale];
  const snippetRegion = previewRegion ?? regions[0];
  return (
    <section aria-labelledby="feeds-widget">
      <h2 id="feeds-widget">{m.widgetHeading}</h2>
      <p>{m.widgetIntro}</p>

      <h3>{m.iframeHeading}</h3>
      <p>{m.iframeIntro}</p>
      {regions.map((r) => (
        <details class="feeds-embed">
          <summary>{m.embedCodeOf(r.council.name[locale])}</summary>
          <pre>
            <code>{iframeCode(ctx, r)}</code>
          </pre>
        </details>
      ))}
      {previewRegion ? (
        <>
          <h4>{m.previewHeading(previewRegion.name[locale])}</h4>
          <iframe
            class="feeds-preview"
            src={widgetPath(locale, previewRegion.code)}
            title={m.iframeTitle(previewRegion.name[locale])}
            width={IFRAME_WIDTH}
            height={IFRAME_HEIGHT}
            loading="lazy"
          ></iframe>
        </>
      ) : null}

      {snippetRegion ? (
        <>
          <h3>{m.snippetHeading}</h3>
          <p>{m.snippetIntro}</p>
          <dl class="facts">
            <dt>{m.snippetUrl}</dt>
            <dd>
              <code>{`${ctx.baseUrl}${snippetPath(locale, snippetRegion.code)}`}</code>
            </dd>
          </dl>
          <p>
            {m.snippetLimits} <code>{`${ctx.baseUrl}${snippetPath(locale, snippetRegion.code, { calls: 5, news: 3 })}`}</code>
          </p>
          <h4>{m.classesHeading}</h4>
          <p>{m.classesIntro}</p>
          <dl class="facts">
            {Object.entries(m.classes).map(([name, meaning]) => (
              <>
                <dt>
                  <code>{name}</code>
                </dt>
                <dd>{meaning}</dd>
              </>
            ))}
          </dl>
          <p>{m.stylesheetIntro}</p>
          <pre>
            <code>{`<link rel="stylesheet" href="${ctx.baseUrl}/assets/widget.css">`}</code>
          </pre>
        </>
      ) : null}
    </section>
  );
}

export function WebhooksSection({ ctx }: { ctx: PageContext }) {
  const m = feedsPageMessages[ctx.locale];
  return (
    <section aria-labelledby="feeds-webhooks">
      <h2 id="feeds-webhooks">{m.webhooksHeading}</h2>
      <p>{m.webhooksText}</p>
      <p>
        <a href={pagePath(ctx.locale, 'adminWebhooks')}>{m.webhooksLink}</a>
      </p>
    </section>
  );
}

export function EmailSection({ ctx }: { ctx: PageContext }) {
  const m = feedsPageMessages[ctx.locale];
  return (
    <section aria-labelledby="feeds-email">
      <h2 id="feeds-email">{m.emailHeading}</h2>
      <p>{m.emailText}</p>
      <p>
        <a href={pagePath(ctx.locale, 'subscribe')}>{m.emailLink}</a>
      </p>
    </section>
  );
}
