import { pagePath } from '../../../http/page-paths.js';
import { formatMoney } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { SelectField } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import { formatRate } from '../../../i18n/format.js';
import { submissionMessages } from '../submission.messages.js';
import type { CallApplicationRow } from '../submission.service.js';
import { leadOf } from '../submission.snapshot.js';
import { Instant, ProblemList, councilName, problemNames, regionName, type Names } from './submission.parts.js';

export type EligibilityFilter = 'all' | 'eligible' | 'not-eligible';

/** The officers' list of a call's applications with the eligibility of each, filters and the export links. */
export function OfficerApplicationsPage(props: {
  ctx: PageContext;
  names: Names;
  rows: readonly CallApplicationRow[];
  drafts: number;
  filter: EligibilityFilter;
  /** The call no longer takes applications. */
  closed: boolean;
}) {
  const { ctx, names, rows, drafts, filter } = props;
  const { locale } = ctx;
  const m = submissionMessages[locale];
  const call = names.call;
  const callId = String(call.id);
  const title = m.listTitle(call.title[locale]);
  const submitted = rows.filter((r) => r.status === 'submitted');
  const shown = submitted.filter((r) => filter === 'all' || (filter === 'eligible') === r.check.eligible);
  const withdrawn = rows.filter((r) => r.status === 'withdrawn');
  const exportBase = pagePath(locale, 'adminCalls', callId, 'applications', 'export');
  return (
    <AdminLayout ctx={ctx} title={title} section="adminCalls">
      <p>
        <a href={pagePath(locale, 'adminCalls', callId)}>{m.backToCall}</a>
      </p>
      <PageHeading title={title} lead={m.listLead} />
      <p>
        {call.reference} · {props.closed ? m.deadlinePassed : m.deadline}: <Instant at={call.closesAt} locale={locale} /> {m.helsinkiTime}
      </p>
      <p>{m.draftCount(drafts)}</p>

      <form method="get" action={pagePath(locale, 'adminCalls', callId, 'applications')} class="filter-form">
        <fieldset>
          <legend>{m.filterLegend}</legend>
          <SelectField
            name="eligibility"
            label={m.filterEligibility}
            value={filter}
            options={[
              { value: 'all', label: m.filterAll },
              { value: 'eligible', label: m.filterEligible },
              { value: 'not-eligible', label: m.filterNotEligible },
            ]}
          />
        </fieldset>
        <button type="submit" class="button button--secondary">
          {m.filterButton}
        </button>
      </form>

      {submitted.length === 0 ? (
        <p>{m.noSubmitted}</p>
      ) : shown.length === 0 ? (
        <p>{m.noMatches}</p>
      ) : (
        <ApplicationsTable ctx={ctx} id="submitted-caption" caption={m.submittedCaption(shown.length)} rows={shown} names={names} />
      )}

      {withdrawn.length > 0 ? (
        <ApplicationsTable ctx={ctx} id="withdrawn-caption" caption={m.withdrawnCaption(withdrawn.length)} rows={withdrawn} names={names} />
      ) : null}

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{m.exportHeading}</h2>
        <p class="muted">{m.exportHint}</p>
        <div class="actions">
          <a class="button button--secondary" href={`${exportBase}?format=csv`}>
            {m.exportCsv}
          </a>
          <a class="button button--secondary" href={`${exportBase}?format=xlsx`}>
            {m.exportXlsx}
          </a>
        </div>
      </section>
    </AdminLayout>
  );
}

function EligibilityCell({ row, locale, names }: { row: CallApplicationRow; locale: Locale; names: Names }) {
  const m = submissionMessages[locale];
  if (row.check.eligible) return <span class="tag tag--success">{m.eligible}</span>;
  const partners = row.submission.snapshot.partners.map((p) => ({ key: String(p.id), name: p.name }));
  return (
    <>
      <span class="tag tag--error">{m.notEligible}</span>
      <details>
        <summary>{m.problemsSummary(row.check.problems.length)}</summary>
        <ProblemList problems={row.check.problems} locale={locale} names={problemNames(locale, partners, names)} />
      </details>
    </>
  );
}

function ApplicationsTable(props: { ctx: PageContext; id: string; caption: string; rows: readonly CallApplicationRow[]; names: Names }) {
  const { ctx, names } = props;
  const { locale } = ctx;
  const m = submissionMessages[locale];
  const money = (c: number) => formatMoney(c, locale);
  return (
    <ScrollTable id={props.id} caption={props.caption} class="table officer-applications">
      <thead>
        <tr>
          <th scope="col">{m.receiptNumber}</th>
          <th scope="col">{m.projectTitle}</th>
          <th scope="col">{m.leadOrganisation}</th>
          <th scope="col">{m.regions}</th>
          <th scope="col" class="numeric">{m.requestedTotal}</th>
          <th scope="col">{m.requestedByCouncil}</th>
          <th scope="col" class="numeric">{m.aidRate}</th>
          <th scope="col">{m.eligibility}</th>
          <th scope="col">{m.submittedAt}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => {
          const s = row.submission.snapshot;
          const lead = leadOf(s);
          const f = row.check.figures;
          return (
            <tr>
              <th scope="row">
                <a href={pagePath(locale, 'adminCalls', String(names.call.id), 'applications', String(row.submission.applicationId))}>
                  {row.submission.receiptNumber}
                </a>
              </th>
              <td>{s.application.title || m.untitled}</td>
              <td>{lead ? `${lead.name} (${regionName(names, lead.regionCode, locale)})` : m.none}</td>
              <td>{f.regions.map((r) => regionName(names, r, locale)).join(', ')}</td>
              <td class="numeric">{money(f.requestedCents)}</td>
              <td>
                <ul class="submission__list">
                  {Object.entries(f.requestedByRegion).map(([code, cents]) => (
                    <li>
                      {councilName(names, code, locale)}: {money(cents)}
                    </li>
                  ))}
                </ul>
              </td>
              <td class="numeric">{formatRate(f.aidRateBp, locale)}</td>
              <td>
                <EligibilityCell row={row} locale={locale} names={names} />
              </td>
              <td>
                <Instant at={row.submission.submittedAt} locale={locale} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
