import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeMisses, evaluateTracer } from './evaluation/evaluate-tracer';
import { isolateGitConfig } from './evaluation/history-builder';
import { buildScenarioSuite, type LabelledFix } from './evaluation/szz-scenarios';
import { plainBlameOptions } from './trace-options';

describe('SZZ precision/recall harness', () => {
  let root: string;
  let restore: () => void;
  let fixes: LabelledFix[];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'szz-harness-'));
    restore = isolateGitConfig(root);
    fixes = await buildScenarioSuite(join(root, 'repos'));
  }, 120_000);
  afterAll(async () => {
    restore();
    await rm(root, { recursive: true, force: true });
  });

  it('beats the published SZZ variants (precision >= 0.70, recall >= 0.60) and plain blame', async () => {
    const refined = await evaluateTracer(fixes);
    const plain = await evaluateTracer(fixes, plainBlameOptions);
    const line = (name: string, counts: typeof refined.counts): string =>
      `${name}: precision ${counts.precision.toFixed(3)} recall ${counts.recall.toFixed(3)} f1 ${counts.f1.toFixed(3)} (tp ${counts.truePositives}, fp ${counts.falsePositives}, fn ${counts.falseNegatives})`;
    process.stdout.write(
      [
        `${fixes.length} labelled fixes`,
        line('refined tracer', refined.counts),
        line('plain blame   ', plain.counts),
        'refined misses:',
        ...describeMisses(refined.outcomes),
        '',
      ].join('\n'),
    );

    expect(fixes.length).toBeGreaterThanOrEqual(36);
    expect(refined.counts.precision).toBeGreaterThanOrEqual(0.7);
    expect(refined.counts.recall).toBeGreaterThanOrEqual(0.6);
    expect(refined.counts.f1).toBeGreaterThan(plain.counts.f1);
  }, 120_000);
});
