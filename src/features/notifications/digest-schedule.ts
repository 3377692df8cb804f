import { helsinkiToUtc, helsinkiWallClock } from '../../domain/helsinki-time.js';

/** The daily digest goes out each morning at this hour, Helsinki time. */
export const DIGEST_HOUR = 7;

/** Whether the day's digest is due: from 7.00 Helsinki time on. */
export function digestDue(now: Date): boolean {
  return helsinkiWallClock(now).hour >= DIGEST_HOUR;
}

/** The next 7.00 Helsinki time after `now`: the latest a notice kept for the digest reaches the user. */
export function nextDigestAt(now: Date): Date {
  const { year, month, day } = helsinkiWallClock(now);
  const today = helsinkiToUtc({ year, month, day, hour: DIGEST_HOUR, minute: 0, second: 0 });
  if (today.getTime() > now.getTime()) return today;
  const tomorrow = new Date(Date.UTC(year, month - 1, day + 1));
  return helsinkiToUtc({ year: tomorrow.getUTCFullYear(), month: tomorrow.getUTCMonth() + 1, day: tomorrow.getUTCDate(), hour: DIGEST_HOUR, minute: 0, second: 0 });
}
