import type { IndicatorUnit } from '../../../db/schema.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatCalendarDate, formatMoney, formatNumber, formatRate } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import { DemoTag } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { callsMessages } from '../../calls/calls.messages.js';
import { LocalText, localText } from '../../calls/views/calls.parts.js';
import type { Region } from '../../regions/regions.repository.js';
import { projectsPublicMessages } from '../projects.public.messages.js';
import type { PublicIndicator, PublicProject } from '../projects.public.repository.js';
import { ProjectFundingTable } from './project-funding-table.js';
import { regionName } from './projects-search.js';

/** An indicator value in hundredths, in its unit: euros as money. */
export function formatIndicator(hundredths: number, unit: IndicatorUnit, locale: Locale): string {
  if (unit === 'eur') return formatMoney(hundredths, locale);
  const number = formatNumber(hundredths / 100, locale);
  return unit === 'percent' && locale === 'en' ? `${number}%` : `${number} ${projectsPublicMessages[locale].units[unit]}`;
}

const councilName = (regions: readonly Region[], code: string, locale: Locale) => regions.find((r) => r.code === code)?.council.name[locale] ?? code;

/**
 * A funded project's public page: what it is, who carries it out where, each council's grant and
 * decision, how its reporting stands, what it has spent and achieved by its accepted reports.
 */
export function ProjectPage({ ctx, found, regions }: { ctx: PageContext; found: PublicProject; regions: readonly Region[] }) {
  const { locale, t } = ctx;
  const m = projectsPublicMessages[locale];
  const p = found.project;
  const title = p.title.trim() === '' ? m.untitled : p.title;
  const money = (cents: number) => formatMoney(cents, locale, { wholeEuros: true });
  const date = (iso: string) => formatCalendarDate(iso, locale);
  const lead = p.partners.find((x) => x.isLead);
  return (
    <Layout ctx={ctx} title={title} description={p.summary.slice(0, 200)}>
      <nav aria-label={t.site.breadcrumb} class="breadcrumb">
        <ol>
          <li>
            <a href={pagePath(locale, 'home')}>{t.nav.home}</a>
          </li>
          <li>
            <a href={pagePath(locale, 'projects')}>{m.breadcrumb}</a>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <div class="page-heading">
        <h1>
          {title}
          {p.isDemo ? (
            <>
              {' '}
              <DemoTag label={t.site.demoBadge} />
            </>
          ) : null}
        </h1>
        <p>
          <span class={p.status === 'completed' ? 'tag tag--neutral' : 'tag tag--info'}>{m.statuses[p.status]}</span>
        </p>
      </div>

      <section aria-labelledby="project-summary">
        <h2 id="project-summary">{m.summaryHeading}</h2>
        {p.summary
          .split(/\r?\n\s*\r?\n/)
          .map((para) => para.trim())
          .filter((para) => para !== '')
          .map((para) => (
            <p class="project-summary">{para}</p>
          ))}
      </section>

      <section aria-labelledby="project-facts">
        <h2 id="project-facts">{m.factsHeading}</h2>
        <dl class="facts">
          {lead ? (
            <div>
              <dt>{m.leadOrganisation}</dt>
              <dd>{lead.name}</dd>
            </div>
          ) : null}
          {p.priority ? (
            <div>
              <dt>{m.priority}</dt>
              <dd>
                <LocalText text={p.priority.name} locale={locale} />
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{m.callLabel}</dt>
            <dd>
              <a href={pagePath(locale, 'calls', String(p.callId))}>
                <LocalText text={p.callTitle} locale={locale} />
              </a>{' '}
              ({p.callReference})
            </dd>
          </div>
          <div>
            <dt>{m.instrument}</dt>
            <dd>{callsMessages[locale].instruments[p.instrument as keyof (typeof callsMessages)['fi']['instruments']] ?? p.instrument}</dd>
          </div>
          <div>
            <dt>{m.duration}</dt>
            <dd>{p.startDate && p.endDate ? m.durationValue(date(p.startDate), date(p.endDate)) : m.notSet}</dd>
          </div>
          <div>
            <dt>{m.decisionYear}</dt>
            <dd>{p.decisionYear}</dd>
          </div>
          <div>
            <dt>{m.grantedTotal}</dt>
            <dd>{money(p.grantedCents)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="project-partners">
        <h2 id="project-partners">{m.partnersHeading}</h2>
        <ScrollTable id="project-partners-caption" caption={m.partnersCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colOrganisation}</th>
              <th scope="col">{m.colRegion}</th>
              <th scope="col">{m.colRole}</th>
            </tr>
          </thead>
          <tbody>
            {p.partners.map((x) => (
              <tr>
                <th scope="row">
                  <a href={`${pagePath(locale, 'projects')}?organisation=${x.organisationId}`}>
                    {x.name}
                    <span class="visually-hidden"> – {m.otherProjects(x.name)}</span>
                  </a>
                </th>
                <td>{regionName(regions, x.regionCode, locale)}</td>
                <td>{x.isLead ? m.leadRole : m.partnerRole}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>

      <section aria-labelledby="project-funding">
        <h2 id="project-funding">{m.fundingHeading}</h2>
        <ProjectFundingTable
          locale={locale}
          id="project-funding-caption"
          caption={m.fundingCaption}
          funding={p.funding}
          councilName={(code) => councilName(regions, code, locale)}
          totalCents={p.grantedCents}
          wholeEuros
        />
      </section>

      <Progress ctx={ctx} found={found} />
      <Indicators ctx={ctx} indicators={found.indicators} />

      <p class="muted">{m.publicity}</p>
      <p>
        <a href={pagePath(locale, 'projects')}>{m.backToSearch}</a>
      </p>
    </Layout>
  );
}

function Progress({ ctx, found }: { ctx: PageContext; found: PublicProject }) {
  const { locale } = ctx;
  const m = projectsPublicMessages[locale];
  const { progress, spending } = found;
  const date = (iso: string) => formatCalendarDate(iso, locale);
  return (
    <section aria-labelledby="project-progress">
      <h2 id="project-progress">{m.progressHeading}</h2>
      {progress.periods.length === 0 ? (
        <p>{m.noPeriods}</p>
      ) : (
        <>
          <p>
            {m.progressSummary(progress.accepted, progress.periods.length)} {progress.late > 0 ? m.lateSummary(progress.late) : m.noneLate}
          </p>
          <ScrollTable id="project-periods-caption" caption={m.periodsCaption}>
            <thead>
              <tr>
                <th scope="col">{m.colPeriod}</th>
                <th scope="col">{m.colDue}</th>
                <th scope="col">{m.colState}</th>
              </tr>
            </thead>
            <tbody>
              {progress.periods.map((period) => (
                <tr>
                  <th scope="row">
                    {m.kinds[period.kind]} {m.durationValue(date(period.start), date(period.end))}
                  </th>
                  <td>{date(period.due)}</td>
                  <td>
                    {m.states[period.state]}
                    {period.late && period.state !== 'late' && period.state !== 'submitted-late' ? ` (${m.lateMark})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      )}
      <h3>{m.spendingHeading}</h3>
      {spending ? (
        <p>
          {m.spendingText(
            formatMoney(spending.spentCents, locale, { wholeEuros: true }),
            formatMoney(found.project.grantedCents, locale, { wholeEuros: true }),
            formatRate(spending.shareBp, locale),
          )}{' '}
          {progress.acceptedUntil ? m.spendingUntil(date(progress.acceptedUntil)) : null}
        </p>
      ) : (
        <p>{m.noSpending}</p>
      )}
    </section>
  );
}

function Indicators({ ctx, indicators }: { ctx: PageContext; indicators: readonly PublicIndicator[] }) {
  const { locale } = ctx;
  const m = projectsPublicMessages[locale];
  return (
    <section aria-labelledby="project-indicators">
      <h2 id="project-indicators">{m.indicatorsHeading}</h2>
      {indicators.length === 0 ? (
        <p>{m.noIndicators}</p>
      ) : (
        <ScrollTable id="project-indicators-caption" caption={m.indicatorsCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colIndicator}</th>
              <th scope="col" class="numeric">
                {m.colTarget}
              </th>
              <th scope="col" class="numeric">
                {m.colValue}
              </th>
              <th scope="col" class="numeric">
                {m.colAchieved}
              </th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((i) => (
              <tr>
                <th scope="row">
                  {localText(i.name, locale).text} <span class="muted">({i.code})</span>
                </th>
                <td class="numeric">{formatIndicator(i.targetHundredths, i.unit, locale)}</td>
                <td class="numeric">{i.valueHundredths === null ? m.notReported : formatIndicator(i.valueHundredths, i.unit, locale)}</td>
                <td class="numeric">
                  {i.valueHundredths === null || i.targetHundredths <= 0 ? '–' : formatRate(Math.round((i.valueHundredths * 10_000) / i.targetHundredths), locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
