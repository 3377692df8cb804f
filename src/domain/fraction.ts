/**
 * Exact non-negative rationals for scores: a mean of reviewers' scores (7/3) is kept as it is, so
 * that a ranking never depends on how a float rounds. Numerators and denominators stay small
 * (scores ≤ 5, weights and reviewer counts in the tens), far inside safe integers.
 */
export interface Fraction {
  readonly num: number;
  readonly den: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

export function fraction(num: number, den = 1): Fraction {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) throw new RangeError(`not a fraction: ${num}/${den}`);
  const g = gcd(num, den) || 1;
  return { num: num / g, den: den / g };
}

export const ZERO: Fraction = { num: 0, den: 1 };

export const add = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den + b.num * a.den, a.den * b.den);
export const times = (a: Fraction, k: number): Fraction => fraction(a.num * k, a.den);
/** Negative when a < b, zero when equal, positive when a > b. */
export const compare = (a: Fraction, b: Fraction): number => a.num * b.den - b.num * a.den;
export const toNumber = (a: Fraction): number => a.num / a.den;
export const isAtLeast = (a: Fraction, minimum: number): boolean => a.num >= minimum * a.den;
