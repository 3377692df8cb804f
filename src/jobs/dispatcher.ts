import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { OutboxKind, OutboxRow } from '../db/schema-notifications.js';
import { nextRetry, type BackoffPolicy } from '../domain/retry-backoff.js';
import { leaseDueOutbox, markOutboxDelivered, markOutboxFailed, rescheduleOutbox } from './outbox.repository.js';

/** What one attempt at a side effect came to. A permanent failure is not retried (a 4xx from a webhook, say). */
export type DeliveryOutcome = { ok: true; detail?: unknown } | { ok: false; error: string; permanent?: boolean; detail?: unknown };

export interface Settlement {
  outcome: DeliveryOutcome;
  /** The attempt's number, the first being 1. */
  attempt: number;
  /** True when the row is done: delivered, or failed for good. */
  final: boolean;
  /** When the next attempt is due, if there is one. */
  nextAttemptAt: Date | null;
  now: Date;
}

/**
 * Delivers one kind of outbox row. `deliver` does the outside work (SMTP, HTTP) with no
 * transaction open; `settle` records the outcome in the transaction that marks the row, so a row's
 * record and its state never disagree. Work that is itself a database write (fanning an event out)
 * belongs in `settle`: it then commits exactly when the row is marked delivered under its lease.
 */
export interface OutboxHandler {
  backoff: BackoffPolicy;
  deliver(row: OutboxRow): Promise<DeliveryOutcome>;
  settle?(trx: Transaction<Database>, row: OutboxRow, settlement: Settlement): Promise<void>;
}

export interface DispatcherOptions {
  db: Db;
  handlers: Partial<Record<OutboxKind, OutboxHandler>>;
  now: () => Date;
  /** Names this dispatcher in leases; unique per process by default. */
  owner?: string;
  /** How long a leased row stays this dispatcher's; longer than any single delivery may take. */
  leaseMs?: number;
  batchSize?: number;
  /** Deliveries in flight at once within a batch. */
  concurrency?: number;
  random?: () => number;
  log?: (error: unknown, row?: OutboxRow) => void;
}

export interface Dispatcher {
  readonly owner: string;
  /** Delivers everything due now, including what the deliveries themselves enqueue; the number delivered. */
  dispatch(): Promise<number>;
  /** Dispatches every intervalMs until stopped. */
  start(intervalMs: number): void;
  /** Stops the timer and waits for the pass in progress. */
  stop(): Promise<void>;
}

class LeaseLost extends Error {}

const MAX_BATCHES_PER_PASS = 200;
/** Rows of a kind this process has no handler for are retried like e-mail, then failed, not lost. */
const NO_HANDLER_BACKOFF: BackoffPolicy = { baseMs: 60_000, maxMs: 3_600_000, maxAttempts: 5 };

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 120_000;
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? 8;
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => {});
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function deliverOne(row: OutboxRow): Promise<boolean> {
    const handler = options.handlers[row.kind];
    let outcome: DeliveryOutcome;
    if (!handler) {
      outcome = { ok: false, error: `no handler for outbox rows of kind "${row.kind}" in this process` };
    } else {
      try {
        outcome = await handler.deliver(row);
      } catch (error) {
        log(error, row);
        outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    }
    const now = options.now();
    const retry = outcome.ok || outcome.permanent ? null : nextRetry(handler?.backoff ?? NO_HANDLER_BACKOFF, row.attempts, random());
    const nextAttemptAt = retry?.retry ? new Date(now.getTime() + retry.delayMs) : null;
    const settlement: Settlement = { outcome, attempt: row.attempts, final: nextAttemptAt === null, nextAttemptAt, now };
    try {
      await options.db.transaction().execute(async (trx) => {
        const marked = outcome.ok
          ? await markOutboxDelivered(trx, row.id, owner, now)
          : nextAttemptAt
            ? await rescheduleOutbox(trx, row.id, owner, nextAttemptAt, outcome.error)
            : await markOutboxFailed(trx, row.id, owner, outcome.error);
        if (!marked) throw new LeaseLost(`outbox row ${row.id}: the lease of ${owner} expired and another dispatcher took it`);
        await handler?.settle?.(trx, row, settlement);
      });
    } catch (error) {
      log(error, row);
      if (!(error instanceof LeaseLost)) await settleFailed(row, handler, settlement, error);
      return false;
    }
    return outcome.ok;
  }

  /**
   * The transaction that marks and settles a row failed without losing the lease (a settle that
   * throws, or the database): the row is marked without the settle's writes, as a failed attempt on
   * the handler's backoff. Otherwise it would come back at every lease expiry for ever, re-sent each time.
   */
  async function settleFailed(row: OutboxRow, handler: OutboxHandler | undefined, settlement: Settlement, error: unknown): Promise<void> {
    const message = `recording the attempt failed: ${error instanceof Error ? error.message : String(error)}`;
    let retryAt = settlement.nextAttemptAt;
    if (settlement.outcome.ok) {
      const retry = nextRetry(handler?.backoff ?? NO_HANDLER_BACKOFF, row.attempts, random());
      retryAt = retry.retry ? new Date(settlement.now.getTime() + retry.delayMs) : null;
    }
    try {
      if (retryAt) await rescheduleOutbox(options.db, row.id, owner, retryAt, message);
      else await markOutboxFailed(options.db, row.id, owner, message);
    } catch (second) {
      log(second, row);
    }
  }

  async function pass(): Promise<number> {
    let delivered = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_PASS; batch += 1) {
      const rows = await leaseDueOutbox(options.db, owner, options.now(), leaseMs, batchSize);
      if (rows.length === 0) break;
      let next = 0;
      const worker = async () => {
        while (next < rows.length) {
          const row = rows[next++]!;
          // A row that waited in the batch past its lease may be in another dispatcher's hands by now.
          if (row.lease_until !== null && Date.parse(row.lease_until) < options.now().getTime()) continue;
          if (await deliverOne(row)) delivered += 1;
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
    }
    return delivered;
  }

  const dispatch = (): Promise<number> => {
    // One pass at a time per dispatcher; a call during a pass waits for it and then runs its own.
    const safely = () =>
      pass().catch((error: unknown) => {
        log(error);
        return 0;
      });
    const current = (running ?? Promise.resolve(0)).then(safely, safely);
    running = current.finally(() => {
      if (running === current) running = null;
    });
    return current;
  };

  return {
    owner,
    dispatch,
    start(intervalMs) {
      if (timer) return;
      timer = setInterval(() => void dispatch(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => 0);
    },
  };
}
