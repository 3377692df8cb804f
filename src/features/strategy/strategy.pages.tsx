import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { formatCalendarDate } from '../../i18n/format.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';
import type { PriorityWithSectors, StrategyVersion } from './strategy.service.js';
import { strategyCatalogue } from './strategy.service.js';

export async function strategyPages(app: FastifyInstance) {
  getPage(app, 'strategy', '', 'public', async (locale, request) => {
    const { versions, current } = await strategyCatalogue(app.database.db, app.now());
    const ctx = pageContext(request, locale, { current: 'strategy' });
    return <StrategyPage ctx={ctx} shown={current} others={versions.filter((v) => v !== current)} />;
  });

  getPage(app, 'strategy', '/:slug', 'public', async (locale, request) => {
      const { slug } = request.params as { slug: string };
      const { versions } = await strategyCatalogue(app.database.db, app.now());
      const shown = versions.find((v) => v.slug === slug);
      if (!shown) throw new AppError('STRATEGY_NOT_FOUND');
      const ctx = pageContext(request, locale, { current: 'strategy', alternates: alternatePaths('strategy', slug) });
      return <StrategyPage ctx={ctx} shown={shown} others={versions.filter((v) => v !== shown)} />;
    },
    { schema: { params: Type.Object({ slug: Type.String({ maxLength: 64 }) }) } },
  );
}

function validity(ctx: PageContext, version: StrategyVersion): string {
  const from = formatCalendarDate(version.validFrom, ctx.locale);
  return ctx.t.strategy.validity(from, version.validTo ? formatCalendarDate(version.validTo, ctx.locale) : null);
}

function StrategyPage({ ctx, shown, others }: { ctx: PageContext; shown: StrategyVersion | undefined; others: StrategyVersion[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={shown ? shown.name[locale] : t.strategy.title} description={shown?.summary[locale]}>
      {shown ? (
        <>
          <PageHeading title={shown.name[locale]} lead={shown.summary[locale]}>
            <p class="meta">
              {shown.status === 'in-force' ? <span class="tag tag--success">{t.strategy.inForce}</span> : null}
              {shown.status === 'earlier' ? <span class="tag">{t.strategy.earlierVersion}</span> : null} {validity(ctx, shown)}
            </p>
          </PageHeading>
          <h2>{t.strategy.priorities}</h2>
          <ol class="priority-sections" role="list">
            {shown.priorities.map((p) => (
              <PrioritySection ctx={ctx} priority={p} />
            ))}
          </ol>
        </>
      ) : (
        <PageHeading title={t.strategy.title} lead={t.strategy.none} />
      )}
      {others.length > 0 ? (
        <section aria-labelledby="versions-heading" class="versions">
          <h2 id="versions-heading">{shown?.status === 'in-force' ? t.strategy.earlierVersions : t.strategy.backToCurrent}</h2>
          <ul class="link-list">
            {others.map((v) => (
              <li>
                <a href={v.status === 'in-force' ? pagePath(locale, 'strategy') : pagePath(locale, 'strategy', v.slug)}>{v.name[locale]}</a>
                <span class="muted"> – {validity(ctx, v)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

function PrioritySection({ ctx, priority }: { ctx: PageContext; priority: PriorityWithSectors }) {
  const { t, locale } = ctx;
  const byRegion = new Map<string, { regionName: string; regionSlug: string; sectors: string[] }>();
  for (const { sector, region } of priority.sectors) {
    const entry = byRegion.get(region.code) ?? { regionName: region.name[locale], regionSlug: region.slug, sectors: [] };
    entry.sectors.push(sector.name[locale]);
    byRegion.set(region.code, entry);
  }
  return (
    <li class="priority-section" id={priority.slug}>
      <h3>{priority.name[locale]}</h3>
      <p>{priority.description[locale]}</p>
      <h4>{t.strategy.relatedSectors}</h4>
      {byRegion.size > 0 ? (
        <dl class="sector-list">
          {[...byRegion.values()].map((entry) => (
            <div>
              <dt>
                <a href={pagePath(locale, 'regions', entry.regionSlug)}>{entry.regionName}</a>
              </dt>
              <dd>{entry.sectors.join(', ')}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p class="muted">{t.strategy.noRelatedSectors}</p>
      )}
    </li>
  );
}
