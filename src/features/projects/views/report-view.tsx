import { formatDateTime, formatMoney } from '../../../i18n/format.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import type { PeriodReport, ProjectDetails, ProjectIndicator } from '../projects.repository.js';
import { reportsMessages } from '../reports.messages.js';
import { formatIndicatorValue } from './report-parts.js';

/** A submitted or accepted report as it was sent: the lead partner can read it but not change it. */
export function ReportReadOnly(props: { ctx: PageContext; project: ProjectDetails; report: PeriodReport; indicators: readonly ProjectIndicator[] }) {
  const { ctx, project, report, indicators } = props;
  const { locale } = ctx;
  const m = reportsMessages[locale];
  const stored = report.period.report;
  const missing = <span class="muted">{m.notReported}</span>;
  return (
    <>
      {stored?.status === 'submitted' && stored.submittedAt ? <p class="notice">{m.submittedNote(formatDateTime(stored.submittedAt, locale))}</p> : null}
      {stored?.status === 'accepted' ? (
        <div class="panel panel--success report-accepted">
          <p>{m.acceptedNote(formatDateTime(stored.reviewedAt ?? stored.submittedAt ?? '', locale))}</p>
          {stored.reviewComment ? (
            <>
              <p>
                <strong>{m.acceptedComment}:</strong>
              </p>
              <p class="report-text">{stored.reviewComment}</p>
            </>
          ) : null}
        </div>
      ) : null}

      <h2>{m.narrativeHeading}</h2>
      {report.narrative ? <p class="report-text">{report.narrative}</p> : <p class="muted">{m.noNarrative}</p>}

      <h2>{m.spendingHeading}</h2>
      <ScrollTable id="report-spending-caption" caption={m.spendingCaption}>
        <thead>
          <tr>
            <th scope="col">{m.colPartner}</th>
            <th scope="col" class="numeric">
              {m.colRequested}
            </th>
            <th scope="col" class="numeric">
              {m.colSpent}
            </th>
          </tr>
        </thead>
        <tbody>
          {project.partners.map((p) => {
            const cents = report.spendingCents.get(p.id);
            return (
              <tr>
                <th scope="row">{p.organisationName}</th>
                <td class="numeric">{formatMoney(p.requestedCents, locale)}</td>
                <td class="numeric">{cents === undefined ? missing : formatMoney(cents, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>

      <h2>{m.valuesHeading}</h2>
      {indicators.length === 0 ? (
        <p>{m.valuesNone}</p>
      ) : (
        <ScrollTable id="report-values-caption" caption={m.valuesCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colIndicator}</th>
              <th scope="col" class="numeric">
                {m.colTarget}
              </th>
              <th scope="col" class="numeric">
                {m.colValue}
              </th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((i) => {
              const value = report.valuesHundredths.get(i.indicatorId);
              return (
                <tr>
                  <th scope="row">{i.name[locale]}</th>
                  <td class="numeric">{formatIndicatorValue(i.targetHundredths, i.unit, locale)}</td>
                  <td class="numeric">{value === undefined ? missing : formatIndicatorValue(value, i.unit, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      )}
    </>
  );
}
