import type { PublishedNews } from './news.read.js';

/**
 * The keyset cursor of the news list and the news API: the last item's publication time in
 * milliseconds and its id ("1763632800000-12"), so that a later page starts exactly after it even
 * when new items are published meanwhile or several share one moment.
 */
export const NEWS_CURSOR_PATTERN = '^[0-9]{1,15}-[0-9]{1,10}$';

export function encodeNewsCursor(item: Pick<PublishedNews, 'publishedAt' | 'id'>): string {
  return `${Date.parse(item.publishedAt)}-${item.id}`;
}

/** The position a cursor stands for; null when the text is no cursor. */
export function decodeNewsCursor(text: string): { publishedAt: string; id: number } | null {
  const m = /^([0-9]{1,15})-([0-9]{1,10})$/.exec(text);
  if (!m) return null;
  const ms = Number(m[1]);
  const id = Number(m[2]);
  if (!Number.isSafeInteger(ms) || ms > 8_640_000_000_000_000 || id < 1 || id > 2_147_483_647) return null;
  return { publishedAt: new Date(ms).toISOString(), id };
}
