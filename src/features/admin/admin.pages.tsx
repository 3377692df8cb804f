import type { FastifyInstance } from 'fastify';
import { pagePath } from '../../http/page-paths.js';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { AdminLayout, adminSections } from '../../views/admin-layout.js';
import { PageHeading } from '../../views/components/page-heading.js';

/** The admin area's front page: the sections this user may use. */
export async function adminPages(app: FastifyInstance) {
  getPage(app, 'admin', '', 'useAdminArea', async (locale, request) => {
    const ctx = pageContext(request, locale, { current: 'admin' });
    const principal = request.principal!;
    const { t } = ctx;
    return (
      <AdminLayout ctx={ctx} title={t.admin.title} section="admin">
        <PageHeading title={t.admin.title} />
        <ul class="card-list">
          {adminSections
            .filter((s) => s.allowed(principal))
            .map((s) => (
              <li class="card">
                <a href={pagePath(locale, s.page)}>{t.admin[s.label]}</a>
              </li>
            ))}
        </ul>
      </AdminLayout>
    );
  });
}
