import { niceTicks, wrapLabel } from '../../../domain/monitoring.js';
import { ChartFrame, Lines } from './chart-frame.js';

export interface Bar {
  label: string;
  value: number;
  /** The value as written at the end of the bar. */
  valueText: string;
}

export interface BarChartProps {
  id: string;
  title: string;
  desc: string;
  bars: readonly Bar[];
  /** Tick labels of the value axis. */
  formatTick: (value: number) => string;
  /** A vertical line at a value, e.g. 100 % of the target. */
  reference?: { value: number; label: string } | undefined;
}

const LABEL_WIDTH = 180;
const VALUE_ROOM = 110;
const PLOT_WIDTH = 340;
const BAR_BAND = 34;
const TOP = 10;
export const BAR_FILL = '#1f5fa8';

/** Horizontal bars with their values written at their ends and a labelled value axis. */
export function BarChart(p: BarChartProps) {
  const max = Math.max(0, ...p.bars.map((b) => b.value), p.reference?.value ?? 0);
  const ticks = niceTicks(max);
  const scaleMax = ticks[ticks.length - 1]!;
  const xOf = (v: number) => LABEL_WIDTH + (PLOT_WIDTH * Math.max(0, v)) / scaleMax;
  const labels = p.bars.map((b) => wrapLabel(b.label, 26, 2));
  const plotHeight = p.bars.length * BAR_BAND;
  const axisY = TOP + plotHeight;
  const width = LABEL_WIDTH + PLOT_WIDTH + VALUE_ROOM;
  const height = axisY + 40;
  return (
    <ChartFrame id={p.id} title={p.title} desc={p.desc} width={width} height={height} class="chart chart--bars">
      {ticks.map((t) => (
        <g class="bar-tick">
          <line x1={xOf(t)} x2={xOf(t)} y1={TOP} y2={axisY} stroke="#d0d0d0" stroke-width={1} />
          <text x={xOf(t)} y={axisY + 16} text-anchor="middle" font-size={11} fill="#1a1a1a">
            {p.formatTick(t)}
          </text>
        </g>
      ))}
      <line x1={LABEL_WIDTH} x2={LABEL_WIDTH + PLOT_WIDTH} y1={axisY} y2={axisY} stroke="#6b6b6b" stroke-width={1} />
      {p.bars.map((bar, i) => {
        const y = TOP + i * BAR_BAND;
        const lines = labels[i]!;
        return (
          <g class="bar">
            <Lines lines={lines} x={LABEL_WIDTH - 8} y={y + BAR_BAND / 2 + 4 - ((lines.length - 1) * 13) / 2} lineHeight={13} anchor="end" />
            <rect x={LABEL_WIDTH} y={y + 6} width={Math.max(0, xOf(bar.value) - LABEL_WIDTH)} height={BAR_BAND - 12} fill={BAR_FILL} />
            <text x={xOf(bar.value) + 6} y={y + BAR_BAND / 2 + 4} font-size={12} fill="#1a1a1a">
              {bar.valueText}
            </text>
          </g>
        );
      })}
      {p.reference ? (
        <g class="bar-reference">
          <line x1={xOf(p.reference.value)} x2={xOf(p.reference.value)} y1={TOP - 4} y2={axisY + 4} stroke="#000000" stroke-width={2} stroke-dasharray="6 3" />
          <text x={xOf(p.reference.value)} y={axisY + 32} text-anchor="middle" font-size={11} font-weight="bold" fill="#1a1a1a">
            {p.reference.label}
          </text>
        </g>
      ) : null}
    </ChartFrame>
  );
}
