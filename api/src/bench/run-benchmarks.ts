import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Benchmark, Figures } from './benchmark';
import { benchmarks } from './benchmarks';

/**
 * `npm run bench -w api [-- name...]`: runs each benchmark in its own process (so peak memory is
 * its own), prints a table, and writes bench-results/<name>.json at the repository root.
 */
const resultsDir = resolve(__dirname, '..', '..', '..', 'bench-results');

interface Outcome {
  figures: Figures;
  wallSeconds: number;
  peakRssMiB: number;
}

async function runInThisProcess(name: string): Promise<void> {
  const benchmark = benchmarks.find((candidate) => candidate.name === name);
  if (benchmark === undefined) throw new Error(`no benchmark named ${name}`);
  const started = process.hrtime.bigint();
  const figures = await benchmark.run();
  const outcome: Outcome = {
    figures,
    wallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.send?.(outcome);
}

function runInChild(benchmark: Benchmark): Promise<Outcome> {
  const execArgv = ['--expose-gc'];
  if (benchmark.heapMiB !== undefined) execArgv.push(`--max-old-space-size=${benchmark.heapMiB}`);
  return new Promise((resolvePromise, reject) => {
    const child = fork(__filename, ['--child', benchmark.name], { execArgv });
    let outcome: Outcome | undefined;
    child.on('message', (message) => (outcome = message as Outcome));
    child.on('exit', (code) =>
      outcome !== undefined && code === 0
        ? resolvePromise(outcome)
        : reject(new Error(`benchmark ${benchmark.name} exited with code ${code ?? 'null'}`)),
    );
  });
}

function printTable(name: string, outcome: Outcome): void {
  const rows: [string, string][] = [
    ...Object.entries(outcome.figures).map(([key, value]): [string, string] => [
      key,
      String(value),
    ]),
    ['wall seconds', outcome.wallSeconds.toFixed(2)],
    ['peak RSS MiB', String(outcome.peakRssMiB)],
  ];
  const width = Math.max(...rows.map(([key]) => key.length));
  process.stdout.write(`\n${name}\n${'-'.repeat(name.length)}\n`);
  for (const [key, value] of rows) process.stdout.write(`  ${key.padEnd(width)}  ${value}\n`);
}

async function main(): Promise<void> {
  const [flag, childName] = process.argv.slice(2);
  if (flag === '--child' && childName !== undefined) return runInThisProcess(childName);

  const wanted = process.argv.slice(2);
  const selected =
    wanted.length === 0 ? benchmarks : benchmarks.filter((b) => wanted.includes(b.name));
  if (selected.length === 0) throw new Error(`no benchmark matches ${wanted.join(', ')}`);
  mkdirSync(resultsDir, { recursive: true });
  for (const benchmark of selected) {
    process.stdout.write(`running ${benchmark.name}: ${benchmark.description}\n`);
    const outcome = await runInChild(benchmark);
    printTable(benchmark.name, outcome);
    writeFileSync(
      join(resultsDir, `${benchmark.name}.json`),
      `${JSON.stringify({ name: benchmark.name, measuredAt: new Date().toISOString(), ...outcome }, null, 2)}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
