import type { Benchmark } from './benchmark';
import { demoGeneratorBenchmark } from '../demo/demo-generator.benchmark';
import { githubSyncBenchmark } from '../sources/github/bench/github-sync.benchmark';
import { szzTracerBenchmark } from '../sources/git/szz.benchmark';
import { jiraSyncBenchmark } from '../sources/jira/bench/jira-sync.benchmark';
import { readApiBenchmark } from '../read-api/read-api.benchmark';
import { analysisDemoBenchmark } from '../analysis/bench/analysis-demo.benchmark';
import { metricsApiBenchmark } from '../metrics/metrics-api.benchmark';
import { analysis100kBenchmark } from '../analysis/bench/analysis-100k.benchmark';
import { generatedOrgBenchmark } from '../demo/replay/generated-org.benchmark';

/** Every benchmark `npm run bench -w api` runs, in order; each feature adds its own. */
export const benchmarks: Benchmark[] = [
  szzTracerBenchmark,
  githubSyncBenchmark,
  jiraSyncBenchmark,
  demoGeneratorBenchmark,
  readApiBenchmark,
  analysisDemoBenchmark,
  metricsApiBenchmark,
  analysis100kBenchmark,
  generatedOrgBenchmark,
];
