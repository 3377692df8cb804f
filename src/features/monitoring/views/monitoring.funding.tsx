import { pagePath } from '../../../http/page-paths.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import { callsMessages } from '../../calls/calls.messages.js';
import { BarChart } from '../charts/bar-chart.js';
import { ChartScroll } from '../charts/chart-frame.js';
import { HeatMap } from '../charts/heat-map.js';
import { monitoringMessages } from '../monitoring.messages.js';
import type { MonitoringData } from '../monitoring.repository.js';
import { compactMoney, integer, money } from './monitoring.format.js';

/** Funding by priority × region (heat map and table), per year (bars and table), per call and per instrument. */

function regionName(data: MonitoringData, code: string, ctx: PageContext): string {
  return data.regions.find((r) => r.code === code)?.name[ctx.locale] ?? code;
}

export function MatrixSection({ ctx, data }: { ctx: PageContext; data: MonitoringData }) {
  const { locale } = ctx;
  const m = monitoringMessages[locale];
  const f = data.funding;
  const priorityNames = f.priorities.map((p) => p.name?.[locale] ?? m.noPriority);
  const regionNames = f.regionCodes.map((code) => regionName(data, code, ctx));
  // The heat map has the regions as rows (their names fit the width) and the priorities as columns.
  const transposed = f.regionCodes.map((_, j) => f.cells.map((row) => row[j]!));
  let largest: string | null = null;
  let largestValue = 0;
  f.cells.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v > largestValue) [largestValue, largest] = [v, `${priorityNames[i]}, ${regionNames[j]}: ${money(v, locale)}`];
    }),
  );
  return (
    <div class="monitoring-figure">
      <ChartScroll chartId="monitoring-heat-map">
        <HeatMap
          id="monitoring-heat-map"
          title={m.heatTitle}
          desc={m.heatDesc(money(f.totalCents, locale), largest)}
          rowLabels={regionNames}
          columnLabels={priorityNames}
          values={transposed}
          format={(cents) => compactMoney(cents, locale)}
          legendTitle={m.legendTitle}
          legendNone={m.legendNone}
          legendRange={m.legendRange}
        />
      </ChartScroll>
      <ScrollTable id="monitoring-matrix-caption" caption={m.matrixCaption} class="table monitoring-matrix">
        <thead>
          <tr>
            <th scope="col">{m.priority}</th>
            {regionNames.map((name) => (
              <th scope="col" class="numeric">
                {name}
              </th>
            ))}
            <th scope="col" class="numeric">
              {m.total}
            </th>
          </tr>
        </thead>
        <tbody>
          {f.priorities.map((p, i) => (
            <tr data-priority={p.slug ?? ''}>
              <th scope="row">{priorityNames[i]}</th>
              {f.cells[i]!.map((cents) => (
                <td class="numeric">{money(cents, locale)}</td>
              ))}
              <td class="numeric">{money(f.rowTotals[i]!, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{m.total}</th>
            {f.columnTotals.map((cents) => (
              <td class="numeric">{money(cents, locale)}</td>
            ))}
            <td class="numeric">{money(f.totalCents, locale)}</td>
          </tr>
        </tfoot>
      </ScrollTable>
    </div>
  );
}

export function YearSection({ ctx, data }: { ctx: PageContext; data: MonitoringData }) {
  const { locale } = ctx;
  const m = monitoringMessages[locale];
  const years = data.funding.byYear;
  const summary = years.map((y) => `${y.year}: ${money(y.cents, locale)}`).join(', ');
  return (
    <div class="monitoring-figure">
      {years.length > 0 ? (
        <ChartScroll chartId="monitoring-year-chart">
          <BarChart
            id="monitoring-year-chart"
            title={m.yearChartTitle}
            desc={m.yearChartDesc(summary ? `${summary}.` : '')}
            bars={years.map((y) => ({ label: String(y.year), value: y.cents, valueText: compactMoney(y.cents, locale) }))}
            formatTick={(cents) => compactMoney(cents, locale)}
          />
        </ChartScroll>
      ) : null}
      <ScrollTable id="monitoring-years-caption" caption={m.yearCaption}>
        <thead>
          <tr>
            <th scope="col">{m.year}</th>
            <th scope="col" class="numeric">
              {m.projectCount}
            </th>
            <th scope="col" class="numeric">
              {m.funding}
            </th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr data-year={y.year}>
              <th scope="row">{y.year}</th>
              <td class="numeric">{integer(y.projects, locale)}</td>
              <td class="numeric">{money(y.cents, locale)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}

export function CallTable({ ctx, data }: { ctx: PageContext; data: MonitoringData }) {
  const { locale } = ctx;
  const m = monitoringMessages[locale];
  return (
    <ScrollTable id="monitoring-calls-caption" caption={m.callCaption}>
      <thead>
        <tr>
          <th scope="col">{m.call}</th>
          <th scope="col">{m.instrument}</th>
          <th scope="col" class="numeric">
            {m.projectCount}
          </th>
          <th scope="col" class="numeric">
            {m.funding}
          </th>
        </tr>
      </thead>
      <tbody>
        {data.funding.byCall.map((c) => (
          <tr data-call={c.callId}>
            <th scope="row">
              {c.title[locale]} ({c.reference})
              <br />
              <a href={pagePath(locale, 'calls', String(c.callId), 'decisions')}>
                {m.decisionsLink}
                <span class="visually-hidden">: {c.title[locale]}</span>
              </a>
            </th>
            <td>{callsMessages[locale].instruments[c.instrument]}</td>
            <td class="numeric">{integer(c.projects, locale)}</td>
            <td class="numeric">{money(c.cents, locale)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function InstrumentTable({ ctx, data }: { ctx: PageContext; data: MonitoringData }) {
  const { locale } = ctx;
  const m = monitoringMessages[locale];
  return (
    <ScrollTable id="monitoring-instruments-caption" caption={m.instrumentCaption}>
      <thead>
        <tr>
          <th scope="col">{m.instrument}</th>
          <th scope="col" class="numeric">
            {m.projectCount}
          </th>
          <th scope="col" class="numeric">
            {m.funding}
          </th>
        </tr>
      </thead>
      <tbody>
        {data.funding.byInstrument.map((i) => (
          <tr data-instrument={i.instrument}>
            <th scope="row">{callsMessages[locale].instruments[i.instrument]}</th>
            <td class="numeric">{integer(i.projects, locale)}</td>
            <td class="numeric">{money(i.cents, locale)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
