import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { helsinkiYear } from '../../domain/helsinki-time.js';
import { AppError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';
import { chairOfYearWithRegion } from '../chair/chair.service.js';
import { MemberCard } from '../expert-group/expert-group.views.js';
import { listExpertGroupMembers, type ExpertGroupMember } from '../expert-group/expert-group.repository.js';
import { strategyCatalogue } from '../strategy/strategy.service.js';
import type { Priority } from '../strategy/strategy.repository.js';
import { findRegionBySlug, listGrowthSectors, listRegions, type GrowthSector, type Region } from './regions.repository.js';

export async function regionsPages(app: FastifyInstance) {
  getPage(app, 'regions', '', 'public', async (locale, request) => {
    const db = app.database.db;
    const [regions, sectors, chair] = await Promise.all([
      listRegions(db),
      listGrowthSectors(db),
      chairOfYearWithRegion(db, helsinkiYear(app.now())),
    ]);
    const ctx = pageContext(request, locale, { current: 'regions' });
    return <RegionsPage ctx={ctx} regions={regions} sectors={sectors} chairCode={chair.ok ? chair.region.code : undefined} />;
  });

  getPage(app, 'regions', '/:slug', 'public', async (locale, request) => {
      const { slug } = request.params as { slug: string };
      const db = app.database.db;
      const region = await findRegionBySlug(db, slug);
      if (!region) throw new AppError('REGION_NOT_FOUND');
      const [sectors, members, catalogue, chair] = await Promise.all([
        listGrowthSectors(db, { regionCode: region.code }),
        listExpertGroupMembers(db, { regionCode: region.code }),
        strategyCatalogue(db, app.now()),
        chairOfYearWithRegion(db, helsinkiYear(app.now())),
      ]);
      const ctx = pageContext(request, locale, { current: 'regions', alternates: alternatePaths('regions', slug) });
      return (
        <RegionPage
          ctx={ctx}
          region={region}
          sectors={sectors}
          members={members}
          priorities={catalogue.current?.priorities ?? []}
          isChair={chair.ok && chair.region.code === region.code}
        />
      );
    },
    { schema: { params: Type.Object({ slug: Type.String({ maxLength: 64 }) }) } },
  );
}

function RegionsPage(props: { ctx: PageContext; regions: Region[]; sectors: GrowthSector[]; chairCode: string | undefined }) {
  const { ctx, regions, sectors, chairCode } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t.regions.title}>
      <PageHeading title={t.regions.title} lead={t.regions.lead} />
      <ul class="region-grid">
        {regions.map((region) => {
          const own = sectors.filter((s) => s.regionCode === region.code);
          return (
            <li class="card region-card">
              <h2>
                <a href={pagePath(locale, 'regions', region.slug)}>{region.name[locale]}</a>
              </h2>
              {region.code === chairCode ? <p class="tag tag--highlight">{t.regions.chairThisYear}</p> : null}
              <p>{region.council.name[locale]}</p>
              <dl class="facts facts--inline">
                <div>
                  <dt>{t.regions.code}</dt>
                  <dd>{region.code}</dd>
                </div>
                <div>
                  <dt>{t.regions.nuts3}</dt>
                  <dd>{region.nuts3}</dd>
                </div>
              </dl>
              {own.length > 0 ? (
                <p class="muted">
                  {t.regions.growthSectors}: {own.map((s) => s.name[locale]).join(', ')}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}

function RegionPage(props: {
  ctx: PageContext;
  region: Region;
  sectors: GrowthSector[];
  members: ExpertGroupMember[];
  priorities: readonly Priority[];
  isChair: boolean;
}) {
  const { ctx, region, sectors, members, priorities, isChair } = props;
  const { t, locale } = ctx;
  const priorityById = new Map(priorities.map((p) => [p.id, p]));
  return (
    <Layout ctx={ctx} title={region.name[locale]}>
      <nav aria-label={t.site.breadcrumb} class="breadcrumb">
        <ol>
          <li>
            <a href={pagePath(locale, 'home')}>{t.nav.home}</a>
          </li>
          <li>
            <a href={pagePath(locale, 'regions')}>{t.regions.title}</a>
          </li>
          <li aria-current="page">{region.name[locale]}</li>
        </ol>
      </nav>
      <PageHeading title={region.name[locale]} lead={region.council.name[locale]}>
        {isChair ? <p class="tag tag--highlight">{t.regions.chairThisYear}</p> : null}
      </PageHeading>
      <dl class="facts">
        <div>
          <dt>{t.regions.council}</dt>
          <dd>{region.council.name[locale]}</dd>
        </div>
        <div>
          <dt>{t.regions.website}</dt>
          <dd>
            <a href={region.council.website}>{region.council.website.replace(/^https?:\/\//, '')}</a>
          </dd>
        </div>
        <div>
          <dt>{t.regions.code}</dt>
          <dd>{region.code}</dd>
        </div>
        <div>
          <dt>{t.regions.nuts3}</dt>
          <dd>{region.nuts3}</dd>
        </div>
      </dl>

      <h2>{t.regions.growthSectors}</h2>
      {sectors.length > 0 ? (
        <ul class="sector-cards">
          {sectors.map((s) => (
            <li class="card">
              <h3>{s.name[locale]}</h3>
              {s.priorityIds.some((id) => priorityById.has(id)) ? (
                <p>
                  <span class="muted">{t.regions.linkedPriorities}: </span>
                  {s.priorityIds
                    .map((id) => priorityById.get(id))
                    .filter((p): p is Priority => p !== undefined)
                    .map((p, i) => (
                      <>
                        {i > 0 ? ', ' : ''}
                        <a href={`${pagePath(locale, 'strategy')}#${p.slug}`}>{p.name[locale]}</a>
                      </>
                    ))}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t.regions.noGrowthSectors}</p>
      )}

      <h2>{t.regions.expertGroupMembers}</h2>
      {members.length > 0 ? (
        <ul class="member-grid">
          {members.map((m) => (
            <MemberCard ctx={ctx} member={m} />
          ))}
        </ul>
      ) : (
        <p class="muted">{t.expertGroup.noMembers}</p>
      )}
    </Layout>
  );
}
