import { runGit } from './git-command';
import { traceFix } from './szz-tracer';
import { parseTraceArguments, traceUsage } from './trace-arguments';

/**
 * `npm run --silent trace -w api -- --repo <path> --fix <rev>`: prints the full shas of the
 * commits that introduced the lines the fix deleted or changed, one per line, sorted; nothing
 * else on stdout. Diagnostics go to stderr. Exit codes: 0 ok, 1 git or repository error, 2 usage.
 */

async function gitDirOf(repo: string): Promise<string> {
  try {
    return (await runGit(['-C', repo, 'rev-parse', '--absolute-git-dir'])).trim();
  } catch {
    throw new Error(`not a git repository: ${repo}`);
  }
}

async function main(): Promise<number> {
  const parsed = parseTraceArguments(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n${traceUsage}\n`);
    return 2;
  }
  const gitDir = await gitDirOf(parsed.value.repo);
  const result = await traceFix({ gitDir, fixSha: parsed.value.fix });
  const shas = [...new Set(result.introducers.map((introducer) => introducer.sha))].sort();
  process.stdout.write(shas.map((sha) => `${sha}\n`).join(''));
  const { stats } = result;
  process.stderr.write(
    `fix ${result.fixSha}: ${stats.tracedLines} of ${stats.removedLines} removed lines traced ` +
      `(${stats.skippedCommentOrBlank} comment/blank, ${stats.skippedFormattingOnly} formatting-only, ` +
      `${stats.skippedIgnoredPath} in ignored paths, ${stats.cosmeticCommits.length} cosmetic commits skipped) -> ${shas.length} commits\n`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`trace: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
