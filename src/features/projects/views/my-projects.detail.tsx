import { pagePath } from '../../../http/page-paths.js';
import { formatMoney } from '../../../i18n/format.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Region } from '../../regions/regions.repository.js';
import type { ProjectDetails, ProjectIndicator, ReportingPeriod } from '../projects.repository.js';
import { reportsMessages, type ReportState } from '../reports.messages.js';
import { ProjectFundingTable } from './project-funding-table.js';
import { ReportStateTag, dateOf, formatIndicatorValue, periodLabel } from './report-parts.js';

export interface OverviewPeriod {
  period: ReportingPeriod;
  state: ReportState;
  submittedLate: boolean;
}

export interface OverviewIndicator {
  indicator: ProjectIndicator;
  computed: boolean;
  /** The value in the latest accepted report, if any. */
  acceptedHundredths: number | null;
}

/** A project as its lead partner's members see it: partners, grants, indicators and the reports to write. */
export function ProjectOverviewPage(props: { ctx: PageContext; project: ProjectDetails; regions: readonly Region[]; periods: readonly OverviewPeriod[]; indicators: readonly OverviewIndicator[] }) {
  const { ctx, project, regions } = props;
  const { locale } = ctx;
  const m = reportsMessages[locale];
  const money = (cents: number) => formatMoney(cents, locale);
  const regionName = (code: string) => regions.find((r) => r.code === code)?.name[locale] ?? code;
  const councilName = (code: string) => regions.find((r) => r.code === code)?.council.name[locale] ?? code;
  const id = String(project.id);
  return (
    <Layout ctx={ctx} title={project.title}>
      <p class="back-link">
        <a href={pagePath(locale, 'myProjects')}>{m.backToList}</a>
      </p>
      <PageHeading title={project.title} lead={m.overviewLead} />

      <h2>{m.factsHeading}</h2>
      <dl class="summary-list">
        <div>
          <dt>{m.call}</dt>
          <dd>
            {project.callReference} {project.callTitle[locale]}
          </dd>
        </div>
        <div>
          <dt>{m.priority}</dt>
          <dd>{project.priority ? project.priority.name[locale] : m.notSet}</dd>
        </div>
        <div>
          <dt>{m.duration}</dt>
          <dd>{project.startDate && project.endDate ? m.durationValue(dateOf(project.startDate, locale), dateOf(project.endDate, locale)) : m.notSet}</dd>
        </div>
        <div>
          <dt>{m.grantedTotal}</dt>
          <dd>{money(project.grantedCents)}</dd>
        </div>
        <div>
          <dt>{m.projectStatus}</dt>
          <dd>{m.projectStatuses[project.status]}</dd>
        </div>
      </dl>

      <h2>{m.periodsHeading}</h2>
      {props.periods.length === 0 ? (
        <p>{m.periodsNone}</p>
      ) : (
        <ScrollTable id="project-periods-caption" caption={m.periodsCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colPeriod}</th>
              <th scope="col">{m.colDue}</th>
              <th scope="col">{m.colState}</th>
              <th scope="col">{m.colAction}</th>
            </tr>
          </thead>
          <tbody>
            {props.periods.map(({ period, state, submittedLate }) => {
              const status = period.report?.status ?? null;
              const action = status === null ? m.actionStart : status === 'draft' ? m.actionContinue : status === 'returned' ? m.actionFix : m.actionView;
              return (
                <tr>
                  <th scope="row">{periodLabel(period, locale)}</th>
                  <td>{dateOf(period.due, locale)}</td>
                  <td>
                    <ReportStateTag state={state} locale={locale} />
                    {submittedLate ? <span class="muted"> ({m.submittedLate})</span> : null}
                  </td>
                  <td>
                    <a href={pagePath(locale, 'myProjects', id, 'reports', String(period.id))} aria-label={`${action}: ${periodLabel(period, locale)}`}>
                      {action}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      )}

      <h2>{m.partnersHeading}</h2>
      <ScrollTable id="project-partners-caption" caption={m.partnersCaption}>
        <thead>
          <tr>
            <th scope="col">{m.colPartner}</th>
            <th scope="col">{m.colRegion}</th>
            <th scope="col">{m.colRole}</th>
            <th scope="col" class="numeric">
              {m.colRequested}
            </th>
          </tr>
        </thead>
        <tbody>
          {project.partners.map((p) => (
            <tr>
              <th scope="row">{p.organisationName}</th>
              <td>{regionName(p.regionCode)}</td>
              <td>{p.isLead ? m.roleLead : m.rolePartner}</td>
              <td class="numeric">{money(p.requestedCents)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>

      <h2>{m.fundingHeading}</h2>
      <ProjectFundingTable locale={locale} id="project-funding-caption" caption={m.fundingCaption} funding={project.funding} councilName={councilName} totalCents={project.grantedCents} />

      <h2>{m.indicatorsHeading}</h2>
      {props.indicators.length === 0 ? (
        <p>{m.indicatorsNone}</p>
      ) : (
        <ScrollTable id="project-indicators-caption" caption={m.indicatorsCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colIndicator}</th>
              <th scope="col" class="numeric">
                {m.colTarget}
              </th>
              <th scope="col" class="numeric">
                {m.colAccepted}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.indicators.map(({ indicator, computed, acceptedHundredths }) => (
              <tr>
                <th scope="row">
                  {indicator.name[locale]} <span class="muted">({indicator.code})</span>
                </th>
                <td class="numeric">{formatIndicatorValue(indicator.targetHundredths, indicator.unit, locale)}</td>
                <td class="numeric">
                  {computed ? (
                    <span class="muted">{m.computed}</span>
                  ) : acceptedHundredths === null ? (
                    <span class="muted">{m.noneYet}</span>
                  ) : (
                    formatIndicatorValue(acceptedHundredths, indicator.unit, locale)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </Layout>
  );
}
