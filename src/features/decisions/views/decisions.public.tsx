import { pagePath } from '../../../http/page-paths.js';
import { formatCalendarDate, formatDate, formatMoney } from '../../../i18n/format.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { LocalText, localText } from '../../calls/views/calls.parts.js';
import type { Region } from '../../regions/regions.repository.js';
import { decisionsPublicMessages } from '../decisions.public.messages.js';
import type { FundedProject, PublicCouncil, PublicDecisions } from '../decisions.public.repository.js';

/**
 * A call's public decisions: each council's budget, what it granted and its decision, then the
 * projects whose funding is final and granted, with the amount from each council.
 */
export function DecisionsPage(props: { ctx: PageContext; decisions: PublicDecisions; regions: readonly Region[] }) {
  const { ctx, decisions, regions } = props;
  const { locale, t } = ctx;
  const m = decisionsPublicMessages[locale];
  const call = decisions.call;
  const callTitle = localText(call.title, locale).text;
  const callPath = pagePath(locale, 'calls', String(call.id));
  const anyDecision = decisions.councils.some((c) => c.decision !== null);
  return (
    <Layout ctx={ctx} title={m.title(callTitle)}>
      <nav aria-label={t.site.breadcrumb} class="breadcrumb">
        <ol>
          <li>
            <a href={pagePath(locale, 'home')}>{t.nav.home}</a>
          </li>
          <li>
            <a href={pagePath(locale, 'calls')}>{t.nav.calls}</a>
          </li>
          <li>
            <a href={callPath}>
              <LocalText text={call.title} locale={locale} />
            </a>
          </li>
          <li aria-current="page">{m.breadcrumb}</li>
        </ol>
      </nav>
      <div class="page-heading">
        <h1>
          {m.breadcrumb}: <LocalText text={call.title} locale={locale} />
        </h1>
        <p class="lead">{m.lead}</p>
      </div>

      {decisions.projects.length === 0 ? (
        <div class="panel decisions-status" role="status">
          <p>{anyDecision ? m.noneFinal : m.nothingDecided}</p>
        </div>
      ) : null}

      <h2>{m.councilsHeading}</h2>
      <CouncilsTable ctx={ctx} decisions={decisions} regions={regions} />
      <p class="muted">{m.councilsNote}</p>

      {decisions.projects.length > 0 ? (
        <section aria-labelledby="funded-projects">
          <h2 id="funded-projects">{m.projectsHeading}</h2>
          <p>{m.projectsLead(decisions.projects.length)}</p>
          <p class="muted">{m.projectsPublicity}</p>
          <ol class="decision-projects">
            {decisions.projects.map((p) => (
              <ProjectItem ctx={ctx} project={p} regions={regions} />
            ))}
          </ol>
        </section>
      ) : null}

      <p>
        <a href={callPath}>{m.backToCall}</a>
      </p>
    </Layout>
  );
}

const councilName = (regions: readonly Region[], code: string, ctx: PageContext) => regions.find((r) => r.code === code)?.council.name[ctx.locale] ?? code;

function DecisionCell({ ctx, council }: { ctx: PageContext; council: PublicCouncil }) {
  const m = decisionsPublicMessages[ctx.locale];
  const d = council.decision;
  if (!d) return <td class="muted">{m.notDecided}</td>;
  return (
    <td>
      {m.decisionRef(d.number, formatCalendarDate(d.date, ctx.locale))}
      <span class="decision-maker">{d.maker}</span>
    </td>
  );
}

function CouncilsTable({ ctx, decisions, regions }: { ctx: PageContext; decisions: PublicDecisions; regions: readonly Region[] }) {
  const { locale } = ctx;
  const m = decisionsPublicMessages[locale];
  const money = (cents: number) => formatMoney(cents, locale, { wholeEuros: true });
  return (
    <ScrollTable id="decision-councils-caption" caption={m.councilsCaption}>
      <thead>
        <tr>
          <th scope="col">{m.colCouncil}</th>
          <th scope="col" class="numeric">
            {m.colBudget}
          </th>
          <th scope="col" class="numeric">
            {m.colGranted}
          </th>
          <th scope="col">{m.colDecision}</th>
        </tr>
      </thead>
      <tbody>
        {decisions.councils.map((c) => (
          <tr>
            <th scope="row">{councilName(regions, c.regionCode, ctx)}</th>
            <td class="numeric">{money(c.budgetCents)}</td>
            <td class="numeric">{money(c.grantedCents)}</td>
            <DecisionCell ctx={ctx} council={c} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{m.total}</th>
          <td class="numeric">{money(decisions.totalBudgetCents)}</td>
          <td class="numeric">{money(decisions.grantedCents)}</td>
          <td></td>
        </tr>
      </tfoot>
    </ScrollTable>
  );
}

function ProjectItem({ ctx, project: p, regions }: { ctx: PageContext; project: FundedProject; regions: readonly Region[] }) {
  const { locale } = ctx;
  const m = decisionsPublicMessages[locale];
  const title = p.title.trim() === '' ? m.untitled : p.title;
  const money = (cents: number) => formatMoney(cents, locale, { wholeEuros: true });
  const regionNames = p.regionCodes.map((code) => regions.find((r) => r.code === code)?.name[locale] ?? code);
  return (
    <li class="card decision-project">
      <h3>{title}</h3>
      {p.summary.trim() !== '' ? <p class="decision-project__summary">{p.summary}</p> : null}
      <dl class="facts">
        <div>
          <dt>{m.leadOrganisation}</dt>
          <dd>{p.leadOrganisation}</dd>
        </div>
        <div>
          <dt>{m.regions}</dt>
          <dd>{regionNames.join(', ')}</dd>
        </div>
        <div>
          <dt>{m.grantedTotal}</dt>
          <dd>{money(p.grantedCents)}</dd>
        </div>
        <div>
          <dt>{m.finalOn}</dt>
          <dd>
            <time dateTime={p.finalAt}>{formatDate(p.finalAt, locale)}</time>
          </dd>
        </div>
      </dl>
      <ScrollTable id={`decision-project-${p.applicationId}`} caption={m.grantsCaption(title)}>
        <thead>
          <tr>
            <th scope="col">{m.colCouncil}</th>
            <th scope="col" class="numeric">
              {m.colGranted}
            </th>
            <th scope="col">{m.colDecision}</th>
          </tr>
        </thead>
        <tbody>
          {p.grants.map((g) => (
            <tr>
              <th scope="row">{councilName(regions, g.regionCode, ctx)}</th>
              <td class="numeric">{money(g.grantedCents)}</td>
              {/* Number and date in one cell, so that the table fits a phone's width beside the amount. */}
              <td>
                {g.decisionNumber}
                <time class="decision-date" dateTime={g.decisionDate}>
                  {formatCalendarDate(g.decisionDate, locale)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{m.total}</th>
            <td class="numeric">{money(p.grantedCents)}</td>
            <td></td>
          </tr>
        </tfoot>
      </ScrollTable>
    </li>
  );
}
