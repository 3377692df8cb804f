/**
 * Speed and memory of the allocation rules on a large joint call: the standard rule
 * (domain/allocation.ts), the exact what-if optimum with HiGHS for both objectives
 * (domain/allocation-optimum.ts), and the loader that reads a stored call through scoring and ranking
 * (features/decisions/call-assessment.ts) on SQLite. The call is generated from a fixed seed
 * (bench/allocation-data.ts), so every machine measures the same call.
 *
 * Run: npm run bench:allocation. Settings (environment): BENCH_APPLICATIONS (10000), BENCH_TIME_LIMIT
 * seconds per solve (60), BENCH_OPTIMUM_RUNS (2), BENCH_SCALING sizes solved to the limit
 * (50,100,200,400,1000), BENCH_SQLITE (1; 0 skips the stored call). Results go to docs/benchmarks.md
 * by hand, with the machine they came from.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedReferenceData } from '../src/db/seed/seed.js';
import { allocateStandard, type AllocationInput } from '../src/domain/allocation.js';
import { allocationModel, optimiseAllocation, type OptimumObjective, type OptimumResult } from '../src/domain/allocation-optimum.js';
import { canonicalJson } from '../src/features/applications/submission.snapshot.js';
import { assessCall } from '../src/features/decisions/call-assessment.js';
import { allocationSolver } from '../src/features/decisions/highs-solver.js';
import { allocationInputOf, generateCall } from './allocation-data.js';
import { seedGeneratedCall } from './allocation-seed.js';

const count = Number(process.env.BENCH_APPLICATIONS ?? 10_000);
const timeLimitSeconds = Number(process.env.BENCH_TIME_LIMIT ?? 60);
const optimumRuns = Number(process.env.BENCH_OPTIMUM_RUNS ?? 2);
const scaling = (process.env.BENCH_SCALING ?? '50,100,200,400,1000').split(',').filter(Boolean).map(Number);
const withSqlite = process.env.BENCH_SQLITE !== '0';
const objectives: OptimumObjective[] = ['score', 'amount'];

let peakHeap = 0;
const sampleHeap = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MiB`;
const eur = (cents: number) => `${(cents / 100).toLocaleString('en-GB', { maximumFractionDigits: 0 })} €`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (values: number[]) => `${Math.min(...values).toFixed(1)} / ${median(values).toFixed(1)}`;

function timed<T>(runs: number, work: () => T, warmUp = 0): { result: T; times: number[] } {
  for (let i = 0; i < warmUp; i++) work();
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = work();
    times.push(performance.now() - start);
    sampleHeap();
  }
  return { result: result as T, times };
}

/** The LP relaxation's bound: no set of projects can beat it, so it bounds the gap of any set found. */
function relaxationBound(solver: Awaited<ReturnType<typeof allocationSolver>>, input: AllocationInput, objective: OptimumObjective): number {
  const { lp, variables } = allocationModel(input, objective);
  const relaxed = `${lp.slice(0, lp.indexOf('Binary\n'))}Bounds\n${variables.map((v) => ` 0 <= ${v} <= 1`).join('\n')}\nEnd\n`;
  const solution = solver.solve(relaxed, { output_flag: false });
  if (solution.Status !== 'Optimal') throw new Error(`the relaxation ended ${solution.Status}`);
  return solution.ObjectiveValue;
}

const valueOf = (r: OptimumResult) => (r.objective === 'score' ? r.totals.score : r.totals.grantedCents);
const show = (objective: OptimumObjective, value: number) => (objective === 'score' ? value.toFixed(2) : eur(value));

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(', ');
console.log(`Machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length} (nproc ${os.availableParallelism()}), ${mib(os.totalmem())} memory; Node ${process.version}; load average ${load()}`);

// 1. The generated call and the standard rule.
let start = performance.now();
const generated = generateCall(count);
const input = allocationInputOf(generated);
console.log(`\nGenerated ${count} applications in ${(performance.now() - start).toFixed(0)} ms.`);
const standing = { fundable: 0, 'not-fundable': 0, ineligible: 0 };
for (const a of input.applications) standing[a.standing] += 1;
const budgetTotal = Object.values(input.budgets).reduce((s, v) => s + v, 0);
const standardRun = timed(25, () => allocateStandard(input), 5);
const standard = standardRun.result;
console.log(`Fundable ${standing.fundable}, not fundable ${standing['not-fundable']}, ineligible ${standing.ineligible}; budgets ${eur(budgetTotal)} in all.`);
console.log(`\n| step | runs | min / median ms | result |`);
console.log(`| --- | --- | --- | --- |`);
console.log(`| allocateStandard | 25 | ${ms(standardRun.times)} | ${standard.fundedCount} funded, ${eur(standard.grantedCents)} granted, Σ score ${standard.fundedScore.toFixed(2)} |`);

// 2. The what-if optimum on the same call.
start = performance.now();
const solver = await allocationSolver();
console.log(`| load HiGHS (WebAssembly, once) | 1 | ${(performance.now() - start).toFixed(1)} | version ${solver.version.string} |`);
const modelRun = timed(5, () => allocationModel(input, 'amount'), 2);
console.log(`| LP text of the model (${standing.fundable} binaries, 7 rows) | 5 | ${ms(modelRun.times)} | ${(modelRun.result.lp.length / 1024).toFixed(0)} KiB |`);
const optimumRows: string[] = [];
for (const objective of objectives) {
  const runs = timed(optimumRuns, () => optimiseAllocation(solver, input, objective, { timeLimitSeconds }));
  const r = runs.result;
  const bound = relaxationBound(solver, input, objective);
  const value = valueOf(r);
  console.log(
    `| optimiseAllocation, ${objective}, limit ${timeLimitSeconds} s | ${optimumRuns} | ${ms(runs.times)} | ${r.status}, ${r.chosen}'s set; HiGHS: ${r.solverStatus} |`,
  );
  optimumRows.push(
    `| ${objective} | ${r.status} (${r.solverStatus}) | ${r.solverValue === null ? '–' : show(objective, r.solverValue)} | ${show(objective, objective === 'score' ? standard.fundedScore : standard.grantedCents)} | ${r.chosen} | ${show(objective, bound)} | ${(((bound - value) / bound) * 100).toFixed(4)} % | ${r.totals.selectedCount} (+${r.comparison.added.length} −${r.comparison.dropped.length}) |`,
  );
}
console.log(`\n| objective | status | solver's set | standard set | returned | LP bound | gap to bound | selected (vs standard) |`);
console.log(`| --- | --- | --- | --- | --- | --- | --- | --- |`);
for (const row of optimumRows) console.log(row);

// 3. Where the exact optimum is proven within the limit: smaller calls from the same generator.
if (scaling.length > 0) console.log(`\n| applications | fundable | score: seconds, status | amount: seconds, status |\n| --- | --- | --- | --- |`);
for (const n of scaling) {
  const smaller = allocationInputOf(generateCall(n));
  const cells = objectives.map((objective) => {
    const run = timed(1, () => optimiseAllocation(solver, smaller, objective, { timeLimitSeconds }));
    return `${(run.times[0]! / 1000).toFixed(2)}, ${run.result.status}${run.result.status === 'optimal' ? '' : ` (${run.result.chosen}'s set)`}`;
  });
  console.log(`| ${n} | ${smaller.applications.filter((a) => a.standing === 'fundable').length} | ${cells.join(' | ')} |`);
}

// 4. The same call stored in SQLite and read back through assessCall.
if (withSqlite) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3-enf-bench-allocation-'));
  const database = openDatabase({ sqliteFile: path.join(dir, 'bench.sqlite') });
  await migrateToLatest(database);
  await seedReferenceData(database.db);
  start = performance.now();
  const { callId, applicationIds, criterionIds } = await seedGeneratedCall(database.db, generated);
  const seedMs = performance.now() - start;
  const loads: number[] = [];
  let assessed: Awaited<ReturnType<typeof assessCall>>;
  for (let i = 0; i < 5; i++) {
    start = performance.now();
    assessed = await assessCall(database.db, callId);
    loads.push(performance.now() - start);
    sampleHeap();
  }
  const position = new Map(applicationIds.map((id, i) => [id, i + 1]));
  const criterion = new Map(criterionIds.map((id, i) => [id, i + 1]));
  const stored = JSON.parse(JSON.stringify(assessed!.allocationInput), (key, value: unknown) =>
    key === 'applicationId' ? position.get(value as number) : key === 'criterionId' ? criterion.get(value as number) : value,
  ) as AllocationInput;
  const identical = canonicalJson(stored) === canonicalJson(input) && canonicalJson(allocateStandard(stored)) === canonicalJson(standard);
  const bytes = fs.statSync(path.join(dir, 'bench.sqlite')).size + (fs.existsSync(path.join(dir, 'bench.sqlite-wal')) ? fs.statSync(path.join(dir, 'bench.sqlite-wal')).size : 0);
  console.log(`\n| SQLite step | runs | min / median ms | note |`);
  console.log(`| --- | --- | --- | --- |`);
  console.log(`| seed ${count} applications (bulk, one transaction) | 1 | ${seedMs.toFixed(0)} | database ${mib(bytes)} |`);
  console.log(`| assessCall (load, score, rank, standard allocation) | 5 | ${ms(loads)} | allocation input identical to the in-memory one: ${identical ? 'yes' : 'NO'} |`);
  await database.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}

const usage = process.resourceUsage();
console.log(`\nLoad average at the end: ${load()}.`);
console.log(`Peak resident memory ${mib(usage.maxRSS * 1024)}; peak heap used (sampled after each step) ${mib(peakHeap)}; HiGHS WebAssembly memory ${mib(solver.memoryBytes)}.`);
