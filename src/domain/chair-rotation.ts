import { helsinkiYear, startOfHelsinkiYear } from './helsinki-time.js';

/**
 * The chair region (puheenjohtajamaakunta) coordinates the cooperation for one calendar year, in
 * turn. The region at position 0 of the order chairs in the base year, the next one the year after,
 * and so on round the order; a single year can be overridden.
 */
export interface ChairRotation {
  readonly baseYear: number;
  /** Region codes in rotation order. */
  readonly order: readonly string[];
  readonly overrides: Readonly<Record<number, string>>;
}

export type ChairOfYear =
  | { readonly ok: true; readonly year: number; readonly regionCode: string; readonly source: 'rotation' | 'override' }
  | { readonly ok: false; readonly year: number; readonly reason: 'before-rotation'; readonly firstYear: number }
  | { readonly ok: false; readonly year: number; readonly reason: 'no-rotation' };

export function chairOfYear(rotation: ChairRotation, year: number): ChairOfYear {
  const override = rotation.overrides[year];
  if (override !== undefined) return { ok: true, year, regionCode: override, source: 'override' };
  if (rotation.order.length === 0) return { ok: false, year, reason: 'no-rotation' };
  if (year < rotation.baseYear) return { ok: false, year, reason: 'before-rotation', firstYear: rotation.baseYear };
  const position = (year - rotation.baseYear) % rotation.order.length;
  return { ok: true, year, regionCode: rotation.order[position]!, source: 'rotation' };
}

/** The chair at an instant: the year is the Helsinki calendar year, so rights pass at midnight Helsinki time on 1 January. */
export function chairAt(rotation: ChairRotation, instant: Date): ChairOfYear {
  return chairOfYear(rotation, helsinkiYear(instant));
}

/** The instant at which the current chair hands over to the next one. */
export function nextHandover(instant: Date): Date {
  return startOfHelsinkiYear(helsinkiYear(instant) + 1);
}

export type RotationProblem =
  | { readonly kind: 'duplicate-region'; readonly regionCode: string }
  | { readonly kind: 'unknown-region'; readonly regionCode: string }
  | { readonly kind: 'empty' };

/** Checks an order an officer proposes: every region known, none twice, at least one. */
export function checkRotationOrder(order: readonly string[], knownRegions: readonly string[]): RotationProblem[] {
  if (order.length === 0) return [{ kind: 'empty' }];
  const problems: RotationProblem[] = [];
  const seen = new Set<string>();
  for (const code of order) {
    if (!knownRegions.includes(code)) problems.push({ kind: 'unknown-region', regionCode: code });
    else if (seen.has(code)) problems.push({ kind: 'duplicate-region', regionCode: code });
    seen.add(code);
  }
  return problems;
}
