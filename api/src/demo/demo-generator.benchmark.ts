import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { Benchmark } from '../bench/benchmark';
import { streamingGeneratorHeapMiB } from './stream-to-files';

const cliFigures = z.object({
  mode: z.string(),
  pullRequests: z.number(),
  seconds: z.number(),
  prsPerSecond: z.number(),
  peakRssMb: z.number(),
  importerPeakRssMb: z.number().optional(),
});
type CliFigures = z.infer<typeof cliFigures>;

/** One generator run in its own process, so its peak RSS is its own (`process.resourceUsage().maxRSS`). */
function generate(prs: number, mode: '--no-git' | '--stream' | null, outDir: string) {
  const heapLimit = mode === null ? [] : [`--max-old-space-size=${streamingGeneratorHeapMiB}`];
  const args = ['--prs', String(prs), '--seed', '7', '--out', outDir];
  if (mode !== null) args.push(mode);
  const cli = [...heapLimit, join(__dirname, 'generate.cli.js'), ...args];
  return new Promise<CliFigures>((resolve, reject) => {
    execFile(process.execPath, cli, { maxBuffer: 16 * 1_048_576 }, (error, stdout) => {
      if (error !== null) {
        reject(new Error(`generate.cli ${args.join(' ')}: ${error.message}`));
        return;
      }
      const line = stdout.trim().split('\n').at(-1) ?? '';
      resolve(cliFigures.parse(JSON.parse(line)));
    });
  });
}

/**
 * Generator speed and memory: the streaming core (NDJSON, no git) at 100,000 and 1,000,000 PRs
 * and the streaming build with git histories at 100,000, each inside a 512 MiB heap; the demo
 * build (datasets + git, in memory) at the default 4,000.
 */
export const demoGeneratorBenchmark: Benchmark = {
  name: 'demo-generator',
  description:
    'Demo organisation generator: streaming core at 100k and 1M PRs and streaming with git at 100k, in a 512 MiB heap (PRs/s, peak RSS), demo build with git at 4,000',
  async run() {
    const dir = await mkdtemp(join(tmpdir(), 'rr-demo-bench-'));
    try {
      const figures: Record<string, number | string> = {
        'streaming runs: heap limit MiB': streamingGeneratorHeapMiB,
      };
      for (const [label, prs] of [
        ['100k', 100_000],
        ['1M', 1_000_000],
      ] as const) {
        const run = await generate(prs, '--no-git', join(dir, `stream-${label}`));
        await rm(join(dir, `stream-${label}`), { recursive: true, force: true });
        figures[`streaming core ${label}: PRs`] = run.pullRequests;
        figures[`streaming core ${label}: seconds`] = Number(run.seconds.toFixed(1));
        figures[`streaming core ${label}: PRs per second`] = run.prsPerSecond;
        figures[`streaming core ${label}: peak RSS MB`] = run.peakRssMb;
      }
      const git = await generate(100_000, '--stream', join(dir, 'stream-git'));
      await rm(join(dir, 'stream-git'), { recursive: true, force: true });
      figures['streaming with git 100k: PRs'] = git.pullRequests;
      figures['streaming with git 100k: seconds'] = Number(git.seconds.toFixed(1));
      figures['streaming with git 100k: PRs per second'] = git.prsPerSecond;
      figures['streaming with git 100k: peak RSS MB'] = git.peakRssMb;
      figures['streaming with git 100k: largest git fast-import peak RSS MB'] =
        git.importerPeakRssMb ?? 'n/a';
      const demo = await generate(4000, null, join(dir, 'demo'));
      figures['demo build 4,000 (datasets + git): PRs'] = demo.pullRequests;
      figures['demo build 4,000: seconds'] = Number(demo.seconds.toFixed(1));
      figures['demo build 4,000: PRs per second'] = demo.prsPerSecond;
      figures['demo build 4,000: peak RSS MB'] = demo.peakRssMb;
      return figures;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
