import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import { BarChart } from '../charts/bar-chart.js';
import { ChartScroll } from '../charts/chart-frame.js';
import { monitoringMessages } from '../monitoring.messages.js';
import type { IndicatorFigure, MonitoringData } from '../monitoring.repository.js';
import { indicatorValue, percent } from './monitoring.format.js';

/** The percentage a bar shows: of the strategy's target where set, else of the projects' targets. */
export function chartPercent(i: IndicatorFigure): number | null {
  return i.percentOfStrategyTarget ?? i.percentOfProjectTargets;
}

/** Indicator achievement against the targets: bars of the percentage and the full table. */
export function IndicatorSection({ ctx, data }: { ctx: PageContext; data: MonitoringData }) {
  const { locale } = ctx;
  const m = monitoringMessages[locale];
  const shown = data.indicators.filter((i) => !i.computed || data.collaboration.projects > 0 || i.strategyTargetHundredths !== null);
  const charted = shown.filter((i) => chartPercent(i) !== null);
  const value = (i: IndicatorFigure, v: number | null) => (v === null ? m.notSet : indicatorValue(v, i.unit, i.decimals, locale));
  const pct = (v: number | null) => (v === null ? '–' : percent(v, locale));
  if (shown.length === 0) return <p>{m.indicatorNone}</p>;
  return (
    <div class="monitoring-figure">
      <p>{m.indicatorLead}</p>
      {charted.length > 0 ? (
        <ChartScroll chartId="monitoring-indicator-chart">
          <BarChart
            id="monitoring-indicator-chart"
            title={m.indicatorChartTitle}
            desc={m.indicatorChartDesc(`${charted.map((i) => `${i.code} ${pct(chartPercent(i))}`).join(', ')}.`)}
            bars={charted.map((i) => ({ label: `${i.code} ${i.name[locale]}`, value: chartPercent(i)!, valueText: pct(chartPercent(i)) }))}
            formatTick={(tenths) => percent(tenths, locale).replace(/[,.]0(?=\s?%)/, '')}
            reference={{ value: 1000, label: '100 %' }}
          />
        </ChartScroll>
      ) : null}
      <ScrollTable id="monitoring-indicators-caption" caption={m.indicatorCaption}>
        <thead>
          <tr>
            <th scope="col">{m.indicator}</th>
            <th scope="col" class="numeric">
              {m.achieved}
            </th>
            <th scope="col" class="numeric">
              {m.projectTargets}
            </th>
            <th scope="col" class="numeric">
              {m.strategyTarget}
            </th>
            <th scope="col" class="numeric">
              {m.ofStrategyTarget}
            </th>
            <th scope="col" class="numeric">
              {m.ofProjectTargets}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => (
            <tr data-indicator={i.code}>
              <th scope="row">
                {i.code} {i.name[locale]}
                {i.computed ? <span class="muted"> ({m.computed})</span> : null}
              </th>
              <td class="numeric">{value(i, i.achievedHundredths)}</td>
              <td class="numeric">{i.computed ? '–' : value(i, i.projectTargetsHundredths)}</td>
              <td class="numeric">{value(i, i.strategyTargetHundredths)}</td>
              <td class="numeric">{pct(i.percentOfStrategyTarget)}</td>
              <td class="numeric">{pct(i.percentOfProjectTargets)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
