/** The time zone in which every deadline, date and year of the platform is reckoned. */
export const HELSINKI = 'Europe/Helsinki';

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: HELSINKI,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The wall-clock reading in Helsinki at an instant. */
export function helsinkiWallClock(instant: Date): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The calendar year in Helsinki at an instant (the chair year turns at midnight Helsinki time). */
export function helsinkiYear(instant: Date): number {
  return helsinkiWallClock(instant).year;
}

/** Today's date in Helsinki as 'YYYY-MM-DD'. */
export function helsinkiDate(instant: Date): string {
  const { year, month, day } = helsinkiWallClock(instant);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The UTC instant of a Helsinki wall-clock time. For a time that does not exist (the hour skipped in
 * spring) the result is the instant the clocks jumped to; for one that occurs twice (autumn) it is
 * the earlier of the two.
 */
export function helsinkiToUtc(local: LocalDateTime): Date {
  const asIfUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  // Helsinki is UTC+2 or UTC+3; try the larger offset first so that a repeated hour maps to the earlier instant.
  for (const offsetHours of [3, 2]) {
    const candidate = new Date(asIfUtc - offsetHours * 3_600_000);
    const back = helsinkiWallClock(candidate);
    if (
      back.year === local.year &&
      back.month === local.month &&
      back.day === local.day &&
      back.hour === local.hour &&
      back.minute === local.minute &&
      back.second === local.second
    ) {
      return candidate;
    }
  }
  // Skipped hour: 03:xx does not exist on the last Sunday of March; the clocks read 04:xx at that instant.
  return new Date(asIfUtc - 2 * 3_600_000);
}

/** The instant at which a calendar year begins in Helsinki. */
export function startOfHelsinkiYear(year: number): Date {
  return helsinkiToUtc({ year, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
}
