/**
 * Pure derivations of the monitoring dashboard: exact averages and percentages from integer sums,
 * the colour steps of the heat map with a text colour readable on each, nice axis ticks and the
 * layout of the collaboration network. No I/O; amounts are integers (cents or hundredths).
 */

/** a / b rounded half up to an integer, for non-negative integers (exact: no floating division). */
export function divideRounded(a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a < 0 || b <= 0) throw new RangeError(`divideRounded needs integers a ≥ 0, b > 0, got ${a}, ${b}`);
  return Math.floor((2 * a + b) / (2 * b));
}

/** The average of `count` integers summing to `sum`, in hundredths rounded half up (8 / 3 → 267); null for none. */
export function averageHundredths(sum: number, count: number): number | null {
  return count === 0 ? null : divideRounded(sum * 100, count);
}

/** `achieved` as a percentage of `target` in tenths of a percent (45 of 60 → 750 = 75.0 %); null without a positive target. */
export function percentTenths(achieved: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return divideRounded(Math.max(0, achieved) * 1000, target);
}

// --- Colours -------------------------------------------------------------------------------------

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export const DARK_TEXT = '#000000';
export const LIGHT_TEXT = '#ffffff';

/** The text colour (black or white) with the higher contrast on a background: never below 4.58:1. */
export function textColourOn(background: string): string {
  return contrastRatio(DARK_TEXT, background) >= contrastRatio(LIGHT_TEXT, background) ? DARK_TEXT : LIGHT_TEXT;
}

/** Heat-map fills: step 0 is "nothing", steps 1–5 from light to dark blue. */
export const HEAT_COLOURS = ['#f4f4f4', '#deebf7', '#9ecae1', '#4a98c9', '#1f66a8', '#08306b'] as const;
export const HEAT_STEPS = HEAT_COLOURS.length - 1;

/** The colour step of a value against the largest value: 0 for zero, else 1..HEAT_STEPS in equal ranges ((k-1)/N·max, k/N·max]. */
export function heatStep(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(HEAT_STEPS, Math.max(1, Math.ceil((value * HEAT_STEPS) / max)));
}

/** The legend: each step's range of values (from exclusive, to inclusive), rounded down/up to whole units of `unit`. */
export function heatLegend(max: number): Array<{ step: number; from: number; to: number }> {
  if (max <= 0) return [{ step: 0, from: 0, to: 0 }];
  const legend = [{ step: 0, from: 0, to: 0 }];
  for (let k = 1; k <= HEAT_STEPS; k++) legend.push({ step: k, from: Math.floor((max * (k - 1)) / HEAT_STEPS), to: Math.floor((max * k) / HEAT_STEPS) });
  return legend;
}

// --- Axes ----------------------------------------------------------------------------------------

/** Axis ticks from 0 to at least `max` with a step of 1, 2 or 5 times a power of ten (integer steps for integer data). */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let v = 0; ticks.length === 0 || ticks[ticks.length - 1]! < max; v += step) ticks.push(v);
  return ticks;
}

// --- Collaboration network -----------------------------------------------------------------------

export interface NodePosition {
  x: number;
  y: number;
  /** Where the label goes and how it is anchored so that it lies outside the circle. */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
}

/** `n` nodes evenly on a circle, the first at the top, clockwise; labels `labelGap` further out. */
export function circleLayout(n: number, cx: number, cy: number, r: number, labelGap = 14): NodePosition[] {
  return Array.from({ length: n }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const round = (v: number) => Math.round(v * 10) / 10;
    return {
      x: round(cx + r * cos),
      y: round(cy + r * sin),
      labelX: round(cx + (r + labelGap) * cos),
      labelY: round(cy + (r + labelGap) * sin + 4),
      anchor: Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end',
    };
  });
}

/** The stroke width of a link: 2 to `maxWidth` in proportion to its count against the largest. */
export function linkWidth(count: number, maxCount: number, maxWidth = 12): number {
  if (count <= 0 || maxCount <= 0) return 0;
  return Math.round((2 + ((maxWidth - 2) * count) / maxCount) * 10) / 10;
}

export interface RegionPair {
  a: string;
  b: string;
  projects: number;
}

/** Pair counts as a symmetric matrix over the given region codes (diagonal null). */
export function pairMatrix(codes: readonly string[], pairs: readonly RegionPair[]): Array<Array<number | null>> {
  const index = new Map(codes.map((c, i) => [c, i]));
  const matrix: Array<Array<number | null>> = codes.map((_, i) => codes.map((__, j) => (i === j ? null : 0)));
  for (const p of pairs) {
    const [i, j] = [index.get(p.a), index.get(p.b)];
    if (i === undefined || j === undefined || i === j) continue;
    matrix[i]![j] = p.projects;
    matrix[j]![i] = p.projects;
  }
  return matrix;
}

/** Pairs by count, largest first, then by the codes. */
export function sortPairs<P extends RegionPair>(pairs: readonly P[]): P[] {
  return [...pairs].sort((x, y) => y.projects - x.projects || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

/** Greedy word wrap of a label into lines of at most `width` characters (a longer word gets its own line), at most `maxLines`, the last cut with "…". */
export function wrapLabel(text: string, width: number, maxLines = 3): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, Math.max(1, width - 1))}…`;
  return kept;
}
