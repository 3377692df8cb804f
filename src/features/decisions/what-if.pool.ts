import { Worker } from 'node:worker_threads';
import type { OptimumObjective, OptimumOptions, OptimumResult } from '../../domain/allocation-optimum.js';
import type { AllocationInput } from '../../domain/allocation.js';
import type { WhatIfRequest } from './what-if.worker.js';

/**
 * Runs the what-if optimum in a worker thread, so that HiGHS (WebAssembly, synchronous, up to the
 * page's time limit on a large call) does not block the event loop. One worker per process, started
 * on first use and stopped when the app closes; if it dies, the requests
 * waiting for it fail (the page then shows no what-if) and the next request starts a new one.
 */

type Pending = { resolve: (result: OptimumResult) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

/** The worker's file next to this one: .ts when run from source through tsx, .js when built. */
const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSource ? './what-if.worker.ts' : './what-if.worker.js', import.meta.url);

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function started(): Worker {
  if (worker) return worker;
  // From source (npm start and the tests run through tsx), the thread loads the worker through tsx's API:
  // Node 20 does not carry the parent's loader hooks into a worker thread.
  const w = fromSource
    ? new Worker(`import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(workerUrl.href)}, ${JSON.stringify(import.meta.url)}))`, { eval: true })
    : new Worker(workerUrl);
  w.unref();
  w.on('message', (message: { id: number; result?: OptimumResult; error?: string }) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.result) waiting.resolve(message.result);
    else waiting.reject(new Error(message.error ?? 'the what-if worker gave no answer'));
  });
  w.on('error', (error) => {
    if (worker === w) worker = null;
    failAll(error);
  });
  w.on('exit', (code) => {
    if (worker === w) worker = null;
    failAll(new Error(`the what-if worker stopped (exit code ${code})`));
  });
  worker = w;
  return w;
}

/** The optimum of `input`, solved in the worker. Reasons are not needed there and are not sent. */
export function solveWhatIf(input: AllocationInput, objective: OptimumObjective, options: OptimumOptions): Promise<OptimumResult> {
  const id = nextId++;
  const request: WhatIfRequest = {
    id,
    input: { budgets: input.budgets, applications: input.applications.map((a) => ({ ...a, reasons: [] })) },
    objective,
    options,
  };
  return new Promise<OptimumResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    started().postMessage(request);
  });
}

/** Stops the worker (the app's onClose); a later solve starts a new one. */
export async function stopWhatIfWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
