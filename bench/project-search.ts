/**
 * Speed of the public project database and the monitoring dashboard at scale: generates N funded
 * projects (bench/projects-data.ts, fixed seed) in SQLite and, when BENCH_DATABASE_URL is set, in
 * PostgreSQL, then times searchProjects, partnerSearch and loadMonitoring – the functions the pages
 * and the API call – over many runs each.
 *
 * Run: npm run bench:projects. Settings (environment): BENCH_PROJECTS (100000), BENCH_RUNS (50),
 * BENCH_DATABASE_URL (PostgreSQL; the data goes to schema bench_projects, dropped first unless
 * BENCH_REUSE=1), BENCH_SQLITE_FILE (default a temporary file, removed at the end; an existing file
 * with projects is reused when BENCH_REUSE=1), BENCH_DIALECTS (sqlite,postgres), BENCH_EXPLAIN=1
 * prints the query plans of the slowest cases.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedReferenceData } from '../src/db/seed/seed.js';
import { loadMonitoring } from '../src/features/monitoring/monitoring.repository.js';
import { loadMonitoringCached } from '../src/features/monitoring/monitoring.cache.js';
import { reindexProject } from '../src/features/projects/project-search.index.js';
import { decodeCursor, partnerSearch, searchProjects, type ProjectSearchParams } from '../src/features/projects/projects.search.js';
import { seedProjectData, type GenerationReport } from './projects-data.js';

const count = Number(process.env.BENCH_PROJECTS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 50);
const pgUrl = process.env.BENCH_DATABASE_URL;
const reuse = process.env.BENCH_REUSE === '1';
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const PG_SCHEMA = 'bench_projects';

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MiB`;
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(', ');
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

interface Case {
  name: string;
  run: (db: DatabaseHandle['db']) => Promise<string>;
}

async function timeCase(db: DatabaseHandle['db'], c: Case): Promise<{ p50: number; p95: number; max: number; note: string }> {
  let note = '';
  for (let i = 0; i < 3; i++) note = await c.run(db);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await c.run(db);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times[times.length - 1]!, note };
}

const search = (params: ProjectSearchParams) => async (db: DatabaseHandle['db']) => {
  const r = await searchProjects(db, params);
  return `${r.total.toLocaleString('en-GB')} matches`;
};

/** The cursor of page `page` (1-based) of a search, walked page by page as a reader would. */
async function cursorOfPage(db: DatabaseHandle['db'], params: ProjectSearchParams, page: number) {
  let after: ProjectSearchParams['after'];
  for (let i = 1; i < page; i++) {
    const r = await searchProjects(db, { ...params, after });
    if (!r.nextCursor) break; // a small data set has fewer pages: the last one then
    after = decodeCursor(r.nextCursor) ?? undefined;
  }
  return after;
}

async function cases(db: DatabaseHandle['db']): Promise<Case[]> {
  const strategy = await db.selectFrom('strategies').select('id').where('valid_to', 'is', null).orderBy('valid_from', 'desc').executeTakeFirstOrThrow();
  const page50 = await cursorOfPage(db, { q: 'kiertotalous' }, 50);
  const page50plain = await cursorOfPage(db, {}, 50);
  return [
    { name: 'common word: "kiertotalous"', run: search({ q: 'kiertotalous' }) },
    { name: 'very common word: "yritysten"', run: search({ q: 'yritysten' }) },
    { name: 'rare word: "geotermia"', run: search({ q: 'geotermia' }) },
    { name: 'inflected Finnish form: "vedyssä"', run: search({ q: 'vedyssä' }) },
    { name: 'two words: "vety varastointi"', run: search({ q: 'vety varastointi' }) },
    { name: 'query + filters: "digitalisaatio", region 18, year 2026', run: search({ q: 'digitalisaatio', region: '18', year: 2026 }) },
    { name: 'no query, no filter (newest first)', run: search({}) },
    { name: 'no query + filters: digitalisation, region 12, year 2025', run: search({ priority: 'digitalisation', region: '12', year: 2025 }) },
    { name: 'page 50 via the cursor, "kiertotalous"', run: search({ q: 'kiertotalous', after: page50 }) },
    { name: 'page 50 via the cursor, no query', run: search({ after: page50plain }) },
    {
      name: 'partner search: "vety", not region 17',
      run: async (d) => {
        const r = await partnerSearch(d, { q: 'vety', excludeRegion: '17' });
        return `${r.total.toLocaleString('en-GB')} organisations`;
      },
    },
    {
      name: 'partner search: "kiertotalous"',
      run: async (d) => {
        const r = await partnerSearch(d, { q: 'kiertotalous' });
        return `${r.total.toLocaleString('en-GB')} organisations`;
      },
    },
    {
      name: 'dashboard: loadMonitoring, strategy in force',
      run: async (d) => {
        const m = await loadMonitoring(d, { strategyId: strategy.id });
        return `${m.collaboration.projects.toLocaleString('en-GB')} projects`;
      },
    },
    {
      name: 'dashboard: loadMonitoring, year 2026',
      run: async (d) => {
        const m = await loadMonitoring(d, { strategyId: strategy.id, yearFrom: 2026, yearTo: 2026 });
        return `${m.collaboration.projects.toLocaleString('en-GB')} projects`;
      },
    },
    {
      // What the page and the statistics API call: the kept copy, after checking the data's fingerprint.
      name: 'dashboard as served: kept copy + fingerprint check, strategy in force',
      run: async (d) => {
        const m = await loadMonitoringCached(d, { strategyId: strategy.id });
        return `${m.collaboration.projects.toLocaleString('en-GB')} projects`;
      },
    },
  ];
}

/** The index the generator wrote equals what reindexProject writes, for a sample of projects. */
async function checkIndex(db: DatabaseHandle['db']): Promise<string> {
  const ids = [1, 7, 99, 1234, 5555, 31_337, 77_777].map((n) => Math.min(n, count));
  const terms = async (id: number) =>
    (await db.selectFrom('project_search_terms').select(['term', 'weight']).where('project_id', '=', id).orderBy('term').execute()).map((t) => `${t.term}:${t.weight}`).join(' ');
  const projectIds = await db.selectFrom('projects').select('id').orderBy('id').execute();
  let same = 0;
  for (const n of ids) {
    const id = projectIds[n - 1]!.id;
    const before = await terms(id);
    await db.transaction().execute((trx) => reindexProject(trx, id));
    if ((await terms(id)) === before) same++;
  }
  return `${same} of ${ids.length} sampled projects' keys identical to reindexProject's`;
}

async function sizeOf(handle: DatabaseHandle, file: string | null): Promise<number> {
  if (file) {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(handle.db);
    return fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
  }
  const r = await sql<{ bytes: number }>`SELECT SUM(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${PG_SCHEMA} AND c.relkind = 'r'`.execute(handle.db);
  return Number(r.rows[0]?.bytes ?? 0);
}

async function prepare(dialect: string): Promise<{ handle: DatabaseHandle; file: string | null; dir: string | null; generation: GenerationReport | null }> {
  if (dialect === 'sqlite') {
    const dir = process.env.BENCH_SQLITE_FILE ? null : fs.mkdtempSync(path.join(os.tmpdir(), 's3-enf-bench-projects-'));
    const file = process.env.BENCH_SQLITE_FILE ?? path.join(dir!, 'bench.sqlite');
    if (!reuse && fs.existsSync(file)) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    const handle = openDatabase({ sqliteFile: file });
    return { handle, file, dir, generation: await fill(handle) };
  }
  if (!pgUrl) throw new Error('BENCH_DATABASE_URL is not set');
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  if (!reuse) await admin.query(`DROP SCHEMA IF EXISTS ${PG_SCHEMA} CASCADE`);
  await admin.query(`CREATE SCHEMA IF NOT EXISTS ${PG_SCHEMA}`);
  await admin.end();
  const handle = openDatabase({ databaseUrl: pgUrl, schema: PG_SCHEMA, poolSize: 4 });
  const generation = await fill(handle);
  await sql`ANALYZE`.execute(handle.db);
  return { handle, file: null, dir: null, generation };
}

async function fill(handle: DatabaseHandle): Promise<GenerationReport | null> {
  await migrateToLatest(handle);
  await seedReferenceData(handle.db);
  const existing = await handle.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) {
    console.log(`Reusing ${Number(existing.n)} projects already stored.`);
    return null;
  }
  return seedProjectData(handle.db, handle.dialect, count);
}

console.log(`Machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${mib(os.totalmem())} memory; Node ${process.version}; load average ${load()}`);
console.log(`${count.toLocaleString('en-GB')} projects, ${runs} timed runs a case after 3 warm-up runs.`);
const results = new Map<string, Map<string, { p50: number; p95: number; max: number; note: string }>>();
const explainWanted = process.env.BENCH_EXPLAIN === '1';
for (const dialect of dialects) {
  if (dialect === 'postgres' && !pgUrl) {
    console.log('\nPostgreSQL skipped: BENCH_DATABASE_URL is not set.');
    continue;
  }
  const { handle, file, dir, generation } = await prepare(dialect);
  console.log(`\n## ${dialect} (${handle.location})`);
  if (generation) {
    const g = generation;
    console.log(
      `Generated in ${(g.milliseconds / 1000).toFixed(1)} s: ${g.projects} projects, ${g.organisations} organisations, ${g.partners} partners, ${g.fundingRows} funding rows, ${g.searchTerms} search keys, ${g.reportingProjects} projects reporting (${g.reports} reports).`,
    );
  }
  console.log(`Database size ${mib(await sizeOf(handle, file))}. ${await checkIndex(handle.db)}. Load average ${load()}.`);
  const byCase = new Map<string, { p50: number; p95: number; max: number; note: string }>();
  console.log('\n| case | p50 ms | p95 ms | max ms | result |\n| --- | --- | --- | --- | --- |');
  for (const c of await cases(handle.db)) {
    const r = await timeCase(handle.db, c);
    byCase.set(c.name, r);
    console.log(`| ${c.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.note} |`);
  }
  results.set(dialect, byCase);
  if (explainWanted) await explain(handle);
  await handle.destroy();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

/** Query plans of the search for a common word (count and page) on this dialect. */
async function explain(handle: DatabaseHandle): Promise<void> {
  const isPg = handle.dialect === 'postgres';
  const keys = "('kiertotalo','kiertotalous','circular','economi')";
  const from = `(SELECT project_id, MAX(weight) AS w FROM project_search_terms WHERE term IN ${keys} GROUP BY project_id) t0`;
  const queries = [
    `SELECT m.id, m.score FROM (SELECT p.id AS id, t0.w AS score, p.funded_at FROM ${from} JOIN projects p ON p.id = t0.project_id) m ORDER BY m.score DESC, m.id DESC LIMIT 21`,
    `SELECT COUNT(*) FROM ${from} JOIN projects p ON p.id = t0.project_id`,
  ];
  for (const q of queries) {
    const r = await sql.raw<Record<string, unknown>>(`${isPg ? 'EXPLAIN (ANALYZE, BUFFERS)' : 'EXPLAIN QUERY PLAN'} ${q}`).execute(handle.db);
    console.log(`\n${q}\n${r.rows.map((row) => Object.values(row).join(' ')).join('\n')}`);
  }
}

const usage = process.resourceUsage();
console.log(`\nLoad average at the end: ${load()}. Peak resident memory ${mib(usage.maxRSS * 1024)}.`);
if (results.size === 2) {
  console.log('\n| case | SQLite p50 / p95 / max ms | PostgreSQL p50 / p95 / max ms | result |\n| --- | --- | --- | --- |');
  const [a, b] = [results.get('sqlite')!, results.get('postgres')!];
  for (const [name, r] of a) {
    const s = b.get(name)!;
    console.log(`| ${name} | ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} / ${r.max.toFixed(1)} | ${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(1)} | ${r.note}${r.note === s.note ? '' : ` (PostgreSQL: ${s.note})`} |`);
  }
}
