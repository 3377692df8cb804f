import highsModule, { type Highs } from 'highs';

/**
 * The HiGHS solver for the what-if optimum (domain/allocation-optimum.ts), loaded once per process:
 * compiling the WebAssembly module takes a moment and some megabytes, and every solve makes a fresh
 * native solver anyway, so one loaded module serves every request. A failed load is not kept, so the
 * next request tries again.
 */
let loading: Promise<Highs> | undefined;

// The package's typings are CommonJS, where the loader is the module object's `default`; Node loads
// its ES build, whose default export is the loader itself. This takes whichever is there.
const loadHighs = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as typeof highsModule.default;

export function allocationSolver(): Promise<Highs> {
  const started =
    loading ??
    loadHighs().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  loading = started;
  return started;
}
