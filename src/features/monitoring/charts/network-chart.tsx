import { circleLayout, linkWidth } from '../../../domain/monitoring.js';
import { ChartFrame } from './chart-frame.js';

export interface NetworkChartProps {
  id: string;
  title: string;
  desc: string;
  nodes: ReadonlyArray<{ code: string; label: string }>;
  links: ReadonlyArray<{ a: string; b: string; count: number }>;
}

const WIDTH = 530;
const HEIGHT = 420;
const RADIUS = 130;
export const LINK_COLOUR = '#1f5fa8';

/**
 * The regions on a circle and a line between each pair with joint projects, its width by their
 * number (written on the line too), like a chord diagram drawn with straight lines.
 */
export function NetworkChart(p: NetworkChartProps) {
  const cx = WIDTH / 2;
  const cy = HEIGHT / 2;
  const positions = circleLayout(p.nodes.length, cx, cy, RADIUS, 14);
  const at = new Map(p.nodes.map((n, i) => [n.code, positions[i]!]));
  const max = Math.max(0, ...p.links.map((l) => l.count));
  const drawn = [...p.links].filter((l) => l.count > 0 && at.has(l.a) && at.has(l.b)).sort((x, y) => x.count - y.count);
  return (
    <ChartFrame id={p.id} title={p.title} desc={p.desc} width={WIDTH} height={HEIGHT} class="chart chart--network">
      {drawn.map((l) => {
        const [a, b] = [at.get(l.a)!, at.get(l.b)!];
        return (
          <g class="network-link" data-pair={`${l.a}-${l.b}`}>
            <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={LINK_COLOUR} stroke-opacity={0.75} stroke-width={linkWidth(l.count, max)} stroke-linecap="round" />
          </g>
        );
      })}
      {drawn.map((l) => {
        const [a, b] = [at.get(l.a)!, at.get(l.b)!];
        // The count sits a third of the way along, so that counts of lines crossing the centre do not pile up there.
        const [x, y] = [a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3];
        return (
          <g class="network-count">
            <circle cx={x} cy={y} r={9} fill="#ffffff" stroke={LINK_COLOUR} stroke-width={1} />
            <text x={x} y={y + 4} text-anchor="middle" font-size={10} fill="#1a1a1a">
              {l.count}
            </text>
          </g>
        );
      })}
      {p.nodes.map((n, i) => {
        const pos = positions[i]!;
        return (
          <g class="network-node">
            <circle cx={pos.x} cy={pos.y} r={7} fill="#08306b" stroke="#ffffff" stroke-width={2} />
            <text x={pos.labelX} y={pos.labelY} text-anchor={pos.anchor} font-size={13} fill="#1a1a1a">
              {n.label}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
