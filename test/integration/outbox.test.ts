import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { OutboxKind, OutboxRow } from '../../src/db/schema-notifications.js';
import type { BackoffPolicy } from '../../src/domain/retry-backoff.js';
import { createDispatcher, type DeliveryOutcome, type OutboxHandler, type Settlement } from '../../src/jobs/dispatcher.js';
import { emitEvent, eventFanOutHandler, type EventListener } from '../../src/jobs/events.js';
import { claimJobSlot } from '../../src/jobs/job-runs.js';
import { enqueueOutbox, leaseDueOutbox, markOutboxDelivered } from '../../src/jobs/outbox.repository.js';
import { createScheduler, type ScheduledJob } from '../../src/jobs/scheduler.js';
import { TestClock, testConfig } from '../helpers/app.js';
import { testDialects, type TestDatabase } from '../helpers/dialects.js';
import { secondInstance, sleep } from '../helpers/outbox-fixtures.js';

const T0 = '2026-11-28T10:00:00.000Z';
const MINUTE = 60_000;
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
/** 1 min, 2, 4 …; with random() = 0.5 the jitter is nil, so the delays are exact. */
const policy = (maxAttempts: number): BackoffPolicy => ({ baseMs: MINUTE, maxMs: 60 * MINUTE, maxAttempts });
const noJitter = () => 0.5;

/**
 * A handler whose outcomes the test writes. Each settle that commits leaves a row in job_runs
 * ("settle:<outbox id>:<nonce>", owner = the lease's owner), so a settle that rolled back leaves none.
 */
function scriptedHandler(outcome: (row: OutboxRow) => DeliveryOutcome | Promise<DeliveryOutcome>, backoff = policy(5)) {
  const attempts: OutboxRow[] = [];
  const settlements: Settlement[] = [];
  const handler: OutboxHandler = {
    backoff,
    async deliver(row) {
      attempts.push(row);
      return outcome(row);
    },
    async settle(trx, row, settlement) {
      settlements.push(settlement);
      await trx
        .insertInto('job_runs')
        .values({ job_key: `settle:${row.id}:${randomUUID()}`, owner: row.lease_owner ?? '', ran_at: settlement.now.toISOString() })
        .execute();
    },
  };
  return { handler, attempts, settlements };
}

/** A promise the test resolves when it chooses, and one that says the handler has reached it. */
function gate() {
  let open!: () => void;
  let reached!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const arrived = new Promise<void>((resolve) => (reached = resolve));
  return { open, opened, arrived, reached };
}

for (const dialect of testDialects()) {
  describe(`the outbox [${dialect.name}]`, { skip: dialect.skip }, () => {
    let database: TestDatabase;
    let db: Db;
    let other: { db: Db; close(): Promise<void> };
    let clock: TestClock;
    const advance = (ms: number) => clock.set(new Date(clock.now().getTime() + ms).toISOString());

    before(async () => {
      database = await dialect.open();
      await migrateToLatest(database);
      db = database.db;
      other = await secondInstance(database);
    });
    after(async () => {
      await other?.close();
      await database?.dispose();
    });
    beforeEach(async () => {
      clock = new TestClock(new Date(T0));
      await db.deleteFrom('outbox').execute();
      await db.deleteFrom('job_runs').execute();
    });

    const enqueue = (key: string, kind: OutboxKind = 'webhook', availableAt?: Date) =>
      enqueueOutbox(db, { kind, idempotencyKey: key, payload: { key }, ...(availableAt ? { availableAt } : {}) }, clock.now());
    const rowOf = (id: number) => db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const settleOwners = async (id: number) =>
      (await db.selectFrom('job_runs').select('owner').where('job_key', 'like', `settle:${id}:%`).execute()).map((r) => r.owner);
    const dispatcher = (owner: string, handlers: Partial<Record<OutboxKind, OutboxHandler>>, extra: { db?: Db; leaseMs?: number; errors?: unknown[]; batchSize?: number } = {}) =>
      createDispatcher({
        db: extra.db ?? db,
        handlers,
        now: clock.now,
        owner,
        leaseMs: extra.leaseMs ?? 5 * MINUTE,
        batchSize: extra.batchSize ?? 50,
        random: noJitter,
        log: (error) => extra.errors?.push(error),
      });

    it('stores an entry once per idempotency key: writing it again returns null and changes nothing', async () => {
      const first = await enqueueOutbox(db, { kind: 'webhook', idempotencyKey: 'news.published:1#sub-1', refId: 7, payload: { n: 1 } }, clock.now());
      const second = await enqueueOutbox(db, { kind: 'webhook', idempotencyKey: 'news.published:1#sub-1', refId: 8, payload: { n: 2 } }, clock.now());
      assert.equal(typeof first, 'number');
      assert.equal(second, null);
      const rows = await db.selectFrom('outbox').selectAll().execute();
      assert.equal(rows.length, 1);
      assert.deepEqual([rows[0]!.ref_id, JSON.parse(rows[0]!.payload), rows[0]!.status, rows[0]!.attempts], [7, { n: 1 }, 'pending', 0]);
    });

    it('leases due rows in order, counts the attempt and hides leased rows from others until the lease expires', async () => {
      const [a, b, c] = [await enqueue('a'), await enqueue('b'), await enqueue('c')];
      await enqueue('later', 'webhook', new Date(at(60 * MINUTE)));

      const leasedByA = await leaseDueOutbox(db, 'A', clock.now(), MINUTE, 2);
      assert.deepEqual(leasedByA.map((r) => [r.id, r.attempts, r.lease_owner, r.lease_until]), [
        [a, 1, 'A', at(MINUTE)],
        [b, 1, 'A', at(MINUTE)],
      ]);
      assert.deepEqual((await leaseDueOutbox(db, 'B', clock.now(), MINUTE, 10)).map((r) => r.id), [c], 'B gets only the row A did not take; the later row is not due');
      assert.deepEqual(await leaseDueOutbox(db, 'B', clock.now(), MINUTE, 10), []);

      advance(MINUTE);
      assert.deepEqual(await leaseDueOutbox(db, 'B', clock.now(), MINUTE, 10), [], 'a lease holds up to and including its last instant');
      advance(1);
      const takenOver = await leaseDueOutbox(db, 'B', clock.now(), MINUTE, 10);
      assert.deepEqual(takenOver.map((r) => [r.id, r.attempts, r.lease_owner]), [
        [a, 2, 'B'],
        [b, 2, 'B'],
        [c, 2, 'B'],
      ]);
    });

    it('gives concurrent leases from two instances disjoint rows, each at most its limit', async () => {
      for (let i = 0; i < 200; i++) await enqueue(`row-${i}`);
      const leases = await Promise.all(
        Array.from({ length: 10 }, (_, i) => leaseDueOutbox(i % 2 === 0 ? db : other.db, `owner-${i}`, clock.now(), MINUTE, 25)),
      );
      for (const lease of leases) assert.ok(lease.length <= 25, `a lease of ${lease.length} rows`);
      const ids = leases.flatMap((l) => l.map((r) => r.id));
      assert.equal(new Set(ids).size, ids.length, 'no row leased twice');
      assert.equal(ids.length, 200);
      const owners = await db.selectFrom('outbox').select(['id', 'lease_owner', 'attempts']).execute();
      const ownerOf = new Map(leases.flatMap((l, i) => l.map((r) => [r.id, `owner-${i}`] as const)));
      for (const r of owners) assert.deepEqual([r.lease_owner, r.attempts], [ownerOf.get(r.id), 1]);
    });

    it('takes over the rows of a dispatcher that died holding a lease once it expires, and delivers each once', async () => {
      const ids = [(await enqueue('d1'))!, (await enqueue('d2'))!, (await enqueue('d3'))!];
      await leaseDueOutbox(db, 'dead', clock.now(), 2 * MINUTE, 10); // and then nothing: the process is gone
      const b = scriptedHandler(() => ({ ok: true }));
      const survivor = dispatcher('B', { webhook: b.handler });

      assert.equal(await survivor.dispatch(), 0, 'the lease still holds');
      advance(2 * MINUTE + 1);
      assert.equal(await survivor.dispatch(), 3);
      assert.equal(await survivor.dispatch(), 0);

      assert.deepEqual(b.attempts.map((r) => r.id).sort(), ids.sort());
      for (const id of ids) {
        const row = await rowOf(id);
        assert.deepEqual([row.status, row.attempts, row.lease_owner, row.lease_until, row.delivered_at], ['delivered', 2, null, null, at(2 * MINUTE + 1)]);
        assert.deepEqual(await settleOwners(id), ['B']);
      }
    });

    it('refuses to mark a row delivered under a lost lease, and rolls the slow dispatcher’s settle back', async () => {
      const id = (await enqueue('slow'))!;
      const slow = gate();
      const a = scriptedHandler(async () => {
        slow.reached();
        await slow.opened;
        return { ok: true };
      });
      const errorsOfA: unknown[] = [];
      const dispatcherA = dispatcher('A', { webhook: a.handler }, { leaseMs: MINUTE, errors: errorsOfA });
      const passOfA = dispatcherA.dispatch();
      await slow.arrived; // A is delivering; its lease runs out meanwhile

      advance(MINUTE + 1);
      const b = scriptedHandler(() => ({ ok: true }));
      assert.equal(await dispatcher('B', { webhook: b.handler }, { db: other.db }).dispatch(), 1);
      assert.equal(await markOutboxDelivered(db, id, 'A', clock.now()), false);

      slow.open();
      assert.equal(await passOfA, 0, 'A delivered nothing it can vouch for');
      assert.equal(a.attempts.length, 1);
      assert.equal(b.attempts.length, 1);
      assert.match(String(errorsOfA[0]), /lease of A expired and another dispatcher took it/);
      assert.deepEqual(await settleOwners(id), ['B'], 'only B’s settle committed');
      const row = await rowOf(id);
      assert.deepEqual([row.status, row.attempts, row.lease_owner, row.last_error], ['delivered', 2, null, null]);
    });

    it('does not start a row whose lease ran out while it waited behind a slow one in the batch', async () => {
      const slowId = (await enqueue('first-and-slow'))!;
      const waitingId = (await enqueue('second-waiting'))!;
      const slow = gate();
      const a = scriptedHandler(async (row) => {
        if (row.id === slowId) {
          slow.reached();
          await slow.opened;
        }
        return { ok: true };
      });
      const passOfA = createDispatcher({ db, handlers: { webhook: a.handler }, now: clock.now, owner: 'A', leaseMs: MINUTE, concurrency: 1, random: noJitter }).dispatch();
      await slow.arrived;
      advance(MINUTE + 1);
      const b = scriptedHandler(() => ({ ok: true }));
      assert.equal(await dispatcher('B', { webhook: b.handler }, { db: other.db }).dispatch(), 2);
      slow.open();
      assert.equal(await passOfA, 0);
      assert.deepEqual(a.attempts.map((r) => r.id), [slowId], 'A never sent the row it no longer held');
      assert.deepEqual(await settleOwners(waitingId), ['B']);
    });

    it('reschedules a failed delivery by the backoff and does not try it again before then', async () => {
      let calls = 0;
      const h = scriptedHandler(() => (++calls <= 2 ? { ok: false, error: 'HTTP 503: busy' } : { ok: true }));
      const d = dispatcher('A', { webhook: h.handler });
      const id = (await enqueue('flaky'))!;

      assert.equal(await d.dispatch(), 0);
      let row = await rowOf(id);
      assert.deepEqual([row.status, row.attempts, row.available_at, row.last_error, row.lease_owner], ['pending', 1, at(MINUTE), 'HTTP 503: busy', null]);
      assert.deepEqual(h.settlements.map((s) => [s.attempt, s.final, s.nextAttemptAt?.toISOString()]), [[1, false, at(MINUTE)]]);

      advance(MINUTE - 1);
      await d.dispatch();
      assert.equal(h.attempts.length, 1, 'not tried before its time');

      advance(1);
      await d.dispatch();
      row = await rowOf(id);
      assert.deepEqual([h.attempts.length, row.attempts, row.available_at], [2, 2, at(MINUTE + 2 * MINUTE)], 'the second delay is twice the first');

      advance(2 * MINUTE);
      assert.equal(await d.dispatch(), 1);
      row = await rowOf(id);
      assert.deepEqual([row.status, row.attempts, row.last_error, row.delivered_at], ['delivered', 3, null, at(3 * MINUTE)]);
      assert.equal((await settleOwners(id)).length, 3, 'each attempt was settled');
    });

    it('fails a row at once on a permanent failure', async () => {
      const h = scriptedHandler(() => ({ ok: false, error: 'HTTP 410: gone', permanent: true }));
      const d = dispatcher('A', { webhook: h.handler });
      const id = (await enqueue('gone'))!;
      await d.dispatch();
      advance(24 * 60 * MINUTE);
      await d.dispatch();
      const row = await rowOf(id);
      assert.deepEqual([row.status, row.attempts, row.last_error, h.attempts.length], ['failed', 1, 'HTTP 410: gone', 1]);
      assert.deepEqual(h.settlements.map((s) => [s.final, s.nextAttemptAt]), [[true, null]]);
    });

    it('fails a row when its attempts run out', async () => {
      const h = scriptedHandler(() => ({ ok: false, error: 'connection refused' }), policy(3));
      const d = dispatcher('A', { webhook: h.handler });
      const id = (await enqueue('unreachable'))!;
      for (let i = 0; i < 6; i++) {
        await d.dispatch();
        advance(60 * MINUTE);
      }
      const row = await rowOf(id);
      assert.deepEqual([row.status, row.attempts, row.last_error, h.attempts.length], ['failed', 3, 'connection refused', 3]);
      assert.deepEqual(h.settlements.map((s) => s.final), [false, false, true]);
    });

    it('treats a handler that throws as a failed attempt', async () => {
      const errors: unknown[] = [];
      const h = scriptedHandler(() => {
        throw new Error('socket hang up');
      });
      const id = (await enqueue('throws'))!;
      assert.equal(await dispatcher('A', { webhook: h.handler }, { errors }).dispatch(), 0);
      const row = await rowOf(id);
      assert.deepEqual([row.status, row.attempts, row.last_error, row.available_at, row.lease_owner], ['pending', 1, 'socket hang up', at(MINUTE), null]);
      assert.match(String(errors[0]), /socket hang up/);
      assert.equal(h.settlements[0]!.outcome.ok, false);
    });

    it('keeps a row of a kind this process has no handler for, retries it like e-mail and fails it after five attempts, naming the kind', async () => {
      const h = scriptedHandler(() => ({ ok: true }));
      const d = dispatcher('A', { webhook: h.handler });
      const id = (await enqueue('mail-without-smtp', 'email'))!;
      await d.dispatch();
      let row = await rowOf(id);
      const error = 'no handler for outbox rows of kind "email" in this process';
      assert.deepEqual([row.status, row.attempts, row.last_error, row.available_at], ['pending', 1, error, at(MINUTE)]);
      for (let i = 0; i < 6; i++) {
        advance(60 * MINUTE);
        await d.dispatch();
      }
      row = await rowOf(id);
      assert.deepEqual([row.status, row.attempts, row.last_error], ['failed', 5, error]);
    });

    it('counts a settle that throws as a failed attempt on the backoff, instead of delivering again at every lease expiry', async () => {
      const errors: unknown[] = [];
      const h = scriptedHandler(() => ({ ok: true }), policy(2));
      h.handler.settle = async () => {
        throw new Error('the record cannot be written');
      };
      const d = dispatcher('A', { webhook: h.handler }, { leaseMs: 10 * MINUTE, errors });
      const id = (await enqueue('unrecordable'))!;

      assert.equal(await d.dispatch(), 0);
      let row = await rowOf(id);
      const error = 'recording the attempt failed: the record cannot be written';
      assert.deepEqual([row.status, row.attempts, row.last_error, row.available_at, row.lease_owner], ['pending', 1, error, at(MINUTE), null]);

      advance(MINUTE);
      await d.dispatch();
      row = await rowOf(id);
      assert.deepEqual([row.status, row.attempts, row.last_error], ['failed', 2, error]);
      advance(24 * 60 * MINUTE);
      await d.dispatch();
      assert.equal(h.attempts.length, 2, 'delivered twice (the attempts allowed), not once per lease for ever');
      assert.equal(errors.length, 2);
    });

    describe('events', () => {
      /** Fans each event out to one webhook row, and leaves a "fanout:<event id>:<nonce>" mark per committed fan-out. */
      const fanOut: EventListener = async (trx, stored, now) => {
        await trx.insertInto('job_runs').values({ job_key: `fanout:${stored.id}:${randomUUID()}`, owner: 'listener', ran_at: now.toISOString() }).execute();
        await enqueueOutbox(trx, { kind: 'webhook', idempotencyKey: `${stored.id}#hook`, payload: stored }, now);
      };
      const fanOutsPerEvent = async () => {
        const marks = await db.selectFrom('job_runs').select('job_key').where('job_key', 'like', 'fanout:%').execute();
        const per = new Map<string, number>();
        for (const { job_key } of marks) {
          const event = job_key.slice('fanout:'.length, job_key.lastIndexOf(':'));
          per.set(event, (per.get(event) ?? 0) + 1);
        }
        return per;
      };

      it('fans each event out exactly once when two instances dispatch at the same time', async () => {
        await db.transaction().execute(async (trx) => {
          for (let i = 1; i <= 100; i++) await emitEvent(trx, { type: 'news.published', newsId: i }, clock.now());
        });
        const hooksA = scriptedHandler(() => ({ ok: true }));
        const hooksB = scriptedHandler(() => ({ ok: true }));
        const a = dispatcher('A', { event: eventFanOutHandler([fanOut]), webhook: hooksA.handler }, { batchSize: 10 });
        const b = dispatcher('B', { event: eventFanOutHandler([fanOut]), webhook: hooksB.handler }, { batchSize: 10, db: other.db });
        const [byA, byB] = await Promise.all([a.dispatch(), b.dispatch()]);
        assert.equal(byA + byB, 200, 'every event and every webhook row');

        const per = await fanOutsPerEvent();
        assert.equal(per.size, 100);
        assert.ok([...per.values()].every((n) => n === 1), 'each event fanned out once');
        const hooked = [...hooksA.attempts, ...hooksB.attempts].map((r) => r.idempotency_key);
        assert.equal(new Set(hooked).size, 100);
        assert.equal(hooked.length, 100, 'each webhook row delivered once');
        const counts = await db.selectFrom('outbox').select('status').where('status', '!=', 'delivered').execute();
        assert.deepEqual(counts, []);
      });

      it('fans an event out once when the dispatcher that leased it first lost its lease', async () => {
        await emitEvent(db, { type: 'call.published', callId: 5 }, clock.now());
        const slow = gate();
        const fanOutHandler = eventFanOutHandler([fanOut]);
        const slowFanOut: OutboxHandler = {
          ...fanOutHandler,
          async deliver(row) {
            slow.reached();
            await slow.opened;
            return fanOutHandler.deliver(row);
          },
        };
        const errors: unknown[] = [];
        const passOfA = dispatcher('A', { event: slowFanOut }, { leaseMs: MINUTE, errors }).dispatch();
        await slow.arrived;
        advance(MINUTE + 1);
        const hooks = scriptedHandler(() => ({ ok: true }));
        assert.equal(await dispatcher('B', { event: fanOutHandler, webhook: hooks.handler }, { db: other.db }).dispatch(), 2);
        slow.open();
        assert.equal(await passOfA, 0);
        assert.match(String(errors[0]), /lease of A expired/);
        assert.deepEqual([...(await fanOutsPerEvent()).entries()], [['call.published:5', 1]]);
      });
    });

    describe('the scheduler', () => {
      const config = testConfig();
      /** Claims the hour's slot and, in the same transaction, records that it ran; slow enough for the other instance to try meanwhile. */
      const hourly: ScheduledJob = {
        name: 'hourly',
        run: (jobDb, now, ctx) =>
          jobDb.transaction().execute(async (trx) => {
            if (!(await claimJobSlot(trx, `hourly:${now.toISOString().slice(0, 13)}`, ctx.owner, now))) return 0;
            await sleep(30);
            await trx.insertInto('job_runs').values({ job_key: `hourly-did:${now.toISOString()}:${ctx.owner}`, owner: ctx.owner, ran_at: now.toISOString() }).execute();
            return 1;
          }),
      };
      const scheduler = (owner: string, jobDb: Db, jobs: readonly ScheduledJob[], afterTicks: unknown[], errors: unknown[] = []) =>
        createScheduler({
          db: jobDb,
          jobs,
          now: clock.now,
          context: { config, owner, deliverMail: false },
          afterTick: async (done) => afterTicks.push(done),
          log: (error, job) => errors.push([job, error]),
        });

      it('runs a job that claims its slot once when two instances tick at the same time', async () => {
        const afterTicks: unknown[] = [];
        const one = scheduler('one', db, [hourly], afterTicks);
        const two = scheduler('two', other.db, [hourly], afterTicks);
        const first = await Promise.all([one.tick(), two.tick(), one.tick(), two.tick()]);
        assert.equal(first.reduce((sum, done) => sum + done.hourly!, 0), 2, 'a tick asked for during a tick is that tick');
        assert.equal(first[0]!.hourly! + first[1]!.hourly!, 1);
        const again = await Promise.all([one.tick(), two.tick()]);
        assert.equal(again[0].hourly! + again[1].hourly!, 0, 'the slot has run');
        advance(60 * MINUTE);
        const next = await Promise.all([one.tick(), two.tick()]);
        assert.equal(next[0].hourly! + next[1].hourly!, 1, 'the next hour is a new slot');

        const runs = await db.selectFrom('job_runs').select(['job_key', 'owner']).where('job_key', 'like', 'hourly%').orderBy('job_key').execute();
        assert.equal(runs.filter((r) => r.job_key.startsWith('hourly:')).length, 2);
        assert.equal(runs.filter((r) => r.job_key.startsWith('hourly-did:')).length, 2, 'its work done once per slot');
        assert.equal(afterTicks.length, 2, 'only the instance that did something dispatches after its tick');
      });

      it('runs the other jobs when one throws, and logs the one that threw', async () => {
        const afterTicks: unknown[] = [];
        const errors: unknown[] = [];
        const broken: ScheduledJob = { name: 'broken', run: async () => Promise.reject(new Error('no such table')) };
        const fine: ScheduledJob = { name: 'fine', run: async () => 2 };
        const done = await scheduler('one', db, [broken, fine], afterTicks, errors).tick();
        assert.deepEqual(done, { broken: 0, fine: 2 });
        assert.equal(errors.length, 1);
        assert.equal((errors[0] as [string, Error])[0], 'broken');
        assert.match((errors[0] as [string, Error])[1].message, /no such table/);
        assert.deepEqual(afterTicks, [{ broken: 0, fine: 2 }]);
      });
    });
  });
}
