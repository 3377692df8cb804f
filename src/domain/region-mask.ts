/**
 * The set of regions a project's partners are in, as one integer: bit n set for region code n
 * (Finland's region codes are 01–21, so every set fits in 22 bits). Stored on each project, it lets
 * the dashboard count which regions work together from at most a few hundred distinct sets instead
 * of joining every project's partners with themselves.
 */
export function regionMaskOf(regionCodes: Iterable<string>): number {
  let mask = 0;
  for (const code of regionCodes) {
    const bit = Number(code);
    if (!Number.isInteger(bit) || bit < 0 || bit > 30) throw new RangeError(`regionMaskOf: "${code}" is not a region code`);
    mask |= 1 << bit;
  }
  return mask;
}

/** The region codes of a mask, in code order, two digits each. */
export function regionCodesOf(mask: number): string[] {
  const codes: string[] = [];
  for (let bit = 0; bit <= 30; bit++) if (mask & (1 << bit)) codes.push(String(bit).padStart(2, '0'));
  return codes;
}

/**
 * Projects per pair of regions (a < b by code) from the number of projects of each region set:
 * a project counts once for each pair of its regions.
 */
export function pairsFromMasks(sets: ReadonlyArray<{ mask: number; projects: number }>): Array<{ a: string; b: string; projects: number }> {
  const counts = new Map<string, number>();
  for (const { mask, projects } of sets) {
    const codes = regionCodesOf(mask);
    for (let i = 0; i < codes.length; i++) {
      for (let j = i + 1; j < codes.length; j++) {
        const key = `${codes[i]}|${codes[j]}`;
        counts.set(key, (counts.get(key) ?? 0) + projects);
      }
    }
  }
  return [...counts].map(([key, projects]) => {
    const [a, b] = key.split('|') as [string, string];
    return { a, b, projects };
  });
}
