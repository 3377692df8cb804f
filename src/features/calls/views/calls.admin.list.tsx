import { callPhases, type CallPhase } from '../../../domain/call-lifecycle.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatMoney } from '../../../i18n/format.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { Notice, SelectField } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Region } from '../../regions/regions.repository.js';
import { callsAdminMessages } from '../calls.admin.messages.js';
import type { AdminCallRow } from '../calls.admin.repository.js';
import { PhaseTag, helsinkiTimeText, textIn } from './calls.admin.parts.js';

export function CallListPage(props: {
  ctx: PageContext;
  calls: ReadonlyArray<AdminCallRow & { phase: CallPhase }>;
  regions: readonly Region[];
  phase: CallPhase | '';
  notice: string | undefined;
}) {
  const { ctx, calls, regions, phase } = props;
  const { t, locale } = ctx;
  const m = callsAdminMessages[locale];
  const regionName = new Map(regions.map((r) => [r.code, r.name[locale]]));
  return (
    <AdminLayout ctx={ctx} title={t.admin.calls} section="adminCalls">
      <Notice text={props.notice} />
      <PageHeading title={t.admin.calls} lead={m.lead} />
      <p>
        <a class="button" href={pagePath(locale, 'adminCalls', 'new')}>
          {m.newCall}
        </a>
      </p>
      <form method="get" action={pagePath(locale, 'adminCalls')} class="filter-form">
        <fieldset>
          <legend>{m.filterLegend}</legend>
          <SelectField
            name="phase"
            label={m.phaseFilter}
            value={phase}
            placeholder={m.allPhases}
            options={callPhases.map((p) => ({ value: p, label: m.phases[p] }))}
          />
        </fieldset>
        <button type="submit" class="button">
          {m.filter}
        </button>{' '}
        <a href={pagePath(locale, 'adminCalls')}>{m.clearFilter}</a>
      </form>
      {calls.length === 0 ? (
        <p>{m.noCalls}</p>
      ) : (
        <ScrollTable id="calls-caption" caption={m.listCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colReference}</th>
              <th scope="col">{m.colTitle}</th>
              <th scope="col">{m.colPhase}</th>
              <th scope="col">{m.colOpens}</th>
              <th scope="col">{m.colCloses}</th>
              <th scope="col">{m.colCouncils}</th>
              <th scope="col">{m.colBudget}</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <tr>
                <td>{c.reference}</td>
                <th scope="row">
                  <a href={pagePath(locale, 'adminCalls', String(c.id))}>{textIn(c.title, locale)}</a>
                </th>
                <td>
                  <PhaseTag phase={c.phase} locale={locale} />
                </td>
                <td>{helsinkiTimeText(c.opensAt, locale)}</td>
                <td>{helsinkiTimeText(c.closesAt, locale)}</td>
                <td>{c.budgets.map((b) => regionName.get(b.regionCode) ?? b.regionCode).join(', ')}</td>
                <td>{formatMoney(c.budgets.reduce((sum, b) => sum + b.budgetCents, 0), locale, { wholeEuros: true })}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </AdminLayout>
  );
}
