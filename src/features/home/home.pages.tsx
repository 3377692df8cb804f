import type { FastifyInstance } from 'fastify';
import { pagePath } from '../../http/page-paths.js';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { formatDate } from '../../i18n/format.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';
import { chairNow, type ChairNow } from '../chair/chair.service.js';
import { listPublicCalls, type PublicCallSummary } from '../calls/calls.public.repository.js';
import { HomeCalls } from '../calls/views/calls.home.js';
import { strategyCatalogue, type StrategyVersion } from '../strategy/strategy.service.js';

export async function homePages(app: FastifyInstance) {
  getPage(app, 'home', '', 'public', async (locale, request) => {
    const now = app.now();
    const db = app.database.db;
    const [chair, { current }, open, coming] = await Promise.all([
      chairNow(db, now),
      strategyCatalogue(db, now),
      listPublicCalls(db, { phase: 'open' }, now),
      listPublicCalls(db, { phase: 'published' }, now),
    ]);
    const calls = {
      open: [...open.items].sort((a, b) => a.closesAt.localeCompare(b.closesAt)).slice(0, 3),
      coming: [...coming.items].sort((a, b) => a.opensAt.localeCompare(b.opensAt)).slice(0, 3),
    };
    const ctx = pageContext(request, locale, { current: 'home' });
    return <HomePage ctx={ctx} chair={chair} strategy={current} calls={calls} />;
  });
}

function HomePage(props: {
  ctx: PageContext;
  chair: ChairNow;
  strategy: StrategyVersion | undefined;
  calls: { open: PublicCallSummary[]; coming: PublicCallSummary[] };
}) {
  const { ctx, chair, strategy, calls } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t.home.title}>
      <div class="hero">
        <h1>{t.home.title}</h1>
        <p class="lead">{t.home.lead}</p>
      </div>

      <div class="home-grid">
        <section class="card card--highlight" aria-labelledby="chair-heading">
          {chair.current.ok ? (
            <>
              <h2 id="chair-heading">{t.home.chairHeading(chair.current.year)}</h2>
              <p class="card__big">
                <a href={pagePath(locale, 'regions', chair.current.region.slug)}>{chair.current.region.name[locale]}</a>
              </p>
              <p>{t.home.chairCoordinates(chair.current.region.council.name[locale])}</p>
              {chair.next.ok ? (
                <p class="muted">{t.home.chairNext(chair.next.region.name[locale], formatDate(chair.handoverAt, locale))}</p>
              ) : null}
            </>
          ) : (
            <>
              <h2 id="chair-heading">{t.home.chairHeading(chair.current.year)}</h2>
              <p>{t.home.chairNone}</p>
            </>
          )}
        </section>

        <section class="card" aria-labelledby="calls-heading">
          <h2 id="calls-heading">{t.home.callsHeading}</h2>
          <HomeCalls ctx={ctx} open={calls.open} coming={calls.coming} />
        </section>

        <section class="card" aria-labelledby="news-heading">
          <h2 id="news-heading">{t.home.newsHeading}</h2>
          <p>{t.home.newsText}</p>
        </section>
      </div>

      {strategy ? (
        <section aria-labelledby="priorities-heading">
          <h2 id="priorities-heading">{t.home.prioritiesHeading}</h2>
          <ul class="priority-list">
            {strategy.priorities.map((p) => (
              <li class="priority-card">
                <h3>
                  <a href={`${pagePath(locale, 'strategy')}#${p.slug}`}>{p.name[locale]}</a>
                </h3>
                <p>{p.description[locale]}</p>
              </li>
            ))}
          </ul>
          <p>
            <a class="button" href={pagePath(locale, 'strategy')}>
              {t.home.readStrategy}
            </a>
          </p>
        </section>
      ) : null}

      <section class="about" aria-labelledby="about-heading">
        <h2 id="about-heading">{t.home.aboutHeading}</h2>
        {t.home.about.map((paragraph) => (
          <p>{paragraph}</p>
        ))}
        <ul class="link-list">
          <li>
            <a href={pagePath(locale, 'regions')}>{t.home.seeRegions}</a>
          </li>
          <li>
            <a href={pagePath(locale, 'expertGroup')}>{t.home.meetExpertGroup}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
