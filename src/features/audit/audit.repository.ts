import { sql, type Transaction } from 'kysely';
import { isPostgres, type Executor } from '../../db/database.js';
import type { AuditLogRow, Database } from '../../db/schema.js';
import { sha256Hex } from '../../security/tokens.js';

/** Who did something: a user, a command-line operator, an API token, or nobody signed in. */
export interface Actor {
  userId: number | null;
  /** 'user', 'cli', 'token:<id>', 'anonymous' or 'system'. */
  label: string;
  ip: string | null;
}

export const systemActor: Actor = { userId: null, label: 'system', ip: null };
export const cliActor: Actor = { userId: null, label: 'cli', ip: null };

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers, in a fixed order; changing any of them breaks the chain. */
export function auditEntryHash(row: Omit<AuditLogRow, 'hash'>): string {
  const payload = JSON.stringify([
    row.seq,
    row.at,
    row.actor_user_id,
    row.actor_label,
    row.ip,
    row.action,
    row.entity_type,
    row.entity_id,
    row.before_json,
    row.after_json,
  ]);
  return sha256Hex(`${row.prev_hash}\n${payload}`);
}

const AUDIT_LOCK_KEY = 5_301_301;

/**
 * Appends an entry in the transaction of the change it records. On PostgreSQL a transaction-level
 * advisory lock makes concurrent writers take turns, so each entry links to the one before it; on
 * SQLite the write transaction already does.
 */
export async function appendAudit(trx: Transaction<Database>, actor: Actor, entry: AuditEntry, at: Date): Promise<number> {
  if (isPostgres(trx)) {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  }
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const row: Omit<AuditLogRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    actor_user_id: actor.userId,
    actor_label: actor.label,
    ip: actor.ip,
    action: entry.action,
    entity_type: entry.entityType ?? null,
    entity_id: entry.entityId === undefined ? null : String(entry.entityId),
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await trx.insertInto('audit_log').values({ ...row, hash: auditEntryHash(row) }).execute();
  return row.seq;
}

export interface AuditFilter {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Entries with a smaller sequence number than this (keyset paging, newest first). */
  before?: number | undefined;
  limit: number;
}

export async function listAudit(db: Executor, filter: AuditFilter): Promise<AuditLogRow[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(filter.limit);
  if (filter.action) query = query.where('action', 'like', `${filter.action}%`);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorUserId !== undefined) query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  if (filter.before !== undefined) query = query.where('seq', '<', filter.before);
  return query.execute();
}

export type ChainVerdict =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; seq: number; problem: 'altered' | 'removed' };

/**
 * Walks the chain from the start. An entry whose content no longer gives its hash was altered; a
 * gap in the sequence, or an entry that does not link to the one before it, means entries were removed.
 */
export async function verifyAuditChain(db: Executor, batchSize = 1000): Promise<ChainVerdict> {
  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { ok: true, entries: count, lastHash: previousHash };
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, entries: count, seq: expectedSeq, problem: 'removed' };
      if (auditEntryHash(row) !== row.hash) return { ok: false, entries: count, seq: row.seq, problem: 'altered' };
      if (row.prev_hash !== previousHash) return { ok: false, entries: count, seq: row.seq, problem: 'removed' };
      previousHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
  }
}
