import type { Executor } from '../../db/database.js';
import type { WebhookDeliveryRow, WebhookDeliveryStatus, WebhookEventType, WebhookSubscriptionRow } from '../../db/schema-notifications.js';
import { webhookEventTypes } from '../../db/schema-notifications.js';
import { enqueueOutbox } from '../../jobs/outbox.repository.js';

/** What a delivery reports: one of the subscribable events, or the test event an administrator sends by hand. */
export type WebhookDeliveryType = WebhookEventType | 'ping';

export interface WebhookSubscription {
  id: number;
  regionCode: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
  secretSealed: string;
}

export interface WebhookSubscriptionListItem extends WebhookSubscription {
  lastDelivery: { status: WebhookDeliveryStatus; statusCode: number | null; at: string | null } | null;
}

/** The stored, comma-separated event list, with anything unknown left out. */
export function parseEvents(stored: string): WebhookEventType[] {
  const chosen = new Set(stored.split(',').map((s) => s.trim()));
  return webhookEventTypes.filter((e) => chosen.has(e));
}

function toSubscription(row: WebhookSubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    regionCode: row.region_code,
    url: row.url,
    description: row.description,
    events: parseEvents(row.events),
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    secretSealed: row.secret_sealed,
  };
}

export async function findSubscription(db: Executor, id: number): Promise<WebhookSubscription | undefined> {
  const row = await db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSubscription(row);
}

/** The subscriptions of the given councils (all when null), each with its latest delivery. */
export async function listSubscriptions(db: Executor, regionCodes: readonly string[] | null): Promise<WebhookSubscriptionListItem[]> {
  if (regionCodes !== null && regionCodes.length === 0) return [];
  let query = db
    .selectFrom('webhook_subscriptions')
    .innerJoin('regions', 'regions.code', 'webhook_subscriptions.region_code')
    .selectAll('webhook_subscriptions')
    .orderBy('regions.sort_order')
    .orderBy('webhook_subscriptions.id');
  if (regionCodes !== null) query = query.where('webhook_subscriptions.region_code', 'in', regionCodes);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const latest = await db
    .selectFrom('webhook_deliveries')
    .select(['subscription_id', 'status', 'last_status_code', 'last_attempt_at'])
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('webhook_deliveries')
        .select((e) => e.fn.max('id').as('id'))
        .where(
          'subscription_id',
          'in',
          rows.map((r) => r.id),
        )
        .groupBy('subscription_id'),
    )
    .execute();
  const bySubscription = new Map(latest.map((d) => [d.subscription_id, d]));
  return rows.map((row) => {
    const last = bySubscription.get(row.id);
    return { ...toSubscription(row), lastDelivery: last ? { status: last.status, statusCode: last.last_status_code, at: last.last_attempt_at } : null };
  });
}

/** The active subscriptions of any of the councils that chose the event type. */
export async function activeSubscriptionsFor(db: Executor, regionCodes: readonly string[], type: WebhookEventType): Promise<WebhookSubscription[]> {
  if (regionCodes.length === 0) return [];
  const rows = await db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('region_code', 'in', regionCodes)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  return rows.map(toSubscription).filter((s) => s.events.includes(type));
}

export interface NewSubscriptionRow {
  regionCode: string;
  url: string;
  description: string;
  events: readonly WebhookEventType[];
  secretSealed: string;
  createdBy: number | null;
}

export async function insertSubscription(db: Executor, row: NewSubscriptionRow, now: Date): Promise<number> {
  const inserted = await db
    .insertInto('webhook_subscriptions')
    .values({
      region_code: row.regionCode,
      url: row.url,
      description: row.description,
      secret_sealed: row.secretSealed,
      events: row.events.join(','),
      active: 1,
      created_by: row.createdBy,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateSubscription(
  db: Executor,
  id: number,
  change: { secretSealed?: string; active?: boolean },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_subscriptions')
    .set({
      ...(change.secretSealed !== undefined ? { secret_sealed: change.secretSealed } : {}),
      ...(change.active !== undefined ? { active: change.active ? 1 : 0 } : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes a subscription with its deliveries and their attempts (cascaded); outbox rows of its pending deliveries then fail at once. */
export async function deleteSubscription(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('webhook_subscriptions').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export const DELIVERIES_PAGE_SIZE = 25;

export type DeliveryCursor = { before: number } | { after: number } | null;

/**
 * A page of a subscription's deliveries, newest first (keyset paging on the id): the newest, or those
 * older than `before`, or those newer than `after`; with whether there are newer and older ones.
 */
export async function listDeliveries(
  db: Executor,
  subscriptionId: number,
  cursor: DeliveryCursor,
  limit = DELIVERIES_PAGE_SIZE,
): Promise<{ rows: WebhookDeliveryRow[]; hasNewer: boolean; hasOlder: boolean }> {
  const query = db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId).limit(limit + 1);
  if (cursor && 'after' in cursor) {
    const rows = await query.where('id', '>', cursor.after).orderBy('id', 'asc').execute();
    const older = await db.selectFrom('webhook_deliveries').select('id').where('subscription_id', '=', subscriptionId).where('id', '<=', cursor.after).limit(1).execute();
    return { rows: rows.slice(0, limit).reverse(), hasNewer: rows.length > limit, hasOlder: older.length > 0 };
  }
  const rows = await (cursor ? query.where('id', '<', cursor.before) : query).orderBy('id', 'desc').execute();
  const newer = cursor
    ? await db.selectFrom('webhook_deliveries').select('id').where('subscription_id', '=', subscriptionId).where('id', '>=', cursor.before).limit(1).execute()
    : [];
  return { rows: rows.slice(0, limit), hasNewer: newer.length > 0, hasOlder: rows.length > limit };
}

export async function findDelivery(db: Executor, id: number): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAttempts(db: Executor, deliveryId: number) {
  return db.selectFrom('webhook_attempts').selectAll().where('delivery_id', '=', deliveryId).orderBy('id').execute();
}

export interface NewDelivery {
  subscriptionId: number;
  type: WebhookDeliveryType;
  eventId: string;
  body: string;
  replayOf?: number | null;
}

/**
 * Writes a delivery and the outbox row that sends it, in the caller's transaction. The outbox key is
 * "<event id>#sub-<subscription>" (a replay adds "#replay-<delivery>"), so an event reaches each
 * subscription once however often it is fanned out; null when it had been written before.
 */
export async function queueDelivery(db: Executor, delivery: NewDelivery, now: Date): Promise<number | null> {
  const inserted = await db
    .insertInto('webhook_deliveries')
    .values({
      subscription_id: delivery.subscriptionId,
      // The column's type lists the subscribable events; the test event is stored by the same name it is sent under.
      event_type: delivery.type,
      event_id: delivery.eventId,
      body: delivery.body,
      status: 'pending',
      next_attempt_at: now.toISOString(),
      replay_of: delivery.replayOf ?? null,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const base = `${delivery.eventId}#sub-${delivery.subscriptionId}`;
  const key = delivery.replayOf ? `${base}#replay-${inserted.id}` : base;
  const outboxId = await enqueueOutbox(db, { kind: 'webhook', idempotencyKey: key, refId: inserted.id }, now);
  if (outboxId === null) {
    await db.deleteFrom('webhook_deliveries').where('id', '=', inserted.id).execute();
    return null;
  }
  return inserted.id;
}

export interface AttemptRecord {
  deliveryId: number;
  attemptedAt: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
}

/** Logs one attempt and brings the delivery's state up to date; false when the delivery no longer exists. */
export async function recordAttempt(db: Executor, record: AttemptRecord): Promise<boolean> {
  const updated = await db
    .updateTable('webhook_deliveries')
    .set({
      status: record.status,
      attempts: record.attempts,
      last_status_code: record.statusCode,
      last_error: record.error,
      last_attempt_at: record.attemptedAt.toISOString(),
      next_attempt_at: record.nextAttemptAt?.toISOString() ?? null,
      delivered_at: record.deliveredAt?.toISOString() ?? null,
    })
    .where('id', '=', record.deliveryId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await db
    .insertInto('webhook_attempts')
    .values({
      delivery_id: record.deliveryId,
      attempted_at: record.attemptedAt.toISOString(),
      status_code: record.statusCode,
      error: record.error,
      duration_ms: Math.max(0, Math.round(record.durationMs)),
    })
    .execute();
  return true;
}
