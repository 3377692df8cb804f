import type { Db } from '../../db/database.js';
import type { NewsStatus } from '../../db/schema-notifications.js';
import { emitEvent } from '../../jobs/events.js';
import { appendAudit, systemActor, type Actor } from '../audit/audit.repository.js';
import type { NewsContent } from './news.form.js';
import { deleteNewsRow, findNewsItem, insertNewsItem, listDueNews, updateNewsRow, writeNewsTags, type NewsItem } from './news.repository.js';

/**
 * Writing news: each change in one transaction with its audit entry. An edit carries the version
 * the officer saw (optimistic lock). Publishing, by hand or by the scheduler, records the event
 * 'news.published' in the same transaction; the event's key is the item's id, so an item that is
 * made a draft and published again does not notify subscribers and webhooks a second time.
 */

export type NewsAction = { kind: 'save' } | { kind: 'publish' } | { kind: 'schedule'; publishAt: string } | { kind: 'unpublish' };
export type NewsActionKind = NewsAction['kind'];

/** The states each action may start from. */
const allowedFrom: Record<NewsActionKind | 'delete', readonly NewsStatus[]> = {
  save: ['draft', 'scheduled', 'published'],
  publish: ['draft', 'scheduled'],
  schedule: ['draft', 'scheduled'],
  unpublish: ['scheduled', 'published'],
  delete: ['draft', 'scheduled'],
};

const auditAction: Record<NewsActionKind, string> = {
  save: 'news.updated',
  publish: 'news.published',
  schedule: 'news.scheduled',
  unpublish: 'news.unpublished',
};

export type NewsChangeResult =
  | { ok: true; id: number; status: NewsStatus; emitted: boolean }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'conflict'; currentVersion: number }
  | { ok: false; reason: 'state'; status: NewsStatus };

/** The state an action leaves an item in; a save keeps the one it had. */
function nextState(action: NewsAction, now: Date, current?: NewsItem): { status: NewsStatus; publishAt: string | null; publishedAt: string | null } {
  switch (action.kind) {
    case 'save':
      return current ? { status: current.status, publishAt: current.publishAt, publishedAt: current.publishedAt } : { status: 'draft', publishAt: null, publishedAt: null };
    case 'publish':
      return { status: 'published', publishAt: null, publishedAt: now.toISOString() };
    case 'schedule':
      return { status: 'scheduled', publishAt: action.publishAt, publishedAt: null };
    case 'unpublish':
      return { status: 'draft', publishAt: null, publishedAt: null };
  }
}

function snapshot(item: Pick<NewsItem, 'status' | 'publishAt' | 'publishedAt'> & NewsContent) {
  return {
    status: item.status,
    publishAt: item.publishAt,
    publishedAt: item.publishedAt,
    texts: item.texts,
    regionCodes: item.regionCodes,
    priorityIds: item.priorityIds,
    callId: item.callId,
  };
}

export async function createNews(db: Db, actor: Actor, content: NewsContent, action: Exclude<NewsAction, { kind: 'unpublish' }>, now: Date): Promise<{ id: number; status: NewsStatus; emitted: boolean }> {
  return db.transaction().execute(async (trx) => {
    const state = nextState(action, now);
    const id = await insertNewsItem(trx, content, state, { userId: actor.userId, at: now.toISOString() });
    await appendAudit(trx, actor, { action: 'news.created', entityType: 'news', entityId: id, after: snapshot({ ...state, ...content }) }, now);
    const emitted = state.status === 'published' ? await emitEvent(trx, { type: 'news.published', newsId: id }, now) : false;
    return { id, status: state.status, emitted };
  });
}

export async function updateNews(db: Db, actor: Actor, id: number, version: number, content: NewsContent, action: NewsAction, now: Date): Promise<NewsChangeResult> {
  return db.transaction().execute(async (trx): Promise<NewsChangeResult> => {
    const before = await findNewsItem(trx, id);
    if (!before) return { ok: false, reason: 'not-found' };
    if (before.version !== version) return { ok: false, reason: 'conflict', currentVersion: before.version };
    if (!allowedFrom[action.kind].includes(before.status)) return { ok: false, reason: 'state', status: before.status };
    const state = nextState(action, now, before);
    const stamp = { userId: actor.userId, at: now.toISOString() };
    const changed = await updateNewsRow(trx, id, { version, statuses: [before.status] }, { ...state, callId: content.callId, stamp });
    if (!changed) {
      const current = await findNewsItem(trx, id);
      return current ? { ok: false, reason: 'conflict', currentVersion: current.version } : { ok: false, reason: 'not-found' };
    }
    await writeNewsTags(trx, id, content);
    await appendAudit(trx, actor, { action: auditAction[action.kind], entityType: 'news', entityId: id, before: snapshot(before), after: snapshot({ ...state, ...content }) }, now);
    // Once per item ever (the event key is its id): publishing it again after "back to draft" does not notify again.
    const emitted = action.kind === 'publish' ? await emitEvent(trx, { type: 'news.published', newsId: id }, now) : false;
    return { ok: true, id, status: state.status, emitted };
  });
}

export async function deleteNews(db: Db, actor: Actor, id: number, version: number, now: Date): Promise<NewsChangeResult> {
  return db.transaction().execute(async (trx): Promise<NewsChangeResult> => {
    const before = await findNewsItem(trx, id);
    if (!before) return { ok: false, reason: 'not-found' };
    if (before.version !== version) return { ok: false, reason: 'conflict', currentVersion: before.version };
    if (!allowedFrom.delete.includes(before.status)) return { ok: false, reason: 'state', status: before.status };
    if (!(await deleteNewsRow(trx, id, version))) return { ok: false, reason: 'conflict', currentVersion: before.version + 1 };
    await appendAudit(trx, actor, { action: 'news.deleted', entityType: 'news', entityId: id, before: snapshot(before) }, now);
    return { ok: true, id, status: before.status, emitted: false };
  });
}

/**
 * Publishes the scheduled items that are due, each in its own transaction. The update is guarded by
 * the state and version the item was found in, so when two instances find the same item only one
 * publishes it (and records its event). The item is dated at its scheduled time, not at the tick.
 */
export async function publishDueNews(db: Db, now: Date): Promise<number> {
  let published = 0;
  for (const due of await listDueNews(db, now)) {
    const done = await db.transaction().execute(async (trx) => {
      const changed = await updateNewsRow(
        trx,
        due.id,
        { version: due.version, statuses: ['scheduled'] },
        { status: 'published', publishedAt: due.publishAt, stamp: { userId: null, at: now.toISOString() } },
      );
      if (!changed) return false;
      await appendAudit(trx, systemActor, { action: 'news.published', entityType: 'news', entityId: due.id, after: { status: 'published', publishedAt: due.publishAt, scheduled: true } }, now);
      await emitEvent(trx, { type: 'news.published', newsId: due.id }, now);
      return true;
    });
    if (done) published += 1;
  }
  return published;
}
