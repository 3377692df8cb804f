import { pagePath } from '../../../http/page-paths.js';
import { DemoTag, PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import type { ReportingPeriod } from '../projects.repository.js';
import type { ReportState } from '../reports.messages.js';
import { reportsMessages } from '../reports.messages.js';
import type { MemberProject } from '../reports.repository.js';
import { ReportStateTag, dateOf } from './report-parts.js';

export interface MyProjectRow {
  project: MemberProject;
  /** True when the user is a member of the lead partner: they report; partners only follow. */
  isLead: boolean;
  next: { period: ReportingPeriod; state: ReportState } | null;
}

/** The funded projects of the user's organisations, each with the report due next and where it stands. */
export function MyProjectsPage({ ctx, rows }: { ctx: PageContext; rows: readonly MyProjectRow[] }) {
  const { locale, t } = ctx;
  const m = reportsMessages[locale];
  return (
    <Layout ctx={ctx} title={m.listTitle}>
      <PageHeading title={m.listTitle} lead={m.listLead} />
      {rows.length === 0 ? (
        <p>{m.listEmpty}</p>
      ) : (
        <ScrollTable id="my-projects-caption" caption={m.listCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colProject}</th>
              <th scope="col">{m.colRole}</th>
              <th scope="col">{m.colNextReport}</th>
              <th scope="col">{m.colState}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ project, isLead, next }) => (
              <tr>
                <th scope="row">
                  {isLead ? (
                    <a href={pagePath(locale, 'myProjects', String(project.id))}>{project.title}</a>
                  ) : (
                    <a href={pagePath(locale, 'projects', String(project.id))}>{project.title}</a>
                  )}
                  {project.isDemo ? (
                    <>
                      {' '}
                      <DemoTag label={t.site.demoBadge} />
                    </>
                  ) : null}
                  <span class="my-projects__lead muted">
                    {m.leadOrganisation}: {project.leadOrganisationName}
                  </span>
                </th>
                <td>{isLead ? m.roleLead : m.rolePartner}</td>
                <td>
                  {next ? (
                    next.state === 'accepted' ? (
                      m.allAccepted
                    ) : (
                      m.nextReport(m.kinds[next.period.kind], dateOf(next.period.end, locale), dateOf(next.period.due, locale))
                    )
                  ) : (
                    <span class="muted">{m.noPeriods}</span>
                  )}
                  {isLead ? null : <span class="my-projects__note muted">{m.partnerNote}</span>}
                </td>
                <td>{next ? <ReportStateTag state={next.state} locale={locale} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </Layout>
  );
}
