import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../../src/config.js';
import { openDatabase, type Db } from '../../src/db/database.js';
import type { OutboxStatus, WebhookEventType } from '../../src/db/schema-notifications.js';
import type { BackoffPolicy } from '../../src/domain/retry-backoff.js';
import { createWebhookHandler } from '../../src/features/webhooks/webhook.handler.js';
import { queueDelivery } from '../../src/features/webhooks/webhooks.repository.js';
import type { OutboxHandler } from '../../src/jobs/dispatcher.js';
import { eventFanOutHandler, type EventListener } from '../../src/jobs/events.js';
import type { TestDatabase } from './dialects.js';

/**
 * A second instance's view of the test database: on PostgreSQL a pool of its own on the same schema,
 * as a second server process would have; on SQLite the same handle, since SQLite serves one process
 * (two better-sqlite3 connections in one process would block each other's event loop on a lock).
 */
export async function secondInstance(database: TestDatabase, poolSize = 4): Promise<{ db: Db; close(): Promise<void> }> {
  if (database.dialect === 'sqlite') return { db: database.db, close: async () => {} };
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
  const handle = openDatabase({ databaseUrl: url, schema: rows[0]!.schema, poolSize });
  return { db: handle.db, close: () => handle.destroy() };
}

export interface ReceivedRequest {
  key: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** The statuses answered to each Idempotency-Key, in order. */
  statusesByKey(): Map<string, number[]>;
  close(): Promise<void>;
}

/** About one key in twenty, fixed by the key itself so that a run can be repeated. */
export const failsFirstTry = (key: string): boolean => createHash('sha256').update(key).digest()[0]! < 13;

/**
 * A webhook receiver on 127.0.0.1 that records each request's Idempotency-Key and answers 200 after
 * 0–maxDelayMs, or 500 to the first request of a key for which failFirst says so.
 */
export async function startReceiver(options: { maxDelayMs?: number; failFirst?: (key: string) => boolean } = {}): Promise<Receiver> {
  const maxDelayMs = options.maxDelayMs ?? 5;
  const requests: ReceivedRequest[] = [];
  const seen = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      const first = !seen.has(key);
      seen.add(key);
      const status = first && options.failFirst?.(key) ? 500 : 200;
      requests.push({ key, status, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status === 200 ? 'ok' : 'try again');
      }, Math.floor(Math.random() * (maxDelayMs + 1)));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    statusesByKey() {
      const by = new Map<string, number[]>();
      for (const r of requests) by.set(r.key, [...(by.get(r.key) ?? []), r.status]);
      return by;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** How many outbox rows are in each state. */
export async function outboxStatusCounts(db: Db): Promise<Record<OutboxStatus, number>> {
  const rows = await db.selectFrom('outbox').select(['status', (eb) => eb.fn.countAll<string | number>().as('n')]).groupBy('status').execute();
  const counts: Record<OutboxStatus, number> = { pending: 0, delivered: 0, failed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A clock that runs with real time and can be moved ahead, shared by the dispatchers of a test. */
export class JumpingClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  jump(ms: number): void {
    this.offsetMs += ms;
  }
}

/**
 * A migrated PostgreSQL schema of its own and `instances` pools on it, as that many server processes
 * on one database would have. dispose() closes them and drops the schema.
 */
export async function openSharedSchema(url: string, instances: number, poolSize = 6) {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const handles = Array.from({ length: instances }, () => openDatabase({ databaseUrl: url, schema, poolSize }));
  return {
    schema,
    handles,
    async dispose() {
      for (const h of handles) await h.destroy();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

/** An event listener that writes one delivery to the subscription per event (with its outbox row "<event id>#sub-<id>"). */
export function deliverEachEventTo(subscriptionId: number): EventListener {
  return async (trx, stored, now) => {
    const body = JSON.stringify({ id: stored.id, type: stored.event.type, occurredAt: stored.occurredAt, data: stored.event });
    await queueDelivery(trx, { subscriptionId, type: stored.event.type as WebhookEventType, eventId: stored.id, body }, now);
  };
}

/**
 * One instance's outbox handlers for these tests: events fanned out to the subscription, webhooks by
 * the real webhook handler (with a shorter backoff when given, for runs on real time).
 */
export function instanceHandlers(config: Config, db: Db, subscriptionId: number, backoff?: BackoffPolicy): Record<'event' | 'webhook', OutboxHandler> {
  const webhook = createWebhookHandler(config, db);
  return { event: eventFanOutHandler([deliverEachEventTo(subscriptionId)]), webhook: backoff ? { ...webhook, backoff } : webhook };
}
