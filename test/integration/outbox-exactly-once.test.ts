import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { DatabaseHandle, Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedReferenceData } from '../../src/db/seed/seed.js';
import type { BackoffPolicy } from '../../src/domain/retry-backoff.js';
import { verifyWebhookSignature, SIGNATURE_HEADER } from '../../src/features/webhooks/webhook-signature.js';
import { insertSubscription } from '../../src/features/webhooks/webhooks.repository.js';
import { createDispatcher, type Dispatcher, type OutboxHandler } from '../../src/jobs/dispatcher.js';
import { emitEvent } from '../../src/jobs/events.js';
import { seal } from '../../src/security/secret-box.js';
import { testConfig } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { failsFirstTry, instanceHandlers, JumpingClock, openSharedSchema, outboxStatusCounts, sleep, startReceiver, type Receiver } from '../helpers/outbox-fixtures.js';

/**
 * The issue's proof: two dispatchers, each with a connection pool of its own as two server processes
 * would have, share one PostgreSQL outbox of 3,000 events. Each event is fanned out to one webhook
 * delivery, sent by the real webhook handler to a local receiver that fails about one first try in
 * twenty; the receiver must see each delivery's Idempotency-Key answered 200 exactly once.
 */
const EVENTS = 3_000;
const SECRET = 'whsec_exactly_once_0123456789abcdef';
const SECRET_KEY = 'outbox-exactly-once-test-secret-key-0123456789';
const config = testConfig({ SECRET_KEY });
const postgres = testDialects().find((d) => d.name === 'postgres')!;
const url = process.env.TEST_DATABASE_URL;
const skip = postgres.skip ? `needs PostgreSQL: ${postgres.skip}` : false;
/** Real time, short delays: for the run that shares the work with another process, which cannot share a test clock. */
const quickBackoff: BackoffPolicy = { baseMs: 100, maxMs: 1_000, maxAttempts: 9 };

interface Run {
  shared: Awaited<ReturnType<typeof openSharedSchema>>;
  receiver: Receiver;
  subscriptionId: number;
  close(): Promise<void>;
}

async function prepare(instances: number): Promise<Run> {
  const shared = await openSharedSchema(url!, instances);
  const db = shared.handles[0]!.db;
  await migrateToLatest(shared.handles[0]!);
  await seedReferenceData(db);
  const receiver = await startReceiver({ maxDelayMs: 5, failFirst: failsFirstTry });
  const now = new Date();
  const subscriptionId = await insertSubscription(
    db,
    { regionCode: '18', url: receiver.url, description: 'exactly-once receiver', events: ['news.published'], secretSealed: seal(SECRET_KEY, SECRET), createdBy: null },
    now,
  );
  for (let from = 1; from <= EVENTS; from += 100) {
    await db.transaction().execute(async (trx) => {
      for (let i = from; i < from + 100; i++) await emitEvent(trx, { type: 'news.published', newsId: i }, now);
    });
  }
  return {
    shared,
    receiver,
    subscriptionId,
    close: async () => {
      await receiver.close();
      await shared.dispose();
    },
  };
}

/** Counts the webhooks a dispatcher's handler saw answered 2xx, and lets the test stop it dead. */
function instrumented(webhook: OutboxHandler, event: OutboxHandler) {
  const state = { ok: 0, killed: false, sentButAbandoned: new Map<string, boolean>() };
  const forever = new Promise<never>(() => {});
  return {
    state,
    handlers: {
      event: { ...event, deliver: async (row) => (state.killed ? forever : event.deliver(row)) } satisfies OutboxHandler,
      webhook: {
        ...webhook,
        async deliver(row) {
          if (state.killed) return forever;
          const outcome = await webhook.deliver(row);
          // Killed between the request and recording it: the receiver has it, the outbox does not.
          if (state.killed) {
            state.sentButAbandoned.set(row.idempotency_key, outcome.ok);
            return forever;
          }
          if (outcome.ok) state.ok += 1;
          return outcome;
        },
      } satisfies OutboxHandler,
    },
  };
}

/**
 * Runs each dispatcher in a loop of its own until nothing is pending. When no row is due and none is
 * in a live dispatcher's hands (only waiting for a retry, or held by a dead dispatcher's lease), the
 * shared clock jumps to the next due time instead of waiting for it.
 */
async function drain(db: Db, clock: { now(): Date; jump(ms: number): void }, loops: { dispatcher: Dispatcher; alive: () => boolean }[], tick?: () => void): Promise<void> {
  let stop = false;
  const running = loops.map(async ({ dispatcher, alive }) => {
    while (!stop && alive()) if ((await dispatcher.dispatch()) === 0) await sleep(3);
  });
  const liveOwners = () => loops.filter((l) => l.alive()).map((l) => l.dispatcher.owner);
  const deadline = Date.now() + 120_000;
  try {
    for (;;) {
      await sleep(50);
      tick?.();
      const pending = Number((await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow()).n);
      if (pending === 0) break;
      if (Date.now() > deadline) throw new Error(`still ${pending} pending rows after 120 s`);
      const now = clock.now().toISOString();
      const pendingRows = db.selectFrom('outbox').where('status', '=', 'pending');
      const busy = await pendingRows
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('lease_until', '>=', now), eb('lease_owner', 'in', liveOwners())]),
            eb.and([eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]), eb('available_at', '<=', now)]),
          ]),
        )
        .limit(1)
        .executeTakeFirst();
      if (busy) continue;
      const held = await pendingRows.select((eb) => eb.fn.min('lease_until').as('t')).where('lease_until', '>=', now).executeTakeFirst();
      const waiting = await pendingRows
        .select((eb) => eb.fn.min('available_at').as('t'))
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .executeTakeFirst();
      const next = Math.min(...[held?.t, waiting?.t].filter((t): t is string => typeof t === 'string').map(Date.parse));
      if (Number.isFinite(next)) clock.jump(next + 1 - clock.now().getTime());
    }
  } finally {
    stop = true;
    await Promise.all(running.map((r, i) => (loops[i]!.alive() ? r : null)));
  }
}

async function assertEveryDeliveryRecorded(db: Db, receiver: Receiver) {
  const counts = await outboxStatusCounts(db);
  assert.deepEqual(counts, { pending: 0, delivered: 2 * EVENTS, failed: 0 }, 'every event and every webhook row delivered, none pending or failed');
  const deliveries = await db.selectFrom('webhook_deliveries').select(['status', 'attempts']).execute();
  assert.equal(deliveries.length, EVENTS, 'one delivery per event');
  assert.ok(deliveries.every((d) => d.status === 'delivered'));
  const nowSeconds = Math.floor(Date.now() / 1000);
  for (const r of receiver.requests) {
    assert.deepEqual(verifyWebhookSignature(SECRET, r.headers[SIGNATURE_HEADER.toLowerCase()] as string, r.body, nowSeconds).ok, true, `signature of ${r.key}`);
  }
}

describe('two dispatchers on one PostgreSQL database deliver each of 3,000 events exactly once', { skip }, () => {
  it('shares the work and sends every Idempotency-Key exactly once, a failed first try exactly once more', async (t) => {
    const run = await prepare(2);
    t.after(() => run.close());
    const clock = new JumpingClock();
    const [one, two] = run.shared.handles as [DatabaseHandle, DatabaseHandle];
    const started = performance.now();
    const instances = [one, two].map((h, i) => {
      const handlers = instanceHandlers(config, h.db, run.subscriptionId);
      const probe = instrumented(handlers.webhook, handlers.event);
      const dispatcher = createDispatcher({ db: h.db, handlers: probe.handlers, now: clock.now, owner: `instance-${i + 1}`, leaseMs: 10 * 60_000 });
      return { probe, dispatcher };
    });
    await drain(one.db, clock, instances.map((x) => ({ dispatcher: x.dispatcher, alive: () => true })));
    const seconds = (performance.now() - started) / 1000;

    await assertEveryDeliveryRecorded(one.db, run.receiver);
    const statuses = run.receiver.statusesByKey();
    assert.equal(statuses.size, EVENTS, 'every delivery reached the receiver');
    const retried = [...statuses].filter(([key]) => failsFirstTry(key));
    for (const [key, answered] of statuses) assert.deepEqual(answered, failsFirstTry(key) ? [500, 200] : [200], key);
    const attempts = await one.db.selectFrom('webhook_deliveries').select('attempts').execute();
    assert.equal(attempts.filter((a) => a.attempts === 2).length, retried.length, 'each retried delivery logged two attempts');

    const shares = instances.map((x) => x.probe.state.ok / EVENTS);
    for (const share of shares) assert.ok(share > 0.2, `each dispatcher delivered over 20 % (${shares.map((s) => `${(s * 100).toFixed(0)} %`).join(' / ')})`);
    t.diagnostic(
      `${EVENTS} events → ${run.receiver.requests.length} requests (${retried.length} retried) in ${seconds.toFixed(1)} s; ` +
        `shares ${shares.map((s) => `${(s * 100).toFixed(1)} %`).join(' / ')}`,
    );
  });

  it('finishes the work of a dispatcher killed mid-run once its lease expires, repeating only what it sent but never recorded', async (t) => {
    const run = await prepare(2);
    t.after(() => run.close());
    const clock = new JumpingClock();
    const [one, two] = run.shared.handles as [DatabaseHandle, DatabaseHandle];
    const make = (h: DatabaseHandle, owner: string, leaseMs: number) => {
      const handlers = instanceHandlers(config, h.db, run.subscriptionId);
      const probe = instrumented(handlers.webhook, handlers.event);
      return { probe, dispatcher: createDispatcher({ db: h.db, handlers: probe.handlers, now: clock.now, owner, leaseMs }) };
    };
    const survivor = make(one, 'survivor', 10 * 60_000);
    const victim = make(two, 'victim', 60_000);
    const started = performance.now();
    await drain(
      one.db,
      clock,
      [
        { dispatcher: survivor.dispatcher, alive: () => true },
        { dispatcher: victim.dispatcher, alive: () => !victim.probe.state.killed },
      ],
      () => {
        if (!victim.probe.state.killed && run.receiver.requests.length >= EVENTS / 3) victim.probe.state.killed = true;
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const rows = await one.db.selectFrom('outbox').select(['kind', 'idempotency_key', 'attempts']).execute();
    const takenOver = rows.filter((r) => r.attempts > (r.kind === 'webhook' && failsFirstTry(r.idempotency_key) ? 2 : 1)).length;

    await assertEveryDeliveryRecorded(one.db, run.receiver);
    const statuses = run.receiver.statusesByKey();
    assert.equal(statuses.size, EVENTS);
    const twice = [...statuses].filter(([, answered]) => answered.filter((s) => s === 200).length > 1).map(([key]) => key);
    const acceptedButAbandoned = [...victim.probe.state.sentButAbandoned].filter(([, ok]) => ok).map(([key]) => key);
    assert.deepEqual(twice.sort(), acceptedButAbandoned.sort(), 'sent twice exactly when the dead dispatcher’s request was accepted and never recorded');
    for (const [key, answered] of statuses) {
      assert.equal(answered.at(-1), 200, key);
      if (!victim.probe.state.sentButAbandoned.has(key)) assert.deepEqual(answered, failsFirstTry(key) ? [500, 200] : [200], key);
    }
    assert.ok(victim.probe.state.ok > 0, 'the victim delivered before it died');
    t.diagnostic(
      `killed after ${victim.probe.state.ok} deliveries; ${takenOver} rows taken over after its lease expired, ${victim.probe.state.sentButAbandoned.size} of them sent but not recorded; ` +
        `${twice.length} sent twice (each one the dead dispatcher had sent but not recorded); ${seconds.toFixed(1)} s`,
    );
  });

  it('shares the work with a dispatcher in another process', async (t) => {
    const run = await prepare(1);
    t.after(() => run.close());
    const [one] = run.shared.handles as [DatabaseHandle];
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/outbox-dispatcher-child.ts'], {
      env: { ...process.env, DATABASE_URL: url, DB_SCHEMA: run.shared.schema, SECRET_KEY, SUBSCRIPTION_ID: String(run.subscriptionId) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    t.after(() => child.kill());
    const lines = createInterface({ input: child.stdout! });
    const output: string[] = [];
    let ready!: () => void;
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    lines.on('line', (line) => (line === 'ready' ? ready() : output.push(line)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await isReady;

    const started = performance.now();
    child.stdin!.write('go\n');
    const handlers = instanceHandlers(config, one.db, run.subscriptionId, quickBackoff);
    const probe = instrumented(handlers.webhook, handlers.event);
    const dispatcher = createDispatcher({ db: one.db, handlers: probe.handlers, now: () => new Date(), owner: 'parent', leaseMs: 10 * 60_000 });
    const realTime = { now: () => new Date(), jump: () => {} };
    await drain(one.db, realTime, [{ dispatcher, alive: () => true }]);
    assert.equal(await exited, 0, 'the child process finished cleanly');
    const seconds = (performance.now() - started) / 1000;
    const childReport = JSON.parse(output.at(-1) ?? '{}') as { webhooks?: number };

    await assertEveryDeliveryRecorded(one.db, run.receiver);
    for (const [key, answered] of run.receiver.statusesByKey()) assert.deepEqual(answered, failsFirstTry(key) ? [500, 200] : [200], key);
    assert.equal(probe.state.ok + (childReport.webhooks ?? 0), EVENTS);
    assert.ok((childReport.webhooks ?? 0) > 0.2 * EVENTS && probe.state.ok > 0.2 * EVENTS, `shares: this process ${probe.state.ok}, the child ${childReport.webhooks}`);
    t.diagnostic(`this process delivered ${probe.state.ok} webhooks, the child ${childReport.webhooks}; ${seconds.toFixed(1)} s`);
  });
});
