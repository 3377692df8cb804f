import type { ComponentChildren } from 'preact';

/**
 * An accessible server-rendered chart: one image (role="img") named by its <title> and described by
 * its <desc>, which gives the summary; the same numbers are in a table next to it. The viewBox
 * scales the drawing to the width of its container (down to 320 px).
 */
export function ChartFrame(props: { id: string; title: string; desc: string; width: number; height: number; class?: string; children: ComponentChildren }) {
  const { id, width, height } = props;
  return (
    <svg
      class={props.class ?? 'chart'}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      xmlns="http://www.w3.org/2000/svg"
      font-family="inherit"
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.desc}</desc>
      {props.children}
    </svg>
  );
}

/**
 * The box a chart is shown in: on a narrow screen the chart keeps a legible size (site.css) and this
 * box scrolls sideways; it is focusable and named by the chart's title, so keyboard users can scroll it.
 */
export function ChartScroll({ chartId, children }: { chartId: string; children: ComponentChildren }) {
  return (
    <div class="chart-scroll" tabIndex={0} role="region" aria-labelledby={`${chartId}-title`}>
      {children}
    </div>
  );
}

/** Text lines stacked from a baseline, for wrapped labels. */
export function Lines({ lines, x, y, lineHeight = 14, anchor = 'start', size = 12, fill = '#1a1a1a', weight }: {
  lines: readonly string[];
  x: number;
  y: number;
  lineHeight?: number;
  anchor?: 'start' | 'middle' | 'end';
  size?: number;
  fill?: string;
  weight?: string;
}) {
  return (
    <text x={x} y={y} text-anchor={anchor} font-size={size} fill={fill} font-weight={weight}>
      {lines.map((line, i) => (
        <tspan x={x} dy={i === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
