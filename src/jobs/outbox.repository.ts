import { isPostgres, type Db, type Executor } from '../db/database.js';
import type { OutboxKind, OutboxRow } from '../db/schema-notifications.js';

export interface NewOutboxEntry {
  kind: OutboxKind;
  /** Unique across the outbox: the same effect written twice is stored once. */
  idempotencyKey: string;
  refId?: number | null;
  payload?: unknown;
  /** Not before this time (a scheduled delivery); now when absent. */
  availableAt?: Date;
}

/**
 * Writes a side effect in the caller's transaction, so that it exists exactly when the change it
 * reports does. Returns the row's id, or null when an entry with the same key was already written.
 */
export async function enqueueOutbox(db: Executor, entry: NewOutboxEntry, now: Date): Promise<number | null> {
  const row = await db
    .insertInto('outbox')
    .values({
      kind: entry.kind,
      idempotency_key: entry.idempotencyKey,
      ref_id: entry.refId ?? null,
      payload: JSON.stringify(entry.payload ?? null),
      status: 'pending',
      available_at: (entry.availableAt ?? now).toISOString(),
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Leases up to `limit` due rows to `owner` until now + leaseMs and counts the attempt. A row is due
 * when it is pending, its time has come and no unexpired lease holds it (an expired lease is a
 * dispatcher that died mid-delivery). On PostgreSQL concurrent dispatchers skip each other's
 * locked rows instead of waiting, so each leases a different batch; on SQLite the single writer
 * serialises the statement.
 */
export async function leaseDueOutbox(db: Db, owner: string, now: Date, leaseMs: number, limit: number): Promise<OutboxRow[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const due = db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('available_at', '<=', at)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
    .orderBy('available_at')
    .orderBy('id')
    .limit(limit);
  const rows = await db
    .updateTable('outbox')
    .set((eb) => ({ lease_owner: owner, lease_until: until, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', isPostgres(db) ? due.forUpdate().skipLocked() : due)
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.id - b.id);
}

/** Marks a leased row delivered; false when the lease was lost (expired and taken by another dispatcher). */
export async function markOutboxDelivered(db: Executor, id: number, owner: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'delivered', delivered_at: now.toISOString(), lease_owner: null, lease_until: null, last_error: null })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Puts a leased row back to wait until `availableAt`, with the error of the failed attempt. */
export async function rescheduleOutbox(db: Executor, id: number, owner: string, availableAt: Date, error: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ available_at: availableAt.toISOString(), lease_owner: null, lease_until: null, last_error: error })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives up on a leased row: it stays in the outbox, failed, for an administrator to see (and replay, for webhooks). */
export async function markOutboxFailed(db: Executor, id: number, owner: string, error: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'failed', lease_owner: null, lease_until: null, last_error: error })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface OutboxCounts {
  pending: number;
  delivered: number;
  failed: number;
}

/** How many rows of each kind are in each state: for the operators' metrics and page. */
export async function countOutbox(db: Executor): Promise<Record<OutboxKind, OutboxCounts>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['kind', 'status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy(['kind', 'status'])
    .execute();
  const counts: Record<OutboxKind, OutboxCounts> = {
    email: { pending: 0, delivered: 0, failed: 0 },
    webhook: { pending: 0, delivered: 0, failed: 0 },
    event: { pending: 0, delivered: 0, failed: 0 },
  };
  for (const r of rows) counts[r.kind][r.status] = Number(r.n);
  return counts;
}

/** When the oldest row that is due and still pending became due; null when nothing is waiting. */
export async function oldestPendingOutbox(db: Executor, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('outbox')
    .select('available_at')
    .where('status', '=', 'pending')
    .where('available_at', '<=', now.toISOString())
    .orderBy('available_at')
    .limit(1)
    .executeTakeFirst();
  return row?.available_at ?? null;
}
