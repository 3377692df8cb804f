/**
 * The Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit. The check digit is
 * computed with the weights 7, 9, 10, 5, 8, 4, 2: remainder 0 gives 0, remainder 1 is never issued,
 * otherwise 11 minus the remainder. Old six-digit IDs are written with a leading zero.
 */
export type BusinessIdResult =
  | { ok: true; value: string }
  | { ok: false; reason: 'empty' | 'format' }
  | { ok: false; reason: 'check-digit'; expected: number | null };

const weights = [7, 9, 10, 5, 8, 4, 2] as const;

/** The check digit of the first seven digits, or null when no valid ID starts with them. */
export function businessIdCheckDigit(digits: string): number | null {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * weights[i]!;
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

/** Accepts "1234567-8", "1234567 8", "12345678" or the six-digit old form; returns "1234567-8". */
export function parseBusinessId(input: string): BusinessIdResult {
  const compact = input.trim().replace(/[\s‐‑–—-]/g, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  if (!/^\d{7,8}$/.test(compact)) return { ok: false, reason: 'format' };
  const padded = compact.length === 7 ? `0${compact}` : compact;
  const digits = padded.slice(0, 7);
  const given = Number(padded[7]);
  const expected = businessIdCheckDigit(digits);
  if (expected === null || expected !== given) return { ok: false, reason: 'check-digit', expected };
  return { ok: true, value: `${digits}-${given}` };
}
