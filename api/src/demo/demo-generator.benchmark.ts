import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from '../bench/benchmark';
import { buildDemo } from './demo-build';
import { streamOrganisation } from './stream-to-files';

/** Generator speed: the streaming core at 100,000 PRs, and the full build (git included) at demo size. */
export const demoGeneratorBenchmark: Benchmark = {
  name: 'demo-generator',
  description:
    'Demo organisation: streaming core for 100,000 PRs (NDJSON, no git); full build with git histories for 4,000 PRs',
  async run() {
    const dir = await mkdtemp(join(tmpdir(), 'rr-demo-bench-'));
    try {
      const stream = await streamOrganisation({
        seed: 7,
        prs: 100_000,
        outDir: join(dir, 'stream'),
      });
      const started = Date.now();
      const build = await buildDemo({ seed: 7, prs: 4000, outDir: join(dir, 'demo') });
      const seconds = (Date.now() - started) / 1000;
      return {
        'streaming core PRs': stream.pullRequests,
        'streaming core PRs per second': stream.prsPerSecond,
        'streaming core peak RSS MB': stream.peakRssMb,
        'demo build PRs (git + datasets)': build.pullRequests,
        'demo build seconds': Number(seconds.toFixed(1)),
        'demo build PRs per second': Math.round(build.pullRequests / seconds),
        'demo build RSS MB after': Math.round(process.memoryUsage().rss / 1_048_576),
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
