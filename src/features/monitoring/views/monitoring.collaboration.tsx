import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import { ChartScroll } from '../charts/chart-frame.js';
import { NetworkChart } from '../charts/network-chart.js';
import { monitoringMessages } from '../monitoring.messages.js';
import type { MonitoringData } from '../monitoring.repository.js';
import { integer } from './monitoring.format.js';

/** Which regions work together: the network of joint projects and every pair in a table, most first. */
export function CollaborationSection({ ctx, data }: { ctx: PageContext; data: MonitoringData }) {
  const { locale } = ctx;
  const m = monitoringMessages[locale];
  const name = (code: string) => data.regions.find((r) => r.code === code)?.name[locale] ?? code;
  const pairs = data.collaboration.pairs;
  const top = pairs.filter((p) => p.projects === pairs[0]?.projects).map((p) => `${name(p.a)} – ${name(p.b)} (${integer(p.projects, locale)})`);
  return (
    <div class="monitoring-figure">
      <p>{m.collaborationLead}</p>
      <ChartScroll chartId="monitoring-network">
        <NetworkChart
          id="monitoring-network"
          title={m.networkTitle}
          desc={m.networkDesc(pairs.length === 0 ? m.networkNone : m.topPairs(top.join(', ')))}
          nodes={data.regions.map((r) => ({ code: r.code, label: r.name[locale] }))}
          links={pairs.map((p) => ({ a: p.a, b: p.b, count: p.projects }))}
        />
      </ChartScroll>
      {pairs.length === 0 ? (
        <p>{m.networkNone}</p>
      ) : (
        <ScrollTable id="monitoring-pairs-caption" caption={m.pairCaption}>
          <thead>
            <tr>
              <th scope="col">{m.pair}</th>
              <th scope="col" class="numeric">
                {m.sharedProjects}
              </th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((p) => (
              <tr data-pair={`${p.a}-${p.b}`}>
                <th scope="row">
                  {name(p.a)} – {name(p.b)}
                </th>
                <td class="numeric">{integer(p.projects, locale)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}
