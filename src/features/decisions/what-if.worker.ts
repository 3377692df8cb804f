import { parentPort } from 'node:worker_threads';
import { optimiseAllocation, type OptimumObjective, type OptimumOptions } from '../../domain/allocation-optimum.js';
import type { AllocationInput } from '../../domain/allocation.js';
import { allocationSolver } from './highs-solver.js';

/**
 * The what-if solver's thread (see what-if.pool.ts): HiGHS runs here, so a solve of up to the time
 * limit never stalls the requests the main thread serves. One request at a time, in arrival order.
 */
export interface WhatIfRequest {
  id: number;
  input: AllocationInput;
  objective: OptimumObjective;
  options: OptimumOptions;
}

parentPort?.on('message', (request: WhatIfRequest) => {
  allocationSolver()
    .then((solver) => parentPort?.postMessage({ id: request.id, result: optimiseAllocation(solver, request.input, request.objective, request.options) }))
    .catch((error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }));
});
