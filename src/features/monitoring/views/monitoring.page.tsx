import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { ErrorSummary, SelectField, TextInput, errorOf } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { callsMessages } from '../../calls/calls.messages.js';
import { instruments } from '../../calls/calls.public.repository.js';
import type { Strategy } from '../../strategy/strategy.repository.js';
import { monitoringMessages } from '../monitoring.messages.js';
import type { MonitoringData } from '../monitoring.repository.js';
import { CollaborationSection } from './monitoring.collaboration.js';
import { hundredths, integer, money } from './monitoring.format.js';
import { CallTable, InstrumentTable, MatrixSection, YearSection } from './monitoring.funding.js';
import { IndicatorSection } from './monitoring.indicators.js';

/** The filter form as asked (kept as typed, also when not valid). */
export interface MonitoringForm {
  strategy: string;
  yearFrom: string;
  yearTo: string;
  instrument: string;
}

export function MonitoringPage(props: {
  ctx: PageContext;
  form: MonitoringForm;
  /** Whether any filter was asked for (a link clears them). */
  filtered: boolean;
  errors: readonly FieldError[];
  strategies: readonly Strategy[];
  inForceId: number | undefined;
  data: MonitoringData | null;
}) {
  const { ctx, form, errors, data, filtered } = props;
  const { locale } = ctx;
  const m = monitoringMessages[locale];
  return (
    <Layout ctx={ctx} title={m.title} description={m.lead}>
      <PageHeading title={m.title} lead={m.lead} />
      <ErrorSummary title={m.errorTitle} errors={errors} />
      <form method="get" action={pagePath(locale, 'monitoring')} class="filter-form monitoring-filters">
        <fieldset>
          <legend>{m.filterLegend}</legend>
          <SelectField
            name="strategy"
            label={m.strategy}
            value={form.strategy}
            error={errorOf(errors, 'strategy')}
            options={props.strategies.map((s) => ({ value: s.slug, label: s.id === props.inForceId ? `${s.name[locale]} (${m.inForce})` : s.name[locale] }))}
          />
          <TextInput name="yearFrom" label={m.yearFrom} hint={m.yearHint} value={form.yearFrom} error={errorOf(errors, 'yearFrom')} inputMode="numeric" maxLength={4} />
          <TextInput name="yearTo" label={m.yearTo} hint={m.yearHint} value={form.yearTo} error={errorOf(errors, 'yearTo')} inputMode="numeric" maxLength={4} />
          <SelectField
            name="instrument"
            label={m.instrument}
            value={form.instrument}
            error={errorOf(errors, 'instrument')}
            placeholder={m.anyInstrument}
            options={instruments.map((i) => ({ value: i, label: callsMessages[locale].instruments[i] }))}
          />
        </fieldset>
        <button type="submit" class="button">
          {m.show}
        </button>
        {filtered ? <a href={pagePath(locale, 'monitoring')}>{m.clear}</a> : null}
      </form>
      <p class="muted">{m.scopeNote}</p>

      {data ? <Figures ctx={ctx} data={data} /> : <p>{m.noProjects}</p>}

      <ul class="monitoring-links">
        <li>
          <a href={pagePath(locale, 'openData')}>{m.openDataLink}</a>
        </li>
        <li>
          <a href={pagePath(locale, 'projects')}>{m.projectsLink}</a>
        </li>
      </ul>
      <p class="muted">{m.apiNote}</p>
    </Layout>
  );
}

function Figures({ ctx, data }: { ctx: PageContext; data: MonitoringData }) {
  const { locale } = ctx;
  const m = monitoringMessages[locale];
  const c = data.collaboration;
  return (
    <>
      <section aria-labelledby="monitoring-key-figures">
        <h2 id="monitoring-key-figures">{m.keyFiguresHeading}</h2>
        {c.projects === 0 ? <p role="status">{m.noProjects}</p> : null}
        <dl class="facts monitoring-key-figures">
          <div>
            <dt>{m.projects}</dt>
            <dd data-figure="projects">{integer(c.projects, locale)}</dd>
          </div>
          <div>
            <dt>{m.crossRegional}</dt>
            <dd data-figure="cross-regional">{integer(c.crossRegional, locale)}</dd>
          </div>
          <div>
            <dt>{m.averageRegions}</dt>
            <dd data-figure="average-regions">{c.averageRegionsHundredths === null ? '–' : hundredths(c.averageRegionsHundredths, 2, locale)}</dd>
          </div>
          <div>
            <dt>{m.totalFunding}</dt>
            <dd data-figure="total-funding">{money(data.funding.totalCents, locale)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="monitoring-matrix">
        <h2 id="monitoring-matrix">{m.matrixHeading}</h2>
        <MatrixSection ctx={ctx} data={data} />
      </section>

      <section aria-labelledby="monitoring-years">
        <h2 id="monitoring-years">{m.yearHeading}</h2>
        <YearSection ctx={ctx} data={data} />
      </section>

      <section aria-labelledby="monitoring-calls">
        <h2 id="monitoring-calls">{m.callHeading}</h2>
        <CallTable ctx={ctx} data={data} />
      </section>

      <section aria-labelledby="monitoring-instruments">
        <h2 id="monitoring-instruments">{m.instrumentHeading}</h2>
        <InstrumentTable ctx={ctx} data={data} />
      </section>

      <section aria-labelledby="monitoring-collaboration">
        <h2 id="monitoring-collaboration">{m.collaborationHeading}</h2>
        <CollaborationSection ctx={ctx} data={data} />
      </section>

      <section aria-labelledby="monitoring-indicators">
        <h2 id="monitoring-indicators">{m.indicatorHeading}</h2>
        <IndicatorSection ctx={ctx} data={data} />
      </section>
    </>
  );
}
