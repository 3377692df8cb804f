import { HEAT_COLOURS, heatLegend, heatStep, textColourOn, wrapLabel } from '../../../domain/monitoring.js';
import { ChartFrame, Lines } from './chart-frame.js';

export interface HeatMapProps {
  id: string;
  title: string;
  desc: string;
  rowLabels: readonly string[];
  columnLabels: readonly string[];
  /** values[row][column], non-negative integers. */
  values: readonly (readonly number[])[];
  /** The text in a cell and in the legend (short: the cells are narrow). */
  format: (value: number) => string;
  legendTitle: string;
  legendNone: string;
  legendRange: (from: string, to: string) => string;
}

const ROW_LABEL_WIDTH = 150;
const CELL_WIDTH = 120;
const CELL_HEIGHT = 36;
const HEADER_LINE = 14;

/**
 * A heat map whose every cell carries its number as text (colour is never the only means); the
 * text is black or white, whichever reads better on the cell's colour. A legend gives each colour's range.
 */
export function HeatMap(p: HeatMapProps) {
  const max = Math.max(0, ...p.values.flat());
  const headerLines = p.columnLabels.map((label) => wrapLabel(label, 17, 3));
  const headerHeight = Math.max(1, ...headerLines.map((l) => l.length)) * HEADER_LINE + 10;
  const gridTop = headerHeight;
  const gridHeight = p.rowLabels.length * CELL_HEIGHT;
  const width = ROW_LABEL_WIDTH + Math.max(1, p.columnLabels.length) * CELL_WIDTH;
  const legend = heatLegend(max);
  const legendTop = gridTop + gridHeight + 24;
  const legendColumns = width >= 560 ? 3 : 2;
  const legendItemWidth = (width - 10) / legendColumns;
  const height = legendTop + 22 + Math.ceil(legend.length / legendColumns) * 24;
  return (
    <ChartFrame id={p.id} title={p.title} desc={p.desc} width={width} height={height} class="chart chart--heat-map">
      {headerLines.map((lines, j) => (
        <Lines lines={lines} x={ROW_LABEL_WIDTH + j * CELL_WIDTH + CELL_WIDTH / 2} y={gridTop - 6 - (lines.length - 1) * HEADER_LINE} anchor="middle" weight="bold" />
      ))}
      {p.rowLabels.map((label, i) => (
        <g>
          <text x={ROW_LABEL_WIDTH - 8} y={gridTop + i * CELL_HEIGHT + CELL_HEIGHT / 2 + 4} text-anchor="end" font-size={12} fill="#1a1a1a">
            {label}
          </text>
          {p.columnLabels.map((_, j) => {
            const value = p.values[i]?.[j] ?? 0;
            const fill = HEAT_COLOURS[heatStep(value, max)]!;
            const x = ROW_LABEL_WIDTH + j * CELL_WIDTH;
            const y = gridTop + i * CELL_HEIGHT;
            return (
              <g class="heat-cell" data-step={heatStep(value, max)}>
                <rect x={x} y={y} width={CELL_WIDTH} height={CELL_HEIGHT} fill={fill} stroke="#ffffff" stroke-width={2} />
                <text x={x + CELL_WIDTH / 2} y={y + CELL_HEIGHT / 2 + 4} text-anchor="middle" font-size={12} fill={textColourOn(fill)}>
                  {p.format(value)}
                </text>
              </g>
            );
          })}
        </g>
      ))}
      <text x={0} y={legendTop} font-size={12} font-weight="bold" fill="#1a1a1a">
        {p.legendTitle}
      </text>
      {legend.map((entry, k) => {
        const x = (k % legendColumns) * legendItemWidth;
        const y = legendTop + 12 + Math.floor(k / legendColumns) * 24;
        return (
          <g class="heat-legend">
            <rect x={x} y={y} width={18} height={18} fill={HEAT_COLOURS[entry.step]} stroke="#6b6b6b" stroke-width={1} />
            <text x={x + 24} y={y + 14} font-size={12} fill="#1a1a1a">
              {entry.step === 0 ? p.legendNone : p.legendRange(p.format(entry.from), p.format(entry.to))}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
