/**
 * Latency and memory of the public pages and API on the embedded SQLite database, measured through
 * inject() (no network): the cost of our own code, routing, queries and rendering.
 * Run: npm run bench. Results go to docs/benchmarks.md by hand, with the machine they came from.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemoData, seedReferenceData } from '../src/db/seed/seed.js';
import { buildApp } from '../src/http/app.js';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 500);
const urls = [
  '/fi',
  '/fi/strategia',
  '/sv/landskap/kainuu',
  '/en/regions/kainuu',
  '/fi/asiantuntijaryhma',
  '/api/v1/regions',
  '/api/v1/strategies/current',
  '/api/v1/chair/2024',
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3-enf-bench-'));
const database = openDatabase({ sqliteFile: path.join(dir, 'bench.sqlite') });
await migrateToLatest(database);
await seedReferenceData(database.db);
await seedDemoData(database.db);
const app = await buildApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { database });

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
console.log(`${iterations} requests per URL after 50 warm-up requests; Node ${process.version}; ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`);
console.log('| URL | status | p50 ms | p95 ms | p99 ms |');
console.log('| --- | --- | --- | --- | --- |');
for (const url of urls) {
  let status = 0;
  for (let i = 0; i < 50; i++) await app.inject({ url, headers: { accept: 'text/html' } });
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    const res = await app.inject({ url, headers: { accept: 'text/html' } });
    times.push(performance.now() - start);
    status = res.statusCode;
  }
  times.sort((a, b) => a - b);
  console.log(`| ${url} | ${status} | ${pct(times, 50).toFixed(2)} | ${pct(times, 95).toFixed(2)} | ${pct(times, 99).toFixed(2)} |`);
}
const memory = process.memoryUsage();
console.log(`\nResident memory after the run: ${(memory.rss / 1048576).toFixed(0)} MiB (heap used ${(memory.heapUsed / 1048576).toFixed(0)} MiB)`);
await app.close();
await database.destroy();
fs.rmSync(dir, { recursive: true, force: true });
