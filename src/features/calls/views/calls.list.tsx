import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime, formatMoney } from '../../../i18n/format.js';
import { Notice, SelectField } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { PriorityFilter, RegionFilter } from '../../../views/components/reference-fields.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Region } from '../../regions/regions.repository.js';
import type { Priority } from '../../strategy/strategy.repository.js';
import { callsMessages } from '../calls.messages.js';
import { instruments, publicPhases, type PublicCallSummary } from '../calls.public.repository.js';
import { Pager } from '../../../views/components/pager.js';
import { LocalText, PhaseTag } from './calls.parts.js';

/** The filters as the form shows them: what was asked for and recognised ('' for all). */
export interface CallListForm {
  phase: string;
  priority: string;
  region: string;
  instrument: string;
}

export function CallListPage(props: {
  ctx: PageContext;
  form: CallListForm;
  ignored: boolean;
  priorities: readonly Priority[];
  regions: readonly Region[];
  calls: readonly PublicCallSummary[];
  total: number;
  previous: string | undefined;
  next: string | undefined;
}) {
  const { ctx, form, calls } = props;
  const { locale } = ctx;
  const m = callsMessages[locale];
  const filtered = Object.values(form).some((v) => v !== '');
  return (
    <Layout ctx={ctx} title={m.title} description={m.lead}>
      <PageHeading title={m.title} lead={m.lead} />
      {props.ignored ? <Notice text={m.ignoredFilters} kind="warning" /> : null}
      <form method="get" action={pagePath(locale, 'calls')} class="filter-form">
        <fieldset>
          <legend>{m.filterLegend}</legend>
          <SelectField
            name="phase"
            label={m.phase}
            value={form.phase}
            placeholder={m.anyPhase}
            options={publicPhases.map((p) => ({ value: p, label: m.phases[p] }))}
          />
          <PriorityFilter locale={locale} priorities={props.priorities} label={m.priority} value={form.priority} placeholder={m.anyPriority} />
          <RegionFilter locale={locale} regions={props.regions} label={m.region} hint={m.regionHint} value={form.region} placeholder={m.anyRegion} />
          <SelectField
            name="instrument"
            label={m.instrument}
            value={form.instrument}
            placeholder={m.anyInstrument}
            options={instruments.map((i) => ({ value: i, label: m.instruments[i] }))}
          />
        </fieldset>
        <button type="submit" class="button">
          {m.filter}
        </button>
        {filtered ? <a href={pagePath(locale, 'calls')}>{m.clearFilters}</a> : null}
      </form>

      <section aria-labelledby="calls-results-heading">
        <h2 id="calls-results-heading">{m.resultsHeading}</h2>
        {props.total === 0 ? (
          filtered ? (
            <>
              <p>{m.noMatches}</p>
              <p>
                <a href={pagePath(locale, 'calls')}>{m.clearFilters}</a>
              </p>
            </>
          ) : (
            <p>{m.noCalls}</p>
          )
        ) : (
          <>
            <p class="muted">
              {m.resultCount(props.total)} {m.timesNote}
            </p>
            {calls.length > 0 ? (
              <ul class="call-list">
                {calls.map((call) => (
                  <CallCard ctx={ctx} call={call} regions={props.regions} />
                ))}
              </ul>
            ) : null}
          </>
        )}
        <Pager labels={callsMessages[ctx.locale]} previous={props.previous} next={props.next} />
      </section>
    </Layout>
  );
}

function CallCard({ ctx, call, regions }: { ctx: PageContext; call: PublicCallSummary; regions: readonly Region[] }) {
  const { locale } = ctx;
  const m = callsMessages[locale];
  const councils = call.budgets
    .map((b) => regions.find((r) => r.code === b.regionCode)?.council.name[locale])
    .filter((name): name is string => name !== undefined);
  return (
    <li class="card call-card">
      <h3>
        <a href={pagePath(locale, 'calls', String(call.id))}>
          <LocalText text={call.title} locale={locale} />
        </a>
      </h3>
      <p class="call-card__phase">
        <PhaseTag ctx={ctx} phase={call.phase} />
      </p>
      <p>
        <LocalText text={call.summary} locale={locale} />
      </p>
      <dl class="facts facts--inline">
        <div>
          <dt>{call.phase === 'published' ? m.opens : m.opened}</dt>
          <dd>{formatDateTime(call.opensAt, locale)}</dd>
        </div>
        <div>
          <dt>{call.phase === 'published' || call.phase === 'open' ? m.closes : m.closed}</dt>
          <dd>{formatDateTime(call.closesAt, locale)}</dd>
        </div>
        <div>
          <dt>{m.totalBudget}</dt>
          <dd>{formatMoney(call.totalBudgetCents, locale, { wholeEuros: true })}</dd>
        </div>
        <div>
          <dt>{m.instrument}</dt>
          <dd>{m.instruments[call.instrument]}</dd>
        </div>
      </dl>
      <p class="muted">
        {m.councils}: {councils.join(', ')}
      </p>
    </li>
  );
}
