/**
 * Latency and memory of the public pages, the API and the signed-in pages on the embedded SQLite
 * database, measured through inject() (no network): the cost of our own code, routing, session and
 * policy checks, queries and rendering; and the cost of a password sign-in (argon2id).
 * Run: npm run bench. Results go to docs/benchmarks.md by hand, with the machine they came from.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemoCalls } from '../src/db/seed/demo-calls.js';
import { seedDemoData, seedReferenceData } from '../src/db/seed/seed.js';
import { buildApp } from '../src/http/app.js';
import { startSession } from '../src/features/auth/session.service.js';
import { createApiToken } from '../src/features/api-tokens/api-tokens.service.js';
import { cliActor } from '../src/features/audit/audit.repository.js';
import { DEMO_PASSWORD } from '../src/db/seed/demo-data.js';
import { TestAgent } from '../test/helpers/agent.js';
import { buildApplication } from '../test/helpers/call-factories.js';

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
  '/fi/haut',
  '/fi/haut?phase=open&region=18',
  '/fi/haut/1',
  '/api/v1/calls',
  '/api/v1/calls/1',
  '/fi/haut/4/decisions',
  '/api/v1/calls/4/decisions',
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3-enf-bench-'));
const database = openDatabase({ sqliteFile: path.join(dir, 'bench.sqlite') });
await migrateToLatest(database);
await seedReferenceData(database.db);
await seedDemoData(database.db);
await seedDemoCalls(database.db, new Date());
const app = await buildApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { database });

const admin = await database.db.selectFrom('users').select('id').where('email', '=', 'yllapito.demo@example.org').executeTakeFirstOrThrow();
const applicant = await database.db.selectFrom('users').select(['id', 'email']).where('email', '=', 'hakija.demo@example.org').executeTakeFirstOrThrow();
const sessionOf = async (userId: number) =>
  `s3_session=${await startSession(database.db, { userId, method: 'password', mfaPending: false, ip: '127.0.0.1', userAgent: 'bench' }, new Date(), app.config)}`;
const adminCookie = await sessionOf(admin.id);
const expert = await database.db.selectFrom('users').select('id').where('email', '=', 'liisa.harjoitus@example.org').executeTakeFirstOrThrow();
const expertCookie = await sessionOf(expert.id);
const reviewCall = await database.db.selectFrom('calls').select('id').where('status', '=', 'in_review').executeTakeFirstOrThrow();
const reviewedApplication = await database.db.selectFrom('applications').select('id').where('call_id', '=', reviewCall.id).orderBy('id').executeTakeFirstOrThrow();
const applicantCookie = await sessionOf(applicant.id);
const token = await createApiToken(database.db, cliActor, { ownerEmail: 'yllapito.demo@example.org', name: 'bench', scopes: ['read'], days: 30 }, new Date());
if (!token.ok) throw new Error('could not make a bench token');
const signedIn: Array<{ url: string; headers: Record<string, string> }> = [
  { url: '/fi/oma-tili', headers: { cookie: applicantCookie } },
  { url: '/fi/hallinta/kayttajat', headers: { cookie: adminCookie } },
  { url: '/fi/hallinta/lokitiedot', headers: { cookie: adminCookie } },
  { url: '/fi/hallinta/organisaatiot', headers: { cookie: adminCookie } },
  { url: '/api/v1/me', headers: { authorization: `Bearer ${token.token}` } },
  // The demo draft (application 1) of the demo organisation, whose administrator hakija.demo is.
  { url: '/fi/hakemukset', headers: { cookie: applicantCookie } },
  { url: '/fi/hakemukset/1', headers: { cookie: applicantCookie } },
  { url: '/fi/hakemukset/1/general', headers: { cookie: applicantCookie } },
  { url: '/fi/hakemukset/1/partners/1', headers: { cookie: applicantCookie } },
  { url: '/fi/hallinta/haut/1', headers: { cookie: adminCookie } },
  { url: '/fi/hallinta/haut/1/applications', headers: { cookie: adminCookie } },
  // The demo call in review: six submitted applications with two reviews each (demo-review.ts).
  { url: `/fi/hallinta/haut/${reviewCall.id}/review`, headers: { cookie: adminCookie } },
  { url: `/fi/hallinta/haut/${reviewCall.id}/review/applications/${reviewedApplication.id}`, headers: { cookie: adminCookie } },
  { url: `/fi/hallinta/haut/${reviewCall.id}/funding`, headers: { cookie: adminCookie } },
  { url: `/fi/hallinta/haut/${reviewCall.id}/funding?objective=amount`, headers: { cookie: adminCookie } },
  { url: `/fi/hallinta/haut/${reviewCall.id}/decisions`, headers: { cookie: adminCookie } },
  { url: '/fi/arvioinnit', headers: { cookie: expertCookie } },
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
console.log(`${iterations} requests per URL after 50 warm-up requests; Node ${process.version}; ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`);
console.log('| URL | status | p50 ms | p95 ms | p99 ms |');
console.log('| --- | --- | --- | --- | --- |');
for (const { url, headers, label } of [
  ...urls.map((url) => ({ url, headers: {}, label: url })),
  ...signedIn.map((s) => ({ ...s, label: `${s.url} (${s.headers.cookie === adminCookie ? 'admin' : s.headers.cookie === expertCookie ? 'expert' : s.headers.cookie ? 'applicant' : 'API token'})` })),
]) {
  let status = 0;
  const request = { url, headers: { accept: 'text/html', ...headers } };
  for (let i = 0; i < 50; i++) await app.inject(request);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    const res = await app.inject(request);
    times.push(performance.now() - start);
    status = res.statusCode;
  }
  times.sort((a, b) => a - b);
  console.log(`| ${label} | ${status} | ${pct(times, 50).toFixed(2)} | ${pct(times, 95).toFixed(2)} | ${pct(times, 99).toFixed(2)} |`);
}

// A password sign-in costs one argon2id verification (19 MiB, 2 passes) by design.
const signIns = 40;
const signInTimes: number[] = [];
for (let i = 0; i < signIns; i++) {
  const agent = new TestAgent(app);
  const start = performance.now();
  const res = await agent.post('/fi/kirjaudu', { email: applicant.email, password: DEMO_PASSWORD });
  signInTimes.push(performance.now() - start);
  if (res.statusCode !== 303) throw new Error(`sign-in answered ${res.statusCode}`);
}
signInTimes.sort((a, b) => a - b);
console.log(`| POST /fi/kirjaudu (password sign-in, ${signIns} times) | 303 | ${pct(signInTimes, 50).toFixed(2)} | ${pct(signInTimes, 95).toFixed(2)} | ${pct(signInTimes, 99).toFixed(2)} |`);

// Submitting: one transaction that locks, re-checks every rule, freezes the snapshot with its
// SHA-256, writes the receipt and queues the e-mail, committed with synchronous=FULL before the 303.
const submits = 100;
const call = await database.db.selectFrom('calls').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
const leadOrganisation = await database.db.selectFrom('organisations').selectAll().where('business_id', '=', '9990001-6').executeTakeFirstOrThrow();
const submitAgent = new TestAgent(app);
submitAgent.cookies.set('s3_session', applicantCookie.slice('s3_session='.length));
const submitTimes: number[] = [];
for (let i = 0; i < submits; i++) {
  const { id } = await buildApplication(database.db, { call, lead: { organisation: leadOrganisation } });
  const start = performance.now();
  const res = await submitAgent.post(`/fi/hakemukset/${id}/submit`, { step: 'confirm', declaration: '1' });
  submitTimes.push(performance.now() - start);
  if (res.statusCode !== 303 || !String(res.headers.location).endsWith('/receipt')) throw new Error(`submission answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
}
submitTimes.sort((a, b) => a - b);
console.log(`| POST /fi/hakemukset/:id/submit (${submits} complete applications) | 303 | ${pct(submitTimes, 50).toFixed(2)} | ${pct(submitTimes, 95).toFixed(2)} | ${pct(submitTimes, 99).toFixed(2)} |`);
// With --expose-gc (npm run bench passes it), collect garbage first so that the figure is what is
// retained, not what has merely not been collected yet.
(globalThis as { gc?: () => void }).gc?.();
const memory = process.memoryUsage();
console.log(`\nResident memory after the run: ${(memory.rss / 1048576).toFixed(0)} MiB (heap used ${(memory.heapUsed / 1048576).toFixed(0)} MiB)`);
await app.close();
await database.destroy();
fs.rmSync(dir, { recursive: true, force: true });
