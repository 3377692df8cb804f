import type { ReportTiming } from '../../../domain/project-reporting.js';
import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatCalendarDate, formatDateTime, formatMoney } from '../../../i18n/format.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { CsrfField, ErrorSummary, Notice, SelectField, TextInput, errorOf, fieldId } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Indicator } from '../indicators.repository.js';
import { hundredthsInput, type PeriodForm, type TargetForm } from '../projects.admin.form.js';
import { projectsAdminMessages } from '../projects.admin.messages.js';
import type { ProjectDetails, ProjectIndicator, ReportingPeriod } from '../projects.repository.js';
import { ProjectStatusTag, TimingTag, indicatorValueText, periodText } from './admin-project-parts.js';
import { ProjectFundingTable } from './project-funding-table.js';

export interface AdminProjectPageProps {
  ctx: PageContext;
  project: ProjectDetails;
  /** Region code → the region's and its council's names in the page's language. */
  regions: ReadonlyMap<string, { region: string; council: string }>;
  periods: ReadonlyArray<ReportingPeriod & { timing: ReportTiming }>;
  indicators: readonly ProjectIndicator[];
  /** Indicators some report has a value for: they cannot be removed. */
  withValues: ReadonlySet<number>;
  /** The catalogue's indicators that may be added (not computed, not on the project yet). */
  addable: readonly Indicator[];
  periodForm?: { values: PeriodForm; errors: FieldError[] } | undefined;
  targetForm?: { values: TargetForm; errors: FieldError[] } | undefined;
  notice?: string | undefined;
  refused?: string | undefined;
}

/** The officers' page of one funded project: its facts, reporting periods and indicators, with the forms that set them. */
export function AdminProjectPage(props: AdminProjectPageProps) {
  const { ctx, project } = props;
  const { t, locale } = ctx;
  const m = projectsAdminMessages[locale];
  const errors = [...(props.periodForm?.errors ?? []), ...(props.targetForm?.errors ?? [])];
  const region = (code: string) => props.regions.get(code) ?? { region: code, council: code };
  const regionNames = [...new Set(project.partners.map((p) => p.regionCode))].map((c) => region(c).region);
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${project.title}` : project.title} section="adminProjects">
      <p>
        <a href={pagePath(locale, 'adminProjects')}>{m.project.back}</a>
      </p>
      <PageHeading title={project.title} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <Notice text={props.notice} />
      <Notice text={props.refused} kind="warning" />

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{m.project.factsHeading}</h2>
        <dl class="facts">
          <div>
            <dt>{m.project.status}</dt>
            <dd>
              <ProjectStatusTag status={project.status} locale={locale} />
              {project.completedAt ? ` ${m.project.completedAt(formatDateTime(project.completedAt, locale))}` : null}
            </dd>
          </div>
          <div>
            <dt>{m.project.call}</dt>
            <dd>
              {project.callReference} {project.callTitle[locale] || project.callTitle.fi}
            </dd>
          </div>
          {project.priority ? (
            <div>
              <dt>{m.project.priority}</dt>
              <dd>{project.priority.name[locale]}</dd>
            </div>
          ) : null}
          <div>
            <dt>{m.project.duration}</dt>
            <dd>
              {project.startDate ? formatCalendarDate(project.startDate, locale) : m.project.notSet}–{project.endDate ? formatCalendarDate(project.endDate, locale) : m.project.notSet}
            </dd>
          </div>
          <div>
            <dt>{m.project.granted}</dt>
            <dd>{formatMoney(project.grantedCents, locale)}</dd>
          </div>
          <div>
            <dt>{m.project.regions}</dt>
            <dd>{regionNames.join(', ')}</dd>
          </div>
        </dl>
        <p>
          <a href={pagePath(locale, 'projects', String(project.id))}>{m.project.publicPage}</a>
        </p>
        <ScrollTable id="partners-caption" caption={m.project.partnersCaption}>
          <thead>
            <tr>
              <th scope="col">{m.project.colPartner}</th>
              <th scope="col">{m.project.colRole}</th>
              <th scope="col">{m.project.colRegion}</th>
              <th scope="col" class="numeric">
                {m.project.colRequested}
              </th>
            </tr>
          </thead>
          <tbody>
            {project.partners.map((p) => (
              <tr>
                <th scope="row">{p.organisationName}</th>
                <td>{p.isLead ? m.project.roleLead : m.project.rolePartner}</td>
                <td>{region(p.regionCode).region}</td>
                <td class="numeric">{formatMoney(p.requestedCents, locale)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        <ProjectFundingTable locale={locale} id="funding-caption" caption={m.project.fundingCaption} funding={project.funding} councilName={(code) => region(code).council} />
      </section>

      <PeriodsSection {...props} />
      <IndicatorsSection {...props} />
    </AdminLayout>
  );
}

function PeriodsSection(props: AdminProjectPageProps) {
  const { ctx, project, periods } = props;
  const { locale } = ctx;
  const m = projectsAdminMessages[locale];
  const base = pagePath(locale, 'adminProjects', String(project.id));
  const form = props.periodForm?.values ?? { kind: 'progress', start: '', end: '', due: '' };
  const errors = props.periodForm?.errors ?? [];
  return (
    <section aria-labelledby="periods-heading" id="periods">
      <h2 id="periods-heading">{m.periods.heading}</h2>
      {periods.length === 0 ? (
        <p>{m.periods.none}</p>
      ) : (
        <ScrollTable id="periods-caption" caption={m.periods.caption}>
          <thead>
            <tr>
              <th scope="col">{m.periods.colKind}</th>
              <th scope="col">{m.periods.colPeriod}</th>
              <th scope="col">{m.periods.colDue}</th>
              <th scope="col">{m.periods.colStatus}</th>
              <th scope="col">{m.periods.colTiming}</th>
              <th scope="col">{m.periods.colActions}</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr>
                <th scope="row">{m.periods.kinds[p.kind]}</th>
                <td>
                  {formatCalendarDate(p.start, locale)}–{formatCalendarDate(p.end, locale)}
                </td>
                <td>{formatCalendarDate(p.due, locale)}</td>
                <td>{m.periods.status[p.report?.status ?? 'none']}</td>
                <td>
                  <TimingTag timing={p.timing} locale={locale} />
                </td>
                <td>
                  {p.report && p.report.status !== 'draft' ? (
                    <a href={`${base}/reports/${p.id}`} aria-label={`${m.periods.openReport}: ${periodText(p, locale)}`}>
                      {m.periods.openReport}
                    </a>
                  ) : (
                    <form method="post" action={`${base}/periods/${p.id}/delete`} class="inline-form">
                      <CsrfField token={ctx.csrf()} />
                      <button type="submit" class="button button--secondary" aria-label={`${m.periods.delete}: ${periodText(p, locale)}`}>
                        {m.periods.delete}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <h3 id="add-period-heading">{m.periods.addHeading}</h3>
      <form method="post" action={`${base}/periods`} aria-labelledby="add-period-heading" novalidate>
        <CsrfField token={ctx.csrf()} />
        <SelectField
          name="kind"
          label={m.periods.kind}
          value={form.kind}
          error={errorOf(errors, 'kind')}
          options={(['progress', 'final'] as const).map((k) => ({ value: k, label: m.periods.kinds[k] }))}
        />
        <TextInput name="start" label={m.periods.start} hint={m.periods.dateHint} value={form.start} error={errorOf(errors, 'start')} inputMode="text" />
        <TextInput name="end" label={m.periods.end} hint={m.periods.dateHint} value={form.end} error={errorOf(errors, 'end')} />
        <TextInput name="due" label={m.periods.due} hint={m.periods.dateHint} value={form.due} error={errorOf(errors, 'due')} />
        <button type="submit" class="button">
          {m.periods.add}
        </button>
      </form>
    </section>
  );
}

function IndicatorsSection(props: AdminProjectPageProps) {
  const { ctx, project, indicators } = props;
  const { locale } = ctx;
  const m = projectsAdminMessages[locale];
  const base = pagePath(locale, 'adminProjects', String(project.id));
  const posted = props.targetForm;
  const errors = posted?.errors ?? [];
  const addValues = posted && posted.values.field === 'target' ? posted.values : { indicator: '', field: 'target', target: '' };
  return (
    <section aria-labelledby="indicators-heading" id="indicators">
      <h2 id="indicators-heading">{m.indicators.heading}</h2>
      {indicators.length === 0 ? (
        <p>{m.indicators.none}</p>
      ) : (
        <ScrollTable id="indicators-caption" caption={m.indicators.caption}>
          <thead>
            <tr>
              <th scope="col">{m.indicators.colIndicator}</th>
              <th scope="col">{m.indicators.colTarget}</th>
              <th scope="col">{m.indicators.colActions}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((i) => {
              const field = `target_${i.indicatorId}`;
              const typed = posted && posted.values.field === field ? posted.values.target : hundredthsInput(i.targetHundredths, locale);
              const error = errorOf(errors, field);
              return (
                <tr>
                  <th scope="row">
                    {i.code} {i.name[locale]}
                  </th>
                  <td>{indicatorValueText(i.targetHundredths, i.unit, locale)}</td>
                  <td>
                    <form method="post" action={`${base}/indicators`} class="inline-form">
                      <CsrfField token={ctx.csrf()} />
                      <input type="hidden" name="indicator" value={String(i.indicatorId)} />
                      <TextInput name={field} label={m.indicators.targetFor(i.code)} value={typed} error={error} />
                      <button type="submit" class="button button--secondary">
                        {m.indicators.save}
                      </button>
                    </form>
                    {props.withValues.has(i.indicatorId) ? null : (
                      <form method="post" action={`${base}/indicators/${i.indicatorId}/delete`} class="inline-form">
                        <CsrfField token={ctx.csrf()} />
                        <button type="submit" class="button button--secondary" aria-label={`${m.indicators.remove}: ${i.code}`}>
                          {m.indicators.remove}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      )}
      <h3 id="add-indicator-heading">{m.indicators.addHeading}</h3>
      {props.addable.length === 0 ? (
        <p>{m.indicators.allAdded}</p>
      ) : (
        <form method="post" action={`${base}/indicators`} aria-labelledby="add-indicator-heading" novalidate>
          <CsrfField token={ctx.csrf()} />
          <SelectField
            name="indicator"
            label={m.indicators.indicator}
            value={addValues.indicator}
            error={errorOf(errors, 'indicator')}
            placeholder={m.indicators.choose}
            options={props.addable.map((i) => ({ value: String(i.id), label: `${i.code} ${i.name[locale]} (${m.units[i.unit]})` }))}
          />
          <TextInput name="target" label={m.indicators.target} hint={m.indicators.targetHint} value={addValues.target} error={errorOf(errors, 'target')} />
          <button type="submit" class="button">
            {m.indicators.add}
          </button>
        </form>
      )}
    </section>
  );
}

/** Asks before a reporting period is deleted; works without scripts. */
export function DeletePeriodPage({ ctx, project, period }: { ctx: PageContext; project: ProjectDetails; period: ReportingPeriod }) {
  const { locale } = ctx;
  const m = projectsAdminMessages[locale];
  const base = pagePath(locale, 'adminProjects', String(project.id));
  return (
    <AdminLayout ctx={ctx} title={m.periods.confirmTitle} section="adminProjects">
      <PageHeading title={m.periods.confirmTitle} lead={project.title} />
      <p>{m.periods.confirmText(periodText(period, locale))}</p>
      <form method="post" action={`${base}/periods/${period.id}/delete`}>
        <CsrfField token={ctx.csrf()} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="button button--danger" id={fieldId('confirm')}>
          {m.periods.confirm}
        </button>{' '}
        <a href={`${base}#periods`}>{m.periods.cancel}</a>
      </form>
    </AdminLayout>
  );
}
