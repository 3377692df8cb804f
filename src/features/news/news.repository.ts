import type { Executor } from '../../db/database.js';
import type { NewsStatus } from '../../db/schema-notifications.js';
import { isLocale, localisedColumns, type Locale, type Localised } from '../../i18n/locales.js';
import type { NewsContent } from './news.form.js';
import type { NewsText } from './news.read.js';

/** The officers' view of news items, in any state, and the writes the service makes in its transaction. */

export interface NewsItem extends NewsContent {
  id: number;
  status: NewsStatus;
  publishAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  isDemo: boolean;
}

export interface AdminNewsRow {
  id: number;
  status: NewsStatus;
  publishAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
  /** The languages the item is written in, in the platform's order. */
  locales: Locale[];
  titles: Partial<Record<Locale, string>>;
  isDemo: boolean;
}

export async function findNewsItem(db: Executor, id: number): Promise<NewsItem | undefined> {
  const row = await db.selectFrom('news_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [texts, regions, priorities] = await Promise.all([
    db.selectFrom('news_texts').select(['locale', 'title', 'summary', 'body']).where('news_id', '=', id).execute(),
    db.selectFrom('news_regions').select('region_code').where('news_id', '=', id).orderBy('region_code').execute(),
    db.selectFrom('news_priorities').select('priority_id').where('news_id', '=', id).orderBy('priority_id').execute(),
  ]);
  const byLocale: Partial<Record<Locale, NewsText>> = {};
  for (const t of texts) if (isLocale(t.locale)) byLocale[t.locale] = { title: t.title, summary: t.summary, body: t.body };
  return {
    id: row.id,
    status: row.status,
    publishAt: row.publish_at,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    isDemo: row.is_demo === 1,
    callId: row.call_id,
    texts: byLocale,
    regionCodes: regions.map((r) => r.region_code),
    priorityIds: priorities.map((p) => p.priority_id),
  };
}

/** Every item, or those in one state, the last edited first; two queries whatever the length. */
export async function listNewsForAdmin(db: Executor, filter: { status?: NewsStatus } = {}): Promise<AdminNewsRow[]> {
  let query = db.selectFrom('news_items').select(['id', 'status', 'publish_at', 'published_at', 'updated_at', 'is_demo']);
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').execute();
  if (rows.length === 0) return [];
  const texts = await db
    .selectFrom('news_texts')
    .select(['news_id', 'locale', 'title'])
    .where('news_id', 'in', rows.map((r) => r.id))
    .execute();
  const titles = new Map<number, Partial<Record<Locale, string>>>();
  for (const t of texts) {
    if (!isLocale(t.locale)) continue;
    const own = titles.get(t.news_id) ?? {};
    own[t.locale] = t.title;
    titles.set(t.news_id, own);
  }
  return rows.map((r) => {
    const own = titles.get(r.id) ?? {};
    return {
      id: r.id,
      status: r.status,
      publishAt: r.publish_at,
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      locales: (['fi', 'sv', 'en'] as const).filter((l) => own[l] !== undefined),
      titles: own,
      isDemo: r.is_demo === 1,
    };
  });
}

/** Calls an item may be tied to: every call the public can see (not drafts), the latest first. */
export async function listCallChoices(db: Executor): Promise<Array<{ id: number; reference: string; title: Localised }>> {
  const rows = await db
    .selectFrom('calls')
    .select(['id', 'reference', 'title_fi', 'title_sv', 'title_en'])
    .where('status', '!=', 'draft')
    .orderBy('opens_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, reference: r.reference, title: localisedColumns(r, 'title') }));
}

/** A call's reference and title, when the public may see the call. */
export async function findPublicCallTitle(db: Executor, id: number): Promise<{ id: number; reference: string; title: Localised } | undefined> {
  const row = await db
    .selectFrom('calls')
    .select(['id', 'reference', 'title_fi', 'title_sv', 'title_en'])
    .where('id', '=', id)
    .where('status', '!=', 'draft')
    .executeTakeFirst();
  return row && { id: row.id, reference: row.reference, title: localisedColumns(row, 'title') };
}

export interface NewsStamp {
  userId: number | null;
  at: string;
}

export async function insertNewsItem(
  trx: Executor,
  content: NewsContent,
  state: { status: NewsStatus; publishAt: string | null; publishedAt: string | null; isDemo?: boolean },
  stamp: NewsStamp,
): Promise<number> {
  const row = await trx
    .insertInto('news_items')
    .values({
      status: state.status,
      publish_at: state.publishAt,
      published_at: state.publishedAt,
      call_id: content.callId,
      created_by: stamp.userId,
      updated_by: stamp.userId,
      created_at: stamp.at,
      updated_at: stamp.at,
      is_demo: state.isDemo ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeNewsTags(trx, row.id, content);
  return row.id;
}

/** Replaces an item's texts, regions and priorities with the content given. */
export async function writeNewsTags(trx: Executor, id: number, content: NewsContent): Promise<void> {
  await trx.deleteFrom('news_texts').where('news_id', '=', id).execute();
  await trx.deleteFrom('news_regions').where('news_id', '=', id).execute();
  await trx.deleteFrom('news_priorities').where('news_id', '=', id).execute();
  const texts = (['fi', 'sv', 'en'] as const).flatMap((l) => {
    const t = content.texts[l];
    return t ? [{ news_id: id, locale: l, title: t.title, summary: t.summary, body: t.body }] : [];
  });
  if (texts.length > 0) await trx.insertInto('news_texts').values(texts).execute();
  if (content.regionCodes.length > 0) await trx.insertInto('news_regions').values(content.regionCodes.map((region_code) => ({ news_id: id, region_code }))).execute();
  if (content.priorityIds.length > 0) await trx.insertInto('news_priorities').values(content.priorityIds.map((priority_id) => ({ news_id: id, priority_id }))).execute();
}

/**
 * Changes an item's row only if it is still at the version (and, when given, in one of the states)
 * the caller read: the optimistic lock, and what keeps two instances from publishing one item twice.
 * True when the row was changed; its version is then one higher.
 */
export async function updateNewsRow(
  trx: Executor,
  id: number,
  expected: { version: number; statuses?: readonly NewsStatus[] },
  set: { status?: NewsStatus; publishAt?: string | null; publishedAt?: string | null; callId?: number | null; stamp: NewsStamp },
): Promise<boolean> {
  let query = trx
    .updateTable('news_items')
    .set((eb) => ({
      ...(set.status !== undefined ? { status: set.status } : {}),
      ...(set.publishAt !== undefined ? { publish_at: set.publishAt } : {}),
      ...(set.publishedAt !== undefined ? { published_at: set.publishedAt } : {}),
      ...(set.callId !== undefined ? { call_id: set.callId } : {}),
      updated_by: set.stamp.userId,
      updated_at: set.stamp.at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expected.version);
  if (expected.statuses) query = query.where('status', 'in', [...expected.statuses]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteNewsRow(trx: Executor, id: number, version: number): Promise<boolean> {
  const result = await trx.deleteFrom('news_items').where('id', '=', id).where('version', '=', version).where('status', 'in', ['draft', 'scheduled']).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Scheduled items whose time has come, the earliest first, with the version the job must still find. */
export async function listDueNews(db: Executor, now: Date, limit = 100): Promise<Array<{ id: number; version: number; publishAt: string }>> {
  const rows = await db
    .selectFrom('news_items')
    .select(['id', 'version', 'publish_at'])
    .where('status', '=', 'scheduled')
    .where('publish_at', '<=', now.toISOString())
    .orderBy('publish_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => (r.publish_at ? [{ id: r.id, version: r.version, publishAt: r.publish_at }] : []));
}
