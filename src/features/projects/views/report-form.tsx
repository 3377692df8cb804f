import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime, formatMoney } from '../../../i18n/format.js';
import { CsrfField, ErrorSummary, Notice, TextArea, TextInput, errorOf, fieldId } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { parseEuros } from '../../applications/applications.form.js';
import type { PeriodReport, ProjectDetails, ProjectIndicator } from '../projects.repository.js';
import { indicatorField, parseIndicatorValue, reportLimits, spendingField, type ReportForm } from '../reports.form.js';
import { reportsMessages, type ReportState } from '../reports.messages.js';
import { ReportStateTag, dateOf, formatIndicatorValue } from './report-parts.js';
import { ReportReadOnly } from './report-view.js';

export interface PreviousFigures {
  spendingCents: ReadonlyMap<number, number>;
  valuesHundredths: ReadonlyMap<number, number>;
}

export interface ReportPageProps {
  ctx: PageContext;
  project: ProjectDetails;
  report: PeriodReport;
  state: ReportState;
  /** The project's indicators that are reported (computed ones are left out). */
  indicators: readonly ProjectIndicator[];
  previous: PreviousFigures | null;
  /** Whether the lead partner may still change the report (draft, returned, or none yet). */
  editable: boolean;
  periodEnded: boolean;
  form: ReportForm;
  errors: readonly FieldError[];
  notice?: 'saved' | 'submitted' | undefined;
  conflict?: boolean;
  refusal?: 'not-due' | undefined;
}

/** A period's report: the form while the lead partner may edit it, otherwise the report as submitted. */
export function ReportPage(props: ReportPageProps) {
  const { ctx, project, report, state, errors } = props;
  const { locale, t } = ctx;
  const m = reportsMessages[locale];
  const period = report.period;
  const title = m.reportTitle(m.kinds[period.kind], project.title);
  const failed = errors.length > 0 || props.conflict || props.refusal;
  return (
    <Layout ctx={ctx} title={failed ? `${t.errors.summaryTitle}: ${title}` : title}>
      <p class="back-link">
        <a href={pagePath(locale, 'myProjects', String(project.id))}>{m.backToProject}</a>
      </p>
      <PageHeading title={title}>
        <p class="report-facts">
          {m.periodFacts(dateOf(period.start, locale), dateOf(period.end, locale), dateOf(period.due, locale))} <ReportStateTag state={state} locale={locale} />
        </p>
      </PageHeading>
      <Notice text={props.notice === 'saved' ? m.draftSaved : props.notice === 'submitted' ? m.reportSubmitted : undefined} />
      {props.conflict ? <Notice kind="warning" text={m.conflict} /> : null}
      {props.refusal === 'not-due' ? <Notice kind="warning" text={m.notDueRefused} /> : null}
      {period.report?.status === 'returned' ? (
        <section class="notice notice--warning report-returned" aria-labelledby="report-returned-heading">
          <h2 id="report-returned-heading">{m.returnedHeading}</h2>
          {period.report.reviewComment ? <p class="report-text">{period.report.reviewComment}</p> : <p>{m.returnedNoComment}</p>}
          {period.report.reviewedAt ? <p class="muted">{m.returnedOn(formatDateTime(period.report.reviewedAt, locale))}</p> : null}
        </section>
      ) : null}
      {props.editable ? <EditableReport {...props} /> : <ReportReadOnly ctx={ctx} project={project} report={report} indicators={props.indicators} />}
    </Layout>
  );
}

function EditableReport(props: ReportPageProps) {
  const { ctx, project, report, form, errors, previous } = props;
  const { locale, t } = ctx;
  const m = reportsMessages[locale];
  const e = (field: string) => errorOf(errors, field);
  const money = (cents: number) => formatMoney(cents, locale);
  const action = pagePath(locale, 'myProjects', String(project.id), 'reports', String(report.period.id));
  const hint = (...parts: Array<string | null>) => parts.filter((p): p is string => p !== null).join(' ');
  const confirmError = e('confirm');
  return (
    <>
      {!props.periodEnded ? <p class="notice">{m.notDueNote}</p> : props.state === 'late' || props.state === 'draft-late' ? <p class="notice notice--warning">{m.lateNote}</p> : null}
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <form method="post" action={action} novalidate class="report-form">
        <CsrfField token={ctx.csrf()} />
        <input type="hidden" name="version" value={form.version} />

        <h2>{m.narrativeHeading}</h2>
        <TextArea name="narrative" label={m.narrative} hint={m.narrativeHint} value={form.narrative} error={e('narrative')} rows={12} maxLength={reportLimits.narrative} required />

        <h2>{m.spendingHeading}</h2>
        <p>{m.spendingLead}</p>
        {project.partners.map((p) => {
          const field = spendingField(p.id);
          const before = previous?.spendingCents.get(p.id);
          const typed = parseEuros(form.spending[String(p.id)] ?? '');
          const lower = before !== undefined && typed.ok && typed.cents !== null && typed.cents < before;
          return (
            <TextInput
              name={field}
              label={m.spendingLabel(p.organisationName)}
              hint={hint(m.spendingHint(money(p.requestedCents)), before !== undefined ? m.previousHint(money(before)) : null, lower ? m.lowerWarning : null)}
              value={form.spending[String(p.id)]}
              error={e(field)}
              maxLength={24}
              autocomplete="off"
            />
          );
        })}

        <h2>{m.valuesHeading}</h2>
        {props.indicators.length === 0 ? (
          <p>{m.valuesNone}</p>
        ) : (
          <>
            <p>{m.valuesLead}</p>
            {props.indicators.map((i) => {
              const field = indicatorField(i.indicatorId);
              const before = previous?.valuesHundredths.get(i.indicatorId);
              const typed = parseIndicatorValue(form.values[String(i.indicatorId)] ?? '', i.decimals);
              const lower = before !== undefined && typed.ok && typed.hundredths !== null && typed.hundredths < before;
              return (
                <TextInput
                  name={field}
                  label={m.valueLabel(i.name[locale], m.units[i.unit])}
                  hint={hint(
                    m.targetHint(formatIndicatorValue(i.targetHundredths, i.unit, locale)),
                    m.decimalsHint(i.decimals),
                    before !== undefined ? m.previousHint(formatIndicatorValue(before, i.unit, locale)) : null,
                    lower ? m.lowerWarning : null,
                  )}
                  value={form.values[String(i.indicatorId)]}
                  error={e(field)}
                  maxLength={24}
                  autocomplete="off"
                />
              );
            })}
          </>
        )}

        {props.periodEnded ? (
          <div class={confirmError ? 'field field--error' : 'field'}>
            {confirmError ? (
              <p class="field__error" id={`${fieldId('confirm')}-error`}>
                {confirmError}
              </p>
            ) : null}
            <div class="field--checkbox">
              <input type="checkbox" id={fieldId('confirm')} name="confirm" value="1" checked={form.confirm} aria-describedby={confirmError ? `${fieldId('confirm')}-error` : undefined} />
              <label for={fieldId('confirm')}>{m.confirm}</label>
            </div>
          </div>
        ) : null}
        <p class="field__hint">{m.submitHint}</p>
        <div class="button-group">
          <button type="submit" name="action" value="draft" class="button button--secondary">
            {m.saveDraft}
          </button>
          {props.periodEnded ? (
            <button type="submit" name="action" value="submit" class="button">
              {m.submit}
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}
