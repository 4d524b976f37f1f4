import { traceFix } from '../szz-tracer';
import type { TraceOptionsInput } from '../trace-options';
import { scorePairs, type PairCounts } from './precision-recall';
import type { LabelledFix } from './szz-scenarios';

export interface FixOutcome extends LabelledFix {
  predicted: string[];
}

export interface Evaluation {
  counts: PairCounts;
  outcomes: FixOutcome[];
  seconds: number;
}

/** Traces every labelled fix and scores the predictions against the known introducers. */
export async function evaluateTracer(
  fixes: readonly LabelledFix[],
  options?: TraceOptionsInput,
): Promise<Evaluation> {
  const started = process.hrtime.bigint();
  const outcomes: FixOutcome[] = [];
  for (const fix of fixes) {
    const result = await traceFix({
      gitDir: fix.gitDir,
      fixSha: fix.fixSha,
      ...(options === undefined ? {} : { options }),
    });
    outcomes.push({ ...fix, predicted: result.introducers.map((introducer) => introducer.sha) });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { counts: scorePairs(outcomes), outcomes, seconds };
}

/** One line per fix whose prediction differs from the truth, for test output and debugging. */
export function describeMisses(outcomes: readonly FixOutcome[]): string[] {
  return outcomes
    .filter((outcome) => outcome.truth.join() !== [...outcome.predicted].sort().join())
    .map(
      (outcome) =>
        `${outcome.scenario}/${outcome.language}: truth [${outcome.truth.map((sha) => sha.slice(0, 7)).join(' ')}] predicted [${outcome.predicted
          .map((sha) => sha.slice(0, 7))
          .join(' ')}]`,
    );
}
