import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from '../../bench/benchmark';
import { evaluateTracer } from './evaluation/evaluate-tracer';
import { buildGeneratedHistory } from './evaluation/generated-history';
import { isolateGitConfig } from './evaluation/history-builder';
import { buildScenarioSuite } from './evaluation/szz-scenarios';
import { traceFix } from './szz-tracer';
import { plainBlameOptions } from './trace-options';

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

/** Precision/recall on the labelled scenarios, and tracing speed on a generated history. */
export const szzTracerBenchmark: Benchmark = {
  name: 'szz-tracer',
  description: 'git line tracer: precision/recall on labelled fixes, fixes traced per second',
  async run() {
    const root = await mkdtemp(join(tmpdir(), 'szz-bench-'));
    const restore = isolateGitConfig(root);
    try {
      const fixes = await buildScenarioSuite(join(root, 'scenarios'));
      const refined = await evaluateTracer(fixes);
      const plain = await evaluateTracer(fixes, plainBlameOptions);

      const history = await buildGeneratedHistory(join(root, 'generated'), 30, 300);
      const traced = history.commits.slice(-100);
      let lines = 0;
      const started = process.hrtime.bigint();
      for (const sha of traced)
        lines += (await traceFix({ gitDir: history.gitDir, fixSha: sha })).stats.tracedLines;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;

      return {
        'labelled fixes': fixes.length,
        precision: round(refined.counts.precision),
        recall: round(refined.counts.recall),
        f1: round(refined.counts.f1),
        'plain blame precision': round(plain.counts.precision),
        'plain blame recall': round(plain.counts.recall),
        'generated history commits': history.commits.length,
        'generated history files': history.files,
        'fixes traced': traced.length,
        'lines traced': lines,
        'fixes per second': round(traced.length / seconds, 1),
        'ms per fix': round((seconds * 1000) / traced.length, 1),
      };
    } finally {
      restore();
      await rm(root, { recursive: true, force: true });
    }
  },
};
