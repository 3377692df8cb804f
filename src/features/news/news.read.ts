import type { Executor } from '../../db/database.js';
import { isLocale, type Locale } from '../../i18n/locales.js';

/**
 * The public read model of news: published items only, as the news pages, the API, the feeds,
 * the widget and the subscribers' e-mail see them. A list costs four queries whatever its length:
 * the items, then their texts, regions and priorities by the items' ids.
 */

export interface NewsText {
  title: string;
  summary: string;
  body: string;
}

export interface PublishedNews {
  id: number;
  publishedAt: string;
  updatedAt: string;
  callId: number | null;
  callReference: string | null;
  /** Empty: the item concerns every council. */
  regionCodes: string[];
  prioritySlugs: string[];
  texts: Partial<Record<Locale, NewsText>>;
}

export interface NewsFilter {
  /** Only items with a text in this language. */
  locale?: Locale;
  /** Items tagged with this region, or with no region at all (they concern every council). */
  regionCode?: string;
  prioritySlug?: string;
  callId?: number;
  limit: number;
  /** Keyset: items that come after this one in the newest-first order. */
  before?: { publishedAt: string; id: number };
}

export async function listPublishedNews(db: Executor, filter: NewsFilter): Promise<PublishedNews[]> {
  let query = db
    .selectFrom('news_items as n')
    .leftJoin('calls as c', 'c.id', 'n.call_id')
    .select(['n.id', 'n.published_at', 'n.updated_at', 'n.call_id', 'c.reference as call_reference'])
    .where('n.status', '=', 'published')
    .where('n.published_at', 'is not', null);
  if (filter.locale !== undefined) {
    const locale = filter.locale;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('news_texts as t').select('t.news_id').whereRef('t.news_id', '=', 'n.id').where('t.locale', '=', locale)),
    );
  }
  if (filter.regionCode !== undefined) {
    const code = filter.regionCode;
    query = query.where(({ or, exists, not, selectFrom }) =>
      or([
        exists(selectFrom('news_regions as r').select('r.news_id').whereRef('r.news_id', '=', 'n.id').where('r.region_code', '=', code)),
        not(exists(selectFrom('news_regions as r').select('r.news_id').whereRef('r.news_id', '=', 'n.id'))),
      ]),
    );
  }
  if (filter.prioritySlug !== undefined) {
    const slug = filter.prioritySlug;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('news_priorities as np')
          .innerJoin('priorities as p', 'p.id', 'np.priority_id')
          .select('np.news_id')
          .whereRef('np.news_id', '=', 'n.id')
          .where('p.slug', '=', slug),
      ),
    );
  }
  if (filter.callId !== undefined) query = query.where('n.call_id', '=', filter.callId);
  if (filter.before !== undefined) {
    const { publishedAt, id } = filter.before;
    query = query.where(({ or, and, eb }) =>
      or([eb('n.published_at', '<', publishedAt), and([eb('n.published_at', '=', publishedAt), eb('n.id', '<', id)])]),
    );
  }
  const rows = await query.orderBy('n.published_at', 'desc').orderBy('n.id', 'desc').limit(filter.limit).execute();
  return withTags(db, rows);
}

export async function findPublishedNews(db: Executor, id: number): Promise<PublishedNews | undefined> {
  const rows = await db
    .selectFrom('news_items as n')
    .leftJoin('calls as c', 'c.id', 'n.call_id')
    .select(['n.id', 'n.published_at', 'n.updated_at', 'n.call_id', 'c.reference as call_reference'])
    .where('n.id', '=', id)
    .where('n.status', '=', 'published')
    .where('n.published_at', 'is not', null)
    .execute();
  const [item] = await withTags(db, rows);
  return item;
}

/** The order in which a text stands in for one missing in the asked language. */
const fallbackOrder: readonly Locale[] = ['fi', 'en', 'sv'];

/** The item's text in the asked language, else in Finnish, English or Swedish, and which language it is in. */
export function newsTextFor(item: PublishedNews, locale: Locale): { locale: Locale; text: NewsText } {
  for (const candidate of [locale, ...fallbackOrder]) {
    const text = item.texts[candidate];
    if (text) return { locale: candidate, text };
  }
  // Every stored item has a complete text in at least one language (the form insists).
  return { locale, text: { title: '', summary: '', body: '' } };
}

interface ItemRow {
  id: number;
  published_at: string | null;
  updated_at: string;
  call_id: number | null;
  call_reference: string | null;
}

async function withTags(db: Executor, rows: readonly ItemRow[]): Promise<PublishedNews[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const texts = await db.selectFrom('news_texts').select(['news_id', 'locale', 'title', 'summary', 'body']).where('news_id', 'in', ids).execute();
  const regions = await db.selectFrom('news_regions').select(['news_id', 'region_code']).where('news_id', 'in', ids).orderBy('region_code').execute();
  const priorities = await db
    .selectFrom('news_priorities as np')
    .innerJoin('priorities as p', 'p.id', 'np.priority_id')
    .select(['np.news_id', 'p.slug'])
    .where('np.news_id', 'in', ids)
    .orderBy('p.sort_order')
    .orderBy('p.slug')
    .execute();

  const items = new Map<number, PublishedNews>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        publishedAt: r.published_at ?? r.updated_at,
        updatedAt: r.updated_at,
        callId: r.call_id,
        callReference: r.call_reference,
        regionCodes: [],
        prioritySlugs: [],
        texts: {},
      },
    ]),
  );
  for (const t of texts) {
    const item = items.get(t.news_id);
    if (item && isLocale(t.locale)) item.texts[t.locale] = { title: t.title, summary: t.summary, body: t.body };
  }
  for (const r of regions) items.get(r.news_id)?.regionCodes.push(r.region_code);
  for (const p of priorities) items.get(p.news_id)?.prioritySlugs.push(p.slug);
  return ids.map((id) => items.get(id)).filter((item): item is PublishedNews => item !== undefined);
}
