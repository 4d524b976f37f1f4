import { resolve } from 'node:path';
import { buildDemo } from './demo-build';
import { streamOrganisation } from './stream-to-files';

/**
 * `node dist/demo/generate.cli.js --prs 100000 --seed 7 --out <dir> [--no-git]`
 * With git (default): datasets, ground truth and real repositories, as the demo uses them.
 * With --no-git: the streaming core only, to NDJSON files, in flat memory (for 1,000,000 PRs).
 */
function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
}

async function main(args: string[]): Promise<number> {
  const prs = Number(argument(args, 'prs') ?? 4000);
  const seed = Number(argument(args, 'seed') ?? 7);
  const out = argument(args, 'out');
  if (!Number.isInteger(prs) || prs < 50 || !Number.isInteger(seed) || out === undefined) {
    process.stderr.write('usage: generate.cli --prs <n >= 50> --seed <n> --out <dir> [--no-git]\n');
    return 2;
  }
  const started = Date.now();
  if (args.includes('--no-git')) {
    const figures = await streamOrganisation({ seed, prs, outDir: resolve(out) });
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return 0;
  }
  const build = await buildDemo({
    seed,
    prs,
    outDir: resolve(out),
    onProgress: (event) => process.stderr.write(`${event.stage}: ${event.message}\n`),
  });
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ pullRequests: build.pullRequests, workItems: build.jira.issues.length, reworkItems: build.groundTruth.items.length, seconds, prsPerSecond: Math.round(build.pullRequests / seconds), peakRssMb: Math.round(process.memoryUsage().rss / 1_048_576), groundTruth: build.paths.groundTruth })}\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
