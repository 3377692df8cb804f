import type { ComponentChildren } from 'preact';
import { pagePath, type PageId } from '../http/page-paths.js';
import { policies } from '../policies/policies.js';
import type { Principal } from '../policies/principal.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

type AdminSection = Exclude<keyof PageContext['t']['admin'], 'title' | 'navigation'>;

/** The admin area's sections, each shown only to those whose policy lets them in. */
export const adminSections: ReadonlyArray<{ page: PageId; label: AdminSection; allowed: (p: Principal) => boolean }> = [
  { page: 'adminCalls', label: 'calls', allowed: policies.manageCalls },
  { page: 'adminNews', label: 'news', allowed: policies.manageNews },
  { page: 'adminProjects', label: 'projects', allowed: policies.manageProjects },
  { page: 'adminIndicators', label: 'indicators', allowed: policies.manageIndicators },
  { page: 'adminUsers', label: 'users', allowed: (p) => policies.manageUsers(p) || policies.inviteOfficials(p) },
  { page: 'adminOrganisations', label: 'organisations', allowed: policies.manageOrganisations },
  { page: 'adminExpertGroup', label: 'expertGroup', allowed: (p) => policies.manageExpertGroup(p) },
  { page: 'adminStrategy', label: 'strategy', allowed: policies.manageStrategy },
  { page: 'adminGrowthSectors', label: 'growthSectors', allowed: policies.manageStrategy },
  { page: 'adminChair', label: 'chair', allowed: policies.manageChair },
  { page: 'adminAudit', label: 'audit', allowed: policies.viewAuditLog },
  { page: 'adminWebhooks', label: 'webhooks', allowed: policies.manageWebhooks },
  { page: 'adminEmail', label: 'email', allowed: policies.readKeptEmail },
  { page: 'adminApiTokens', label: 'apiTokens', allowed: policies.manageApiTokens },
];

/** The site layout with the admin area's own navigation beside the content. */
export function AdminLayout({
  ctx,
  title,
  section,
  children,
}: {
  ctx: PageContext;
  title: string;
  /** The admin page this is, to mark in the navigation. */
  section: PageId;
  children: ComponentChildren;
}) {
  const { t, locale, viewer } = ctx;
  const visible = viewer ? adminSections.filter((s) => s.allowed(viewer.principal)) : [];
  return (
    <Layout ctx={{ ...ctx, current: section }} title={title}>
      <div class="admin">
        <nav class="admin__nav" aria-label={t.admin.navigation}>
          <p class="admin__nav-title">
            <a href={pagePath(locale, 'admin')} aria-current={ctx.exactPage === 'admin' ? 'page' : undefined}>
              {t.admin.title}
            </a>
          </p>
          <ul>
            {visible.map((s) => (
              <li>
                <a href={pagePath(locale, s.page)} aria-current={s.page === ctx.exactPage ? 'page' : s.page === section ? 'true' : undefined}>
                  {t.admin[s.label]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="admin__content">{children}</div>
      </div>
    </Layout>
  );
}
