import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime, formatMoney, formatRate } from '../../../i18n/format.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { CsrfField, ErrorSummary, Notice, TextArea, errorOf } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import { Paragraphs } from '../../calls/call-inquiries.views.js';
import { reviewLimits } from '../projects.admin.form.js';
import { projectsAdminMessages } from '../projects.admin.messages.js';
import type { ReportEvent } from '../projects.admin.repository.js';
import type { PeriodReport, ProjectDetails, ProjectIndicator, ReportingPeriod } from '../projects.repository.js';
import { indicatorValueText, periodText } from './admin-project-parts.js';

export interface AdminReportPageProps {
  ctx: PageContext;
  project: ProjectDetails;
  report: PeriodReport;
  indicators: readonly ProjectIndicator[];
  /** The previous accepted report, for comparison. */
  previous: PeriodReport | null;
  history: readonly ReportEvent[];
  regionName: (code: string) => string;
  form?: { comment: string; errors: FieldError[] } | undefined;
  notice?: string | undefined;
  refused?: string | undefined;
}

/** Basis points of a part of a whole, for formatRate; none when the whole is nothing. */
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part * 10_000) / whole) : null);

/** A submitted report as the officers review it, with its history and, while it waits, the accept and return form. */
export function AdminReportPage(props: AdminReportPageProps) {
  const { ctx, project, report } = props;
  const { t, locale } = ctx;
  const m = projectsAdminMessages[locale];
  const period = report.period;
  const title = m.review.title(periodText(period, locale));
  const errors = props.form?.errors ?? [];
  const status = period.report?.status ?? null;
  const shown = status !== null && status !== 'draft';
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title} section="adminProjects">
      <p>
        <a href={`${pagePath(locale, 'adminProjects', String(project.id))}#periods`}>{m.review.back}</a>
      </p>
      <PageHeading title={title} lead={project.title} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <Notice text={props.notice} />
      <Notice text={props.refused} kind="warning" />
      {status === null ? <p>{m.review.notStarted}</p> : null}
      {status === 'draft' ? <p>{m.review.draft}</p> : null}
      {shown ? (
        <>
          <p>{m.review.reviewedNote(m.periods.status[status])}</p>
          <section aria-labelledby="narrative-heading">
            <h2 id="narrative-heading">{m.review.narrativeHeading}</h2>
            {report.narrative ? <Paragraphs text={report.narrative} /> : <p>{m.review.noNarrative}</p>}
          </section>
          <Spending {...props} />
          <IndicatorValues {...props} />
        </>
      ) : null}
      <History ctx={ctx} history={props.history} period={period} />
      {status === 'submitted' && period.report ? <ReviewForm ctx={ctx} project={project} period={period} version={period.report.version} form={props.form} /> : null}
    </AdminLayout>
  );
}

function Spending({ ctx, project, report, regionName }: AdminReportPageProps) {
  const { locale } = ctx;
  const m = projectsAdminMessages[locale].review;
  const spent = (id: number) => report.spendingCents.get(id);
  const total = project.partners.reduce((s, p) => s + (spent(p.id) ?? 0), 0);
  return (
    <section aria-labelledby="spending-heading">
      <h2 id="spending-heading">{m.spendingHeading}</h2>
      <ScrollTable id="spending-caption" caption={m.spendingCaption}>
        <thead>
          <tr>
            <th scope="col">{m.colPartner}</th>
            <th scope="col" class="numeric">
              {m.colSpent}
            </th>
            <th scope="col" class="numeric">
              {m.colRequested}
            </th>
            <th scope="col" class="numeric">
              {m.colShare}
            </th>
          </tr>
        </thead>
        <tbody>
          {project.partners.map((p) => {
            const cents = spent(p.id);
            return (
              <tr>
                <th scope="row">
                  {p.organisationName} ({regionName(p.regionCode)})
                </th>
                <td class="numeric">{cents === undefined ? m.notReported : formatMoney(cents, locale)}</td>
                <td class="numeric">{formatMoney(p.requestedCents, locale)}</td>
                <td class="numeric">{cents === undefined ? '–' : formatRate(share(cents, p.requestedCents), locale)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">
              {m.total} / {m.grantedTotal}
            </th>
            <td class="numeric">{formatMoney(total, locale)}</td>
            <td class="numeric">{formatMoney(project.grantedCents, locale)}</td>
            <td class="numeric">{formatRate(share(total, project.grantedCents), locale)}</td>
          </tr>
        </tfoot>
      </ScrollTable>
    </section>
  );
}

function IndicatorValues({ ctx, report, indicators, previous }: AdminReportPageProps) {
  const { locale } = ctx;
  const m = projectsAdminMessages[locale].review;
  if (indicators.length === 0) return null;
  return (
    <section aria-labelledby="values-heading">
      <h2 id="values-heading">{m.indicatorsHeading}</h2>
      <p>{previous ? m.previousNote(periodText(previous.period, locale)) : m.noPrevious}</p>
      <ScrollTable id="values-caption" caption={m.indicatorsCaption}>
        <thead>
          <tr>
            <th scope="col">{m.colIndicator}</th>
            <th scope="col" class="numeric">
              {m.colValue}
            </th>
            <th scope="col" class="numeric">
              {m.colTarget}
            </th>
            <th scope="col" class="numeric">
              {m.colPrevious}
            </th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => {
            const value = report.valuesHundredths.get(i.indicatorId);
            const before = previous?.valuesHundredths.get(i.indicatorId);
            return (
              <tr>
                <th scope="row">
                  {i.code} {i.name[locale]}
                </th>
                <td class="numeric">{value === undefined ? m.notReported : indicatorValueText(value, i.unit, locale)}</td>
                <td class="numeric">{indicatorValueText(i.targetHundredths, i.unit, locale)}</td>
                <td class="numeric">{before === undefined ? '–' : indicatorValueText(before, i.unit, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
    </section>
  );
}

function History({ ctx, history, period }: { ctx: PageContext; history: readonly ReportEvent[]; period: ReportingPeriod }) {
  const { locale } = ctx;
  const m = projectsAdminMessages[locale].review;
  let submissions = 0;
  const rows = history.flatMap((e) => {
    if (e.action === 'report.accepted') return [{ at: e.at, event: m.events.accepted, comment: e.comment }];
    if (e.action === 'report.returned') return [{ at: e.at, event: m.events.returned, comment: e.comment }];
    if (/submit/.test(e.action)) return [{ at: e.at, event: submissions++ === 0 ? m.events.submitted : m.events.resubmitted, comment: null }];
    return [];
  });
  // A report the log knows nothing of (made before the log recorded reports): its own dates tell the story.
  const report = period.report;
  if (rows.length === 0 && report?.firstSubmittedAt) {
    rows.push({ at: report.firstSubmittedAt, event: m.events.submitted, comment: null });
    if (report.submittedAt && report.submittedAt !== report.firstSubmittedAt) rows.push({ at: report.submittedAt, event: m.events.resubmitted, comment: null });
    if (report.reviewedAt && (report.status === 'accepted' || report.status === 'returned')) {
      rows.push({ at: report.reviewedAt, event: report.status === 'accepted' ? m.events.accepted : m.events.returned, comment: report.reviewComment });
    }
  }
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{m.historyHeading}</h2>
      {rows.length === 0 ? (
        <p>{m.noHistory}</p>
      ) : (
        <ScrollTable id="history-caption" caption={m.historyCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colWhen}</th>
              <th scope="col">{m.colEvent}</th>
              <th scope="col">{m.colComment}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>
                  <time dateTime={r.at}>{formatDateTime(r.at, locale)}</time>
                </td>
                <th scope="row">{r.event}</th>
                <td>{r.comment ? <Paragraphs text={r.comment} /> : '–'}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}

function ReviewForm({ ctx, project, period, version, form }: { ctx: PageContext; project: ProjectDetails; period: ReportingPeriod; version: number; form: AdminReportPageProps['form'] }) {
  const { locale } = ctx;
  const m = projectsAdminMessages[locale].review;
  const action = `${pagePath(locale, 'adminProjects', String(project.id), 'reports', String(period.id))}`;
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">{m.formHeading}</h2>
      <form method="post" action={`${action}/accept`} novalidate>
        <CsrfField token={ctx.csrf()} />
        <input type="hidden" name="version" value={String(version)} />
        <TextArea name="comment" label={m.comment} hint={m.commentHint} value={form?.comment ?? ''} error={errorOf(form?.errors ?? [], 'comment')} maxLength={reviewLimits.comment} rows={5} />
        <button type="submit" class="button">
          {m.accept}
        </button>{' '}
        <button type="submit" class="button button--secondary" formAction={`${action}/return`}>
          {m.return}
        </button>
      </form>
    </section>
  );
}
