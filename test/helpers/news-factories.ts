import type { Db } from '../../src/db/database.js';
import type { NewsStatus } from '../../src/db/schema-notifications.js';
import type { Locale } from '../../src/i18n/locales.js';

export interface NewsSpec {
  status?: NewsStatus;
  /** Published items: when; defaults to 2026-11-20T10:00:00Z. */
  publishedAt?: string;
  /** Scheduled items: when they go public. */
  publishAt?: string;
  /** Texts by language; defaults to a Finnish text from `title`. */
  texts?: Partial<Record<Locale, { title: string; summary?: string; body?: string }>>;
  title?: string;
  regions?: string[];
  /** Priority slugs of any strategy. */
  priorities?: string[];
  callId?: number | null;
  isDemo?: boolean;
}

/** A news item straight into the database, in the state the test needs. Returns its id. */
export async function buildNews(db: Db, spec: NewsSpec = {}): Promise<number> {
  const status = spec.status ?? 'published';
  const at = '2026-11-20T10:00:00.000Z';
  const publishedAt = status === 'published' ? (spec.publishedAt ?? at) : null;
  const item = await db
    .insertInto('news_items')
    .values({
      status,
      publish_at: status === 'scheduled' ? (spec.publishAt ?? '2026-12-24T08:00:00.000Z') : null,
      published_at: publishedAt,
      call_id: spec.callId ?? null,
      created_by: null,
      updated_by: null,
      created_at: at,
      updated_at: publishedAt ?? at,
      is_demo: spec.isDemo ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const texts = spec.texts ?? { fi: { title: spec.title ?? `Uutinen ${item.id}` } };
  const rows = Object.entries(texts).map(([locale, t]) => ({
    news_id: item.id,
    locale,
    title: t.title,
    summary: t.summary ?? `${t.title}: tiivistelmä`,
    body: t.body ?? `${t.title}: leipäteksti`,
  }));
  if (rows.length > 0) await db.insertInto('news_texts').values(rows).execute();
  if (spec.regions?.length) await db.insertInto('news_regions').values(spec.regions.map((region_code) => ({ news_id: item.id, region_code }))).execute();
  if (spec.priorities?.length) {
    const priorities = await db.selectFrom('priorities').select('id').where('slug', 'in', spec.priorities).execute();
    await db.insertInto('news_priorities').values(priorities.map((p) => ({ news_id: item.id, priority_id: p.id }))).execute();
  }
  return item.id;
}
