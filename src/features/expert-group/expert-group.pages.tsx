import type { FastifyInstance } from 'fastify';
import { pagePath } from '../../http/page-paths.js';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';
import { listRegions, type Region } from '../regions/regions.repository.js';
import { listExpertGroupMembers, type ExpertGroupMember } from './expert-group.repository.js';
import { MemberCard } from './expert-group.views.js';

export async function expertGroupPages(app: FastifyInstance) {
  getPage(app, 'expertGroup', '', 'public', async (locale, request) => {
    const [members, regions] = await Promise.all([listExpertGroupMembers(app.database.db), listRegions(app.database.db)]);
    const ctx = pageContext(request, locale, { current: 'expertGroup' });
    return <ExpertGroupPage ctx={ctx} members={members} regions={regions} />;
  });
}

function ExpertGroupPage({ ctx, members, regions }: { ctx: PageContext; members: ExpertGroupMember[]; regions: Region[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t.expertGroup.title}>
      <PageHeading title={t.expertGroup.title} lead={t.expertGroup.lead} />
      {members.some((m) => m.isDemo) ? (
        <div class="notice notice--warning">
          <p>{t.expertGroup.demoNotice}</p>
        </div>
      ) : null}
      {regions.map((region) => {
        const own = members.filter((m) => m.regionCode === region.code);
        return (
          <section aria-labelledby={`region-${region.code}`} class="member-region">
            <h2 id={`region-${region.code}`}>
              <a href={pagePath(locale, 'regions', region.slug)}>{region.name[locale]}</a>
            </h2>
            <p class="muted">{region.council.name[locale]}</p>
            {own.length > 0 ? (
              <ul class="member-grid">
                {own.map((m) => (
                  <MemberCard ctx={ctx} member={m} />
                ))}
              </ul>
            ) : (
              <p>{t.expertGroup.noMembers}</p>
            )}
          </section>
        );
      })}
    </Layout>
  );
}
