/**
 * Speed of the outbox: how fast dispatchers deliver webhook rows to a local HTTP receiver (the real
 * webhook handler, which reads the delivery and its subscription, signs, POSTs and logs the attempt),
 * with 1 and 2 dispatchers on PostgreSQL (two connection pools, as two instances) and 1 on SQLite;
 * the enqueue→delivered latency at a steady rate below capacity, each commit followed by dispatch()
 * as the routes do; and the cost of leasing a batch of 50 from an outbox of 100,000 delivered and
 * 1,000 pending rows, with its query plan.
 *
 * Run: npm run bench:outbox. Settings (environment): BENCH_OUTBOX_ROWS (10000) delivered per case,
 * BENCH_OUTBOX_RATE rows/s (50) for BENCH_OUTBOX_SECONDS (20) in the latency run, BENCH_OUTBOX_DELIVERED
 * (100000) and BENCH_OUTBOX_PENDING (1000) for the lease, BENCH_RUNS (200) leases timed,
 * BENCH_DATABASE_URL (PostgreSQL; schema bench_outbox, dropped first), BENCH_DIALECTS (sqlite,postgres).
 * Results go to docs/benchmarks.md by hand, with the machine they came from.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CompiledQuery, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openDatabase, type DatabaseHandle, type Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedReferenceData } from '../src/db/seed/seed.js';
import { createWebhookHandler } from '../src/features/webhooks/webhook.handler.js';
import { insertSubscription, queueDelivery } from '../src/features/webhooks/webhooks.repository.js';
import { createDispatcher, type Dispatcher } from '../src/jobs/dispatcher.js';
import { leaseDueOutbox } from '../src/jobs/outbox.repository.js';
import { seal } from '../src/security/secret-box.js';

const rows = Number(process.env.BENCH_OUTBOX_ROWS ?? 10_000);
const rate = Number(process.env.BENCH_OUTBOX_RATE ?? 50);
const seconds = Number(process.env.BENCH_OUTBOX_SECONDS ?? 20);
const deliveredRows = Number(process.env.BENCH_OUTBOX_DELIVERED ?? 100_000);
const pendingRows = Number(process.env.BENCH_OUTBOX_PENDING ?? 1_000);
const runs = Number(process.env.BENCH_RUNS ?? 200);
const pgUrl = process.env.BENCH_DATABASE_URL;
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const PG_SCHEMA = 'bench_outbox';
const SECRET_KEY = 'bench-outbox-secret-key-0123456789abcdef';
const config = loadConfig({ NODE_ENV: 'test', BASE_URL: 'http://s3.bench', SECRET_KEY });

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(', ');
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Instances {
  handles: DatabaseHandle[];
  dispose(): Promise<void>;
}

/** A migrated database and `count` handles on it: pools of their own on PostgreSQL, one handle on SQLite. */
async function openFresh(dialect: string, count: number): Promise<Instances> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3-enf-bench-outbox-'));
    const handle = openDatabase({ sqliteFile: path.join(dir, 'bench.sqlite') });
    await migrateToLatest(handle);
    await seedReferenceData(handle.db);
    return {
      handles: [handle],
      dispose: async () => {
        await handle.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${PG_SCHEMA} CASCADE`);
  await admin.query(`CREATE SCHEMA ${PG_SCHEMA}`);
  await admin.end();
  const handles = Array.from({ length: count }, () => openDatabase({ databaseUrl: pgUrl!, schema: PG_SCHEMA, poolSize: 10 }));
  await migrateToLatest(handles[0]!);
  await seedReferenceData(handles[0]!.db);
  return { handles, dispose: async () => Promise.all(handles.map((h) => h.destroy())).then(() => undefined) };
}

async function startReceiver(): Promise<{ url: string; received: () => number; close(): Promise<void> }> {
  let received = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received: () => received,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

async function pendingCount(db: Db): Promise<number> {
  const r = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Writes `count` webhook deliveries (and their outbox rows) in transactions of `per`. */
async function enqueue(db: Db, subscriptionId: number, from: number, count: number, per: number): Promise<void> {
  for (let i = from; i < from + count; i += per) {
    const now = new Date();
    await db.transaction().execute(async (trx) => {
      for (let j = i; j < Math.min(i + per, from + count); j++) {
        const body = JSON.stringify({ id: `news.published:${j}`, type: 'news.published', data: { newsId: j } });
        await queueDelivery(trx, { subscriptionId, type: 'news.published', eventId: `news.published:${j}`, body }, now);
      }
    });
  }
}

/** Runs each dispatcher in a loop until nothing is pending; the share of the webhooks each delivered. */
async function drain(db: Db, dispatchers: Dispatcher[]): Promise<number[]> {
  let stop = false;
  const delivered = dispatchers.map(() => 0);
  const loops = dispatchers.map(async (d, i) => {
    while (!stop) {
      const n = await d.dispatch();
      delivered[i]! += n;
      if (n === 0) await sleep(5);
    }
  });
  while ((await pendingCount(db)) > 0) await sleep(50);
  stop = true;
  await Promise.all(loops);
  return delivered;
}

async function latencies(db: Db, fromId: number): Promise<number[]> {
  const done = await db.selectFrom('outbox').select(['created_at', 'delivered_at']).where('id', '>', fromId).where('status', '=', 'delivered').execute();
  return done.map((r) => Date.parse(r.delivered_at!) - Date.parse(r.created_at)).sort((a, b) => a - b);
}

interface DeliveryResult {
  perSecond: number;
  shares: number[];
  latency: { p50: number; p95: number; max: number; rows: number };
}

async function deliveryCase(dialect: string, instances: number): Promise<DeliveryResult> {
  const fresh = await openFresh(dialect, instances);
  const receiver = await startReceiver();
  try {
    const db = fresh.handles[0]!.db;
    const subscriptionId = await insertSubscription(
      db,
      { regionCode: '18', url: receiver.url, description: 'bench', events: ['news.published'], secretSealed: seal(SECRET_KEY, 'whsec_bench'), createdBy: null },
      new Date(),
    );
    const dispatchers = Array.from({ length: instances }, (_, i) => {
      const h = fresh.handles[Math.min(i, fresh.handles.length - 1)]!;
      return createDispatcher({ db: h.db, handlers: { webhook: createWebhookHandler(config, h.db) }, now: () => new Date(), owner: `bench-${i + 1}` });
    });

    // Throughput: a backlog of `rows` written first, then drained.
    await enqueue(db, subscriptionId, 1, rows, 500);
    const started = performance.now();
    const shares = await drain(db, dispatchers);
    const perSecond = rows / ((performance.now() - started) / 1000);
    if (receiver.received() !== rows) throw new Error(`the receiver got ${receiver.received()} requests for ${rows} rows`);

    // Latency: a steady stream of 10-row transactions, each commit followed by dispatch() on one of the instances.
    const last = await db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
    const batches = Math.round((rate * seconds) / 10);
    const interval = 10_000 / rate;
    const t0 = performance.now();
    for (let b = 0; b < batches; b++) {
      await enqueue(fresh.handles[b % fresh.handles.length]!.db, subscriptionId, rows + 1 + b * 10, 10, 10);
      void dispatchers[b % dispatchers.length]!.dispatch();
      const wait = t0 + (b + 1) * interval - performance.now();
      if (wait > 0) await sleep(wait);
    }
    while ((await pendingCount(db)) > 0) await sleep(20);
    for (const d of dispatchers) await d.stop();
    const lat = await latencies(db, Number(last.id));
    return { perSecond, shares: shares.map((s) => s / rows), latency: { p50: quantile(lat, 0.5), p95: quantile(lat, 0.95), max: lat[lat.length - 1]!, rows: lat.length } };
  } finally {
    await receiver.close();
    await fresh.dispose();
  }
}

/** Captures the SQL of the queries run through it, so that the lease can be EXPLAINed as it is sent. */
function capture(): KyselyPlugin & { last: RootOperationNode | null } {
  return {
    last: null,
    transformQuery(args) {
      this.last = args.node;
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
}

async function leaseCase(dialect: string): Promise<string[]> {
  const fresh = await openFresh(dialect, 1);
  const out: string[] = [];
  try {
    const db = fresh.handles[0]!.db;
    const base = Date.parse('2026-11-01T00:00:00Z');
    const iso = (ms: number) => new Date(ms).toISOString();
    const insert = async (from: number, count: number, status: 'pending' | 'delivered') => {
      for (let i = from; i < from + count; i += 1000) {
        const chunk = Array.from({ length: Math.min(1000, from + count - i) }, (_, k) => {
          const n = i + k;
          const at = base + n * 20_000; // one row every 20 s: 100,000 rows cover about 23 days
          return {
            kind: 'webhook' as const,
            idempotency_key: `bench:${n}`,
            ref_id: n,
            payload: 'null',
            status,
            attempts: status === 'delivered' ? 1 : 0,
            available_at: iso(at),
            created_at: iso(at),
            delivered_at: status === 'delivered' ? iso(at + 500) : null,
          };
        });
        await db.insertInto('outbox').values(chunk).execute();
      }
    };
    const time = async (label: string) => {
      // Each lease expires 1 ms after it is taken and the clock moves on, so every run leases the same 50 oldest due rows.
      let clock = base + (deliveredRows + pendingRows) * 20_000 + 3_600_000;
      for (let i = 0; i < 5; i++) await leaseDueOutbox(db, 'bench', new Date((clock += 2)), 1, 50);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const leased = await leaseDueOutbox(db, 'bench', new Date((clock += 2)), 1, 50);
        times.push(performance.now() - t);
        if (leased.length !== 50) throw new Error(`leased ${leased.length}`);
      }
      times.sort((a, b) => a - b);
      out.push(`| ${label} | ${quantile(times, 0.5).toFixed(2)} | ${quantile(times, 0.95).toFixed(2)} | ${times[times.length - 1]!.toFixed(2)} |`);
    };

    await insert(deliveredRows, pendingRows, 'pending');
    if (dialect === 'postgres') await sql`ANALYZE outbox`.execute(db);
    await time(`${pendingRows.toLocaleString('en-GB')} pending, nothing delivered`);
    await insert(0, deliveredRows, 'delivered');
    if (dialect === 'postgres') await sql`ANALYZE outbox`.execute(db);
    await time(`${pendingRows.toLocaleString('en-GB')} pending + ${deliveredRows.toLocaleString('en-GB')} delivered`);

    const plugin = capture();
    await leaseDueOutbox(db.withPlugin(plugin), 'bench', new Date(base + (deliveredRows + pendingRows) * 20_000 + 7_200_000), 1, 50);
    const compiled = db.getExecutor().compileQuery(plugin.last!, { queryId: 'explain' });
    const explain = dialect === 'postgres' ? 'EXPLAIN (ANALYZE, BUFFERS)' : 'EXPLAIN QUERY PLAN';
    const plan = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`${explain} ${compiled.sql}`, [...compiled.parameters]));
    out.push('', `${compiled.sql}`, ...plan.rows.map((r) => (dialect === 'postgres' ? String(Object.values(r)[0]) : `${String(r.detail)}`)));
  } finally {
    await fresh.dispose();
  }
  return out;
}

console.log(`Machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}; Node ${process.version}; load average ${load()}`);
console.log(`${rows.toLocaleString('en-GB')} webhook rows per delivery case; latency at ${rate} rows/s for ${seconds} s; lease of 50 timed ${runs} times.`);
const cases: [string, number][] = [];
if (dialects.includes('postgres') && pgUrl) cases.push(['postgres', 1], ['postgres', 2]);
else if (dialects.includes('postgres')) console.log('PostgreSQL skipped: BENCH_DATABASE_URL is not set.');
if (dialects.includes('sqlite')) cases.push(['sqlite', 1]);

console.log('\n| database, dispatchers | deliveries/s (backlog) | shares | latency p50 / p95 / max ms (steady) | load |\n| --- | --- | --- | --- | --- |');
for (const [dialect, n] of cases) {
  const r = await deliveryCase(dialect, n);
  console.log(
    `| ${dialect}, ${n} | ${r.perSecond.toFixed(0)} | ${r.shares.map((s) => `${(s * 100).toFixed(0)} %`).join(' / ')} | ` +
      `${r.latency.p50.toFixed(0)} / ${r.latency.p95.toFixed(0)} / ${r.latency.max.toFixed(0)} (${r.latency.rows} rows) | ${load()} |`,
  );
}

for (const dialect of cases.map(([d]) => d).filter((d, i, all) => all.indexOf(d) === i)) {
  console.log(`\n## Leasing 50 on ${dialect}\n\n| outbox | p50 ms | p95 ms | max ms |\n| --- | --- | --- | --- |`);
  for (const line of await leaseCase(dialect)) console.log(line);
}
console.log(`\nLoad average at the end: ${load()}. Peak resident memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB.`);
