import { resolve } from 'node:path';
import { buildDemo } from './demo-build';
import { streamOrganisation } from './stream-to-files';

/**
 * `node dist/demo/generate.cli.js --prs 100000 --seed 7 --out <dir> [--stream | --no-git]`
 * Default up to 20,000 PRs: the demo build (JSON datasets for the simulators, ground truth, git
 * repositories). Above, or with --stream: streamed to NDJSON files and git repositories in flat
 * memory (commit ids in the NDJSON, SHAs in each repository's marks file). --no-git: the
 * streaming core alone (no git). Prints its figures as one JSON line; peakRssMb is this
 * process's peak resident memory (git fast-import runs in its own processes: importerPeakRssMb).
 */
const largestInMemoryBuild = 20_000;

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
}

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

async function main(args: string[]): Promise<number> {
  const prs = Number(argument(args, 'prs') ?? 4000);
  const seed = Number(argument(args, 'seed') ?? 7);
  const out = argument(args, 'out');
  if (!Number.isInteger(prs) || prs < 50 || !Number.isInteger(seed) || out === undefined) {
    process.stderr.write(
      'usage: generate.cli --prs <n >= 50> --seed <n> --out <dir> [--stream | --no-git]\n',
    );
    return 2;
  }
  const started = Date.now();
  // Relative to where the user ran `npm run`, not to the workspace npm runs this in.
  const outDir = resolve(process.env.INIT_CWD ?? process.cwd(), out);
  const noGit = args.includes('--no-git');
  if (noGit || args.includes('--stream') || prs > largestInMemoryBuild) {
    const figures = await streamOrganisation({ seed, prs, outDir, git: !noGit });
    process.stdout.write(
      `${JSON.stringify({ mode: noGit ? 'stream' : 'stream+git', ...figures, peakRssMb: peakRssMb() })}\n`,
    );
    return 0;
  }
  const build = await buildDemo({
    seed,
    prs,
    outDir,
    onProgress: (event) => process.stderr.write(`${event.stage}: ${event.message}\n`),
  });
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ mode: 'demo-build', pullRequests: build.pullRequests, workItems: build.jira.issues.length, reworkItems: build.groundTruth.items.length, seconds, prsPerSecond: Math.round(build.pullRequests / seconds), peakRssMb: peakRssMb(), groundTruth: build.paths.groundTruth })}\n`,
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
