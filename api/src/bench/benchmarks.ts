import type { Benchmark } from './benchmark';

/** Every benchmark `npm run bench -w api` runs, in order; each feature adds its own. */
export const benchmarks: Benchmark[] = [];
