import type { DataSource } from 'typeorm';
import type { Figures } from '../../bench/benchmark';
import type { GroundTruthFile } from '../../demo/ground-truth';
import type { AnalysisConfig } from '../core';
import { defaultLinkBase } from '../detection/detected-rework';
import {
  causeMacroF1,
  loadDetectedItems,
  matchedPairs,
  type DetectedItem,
} from '../evaluation/ground-truth-evaluation';
import { overrideCause } from '../http/rework.repository';
import { refitModel } from '../models/refit-model';

/**
 * The product's learning loop on the demo: a manager overrides every `every`-th found item (in id
 * order) with its true cause, the cause model is re-fitted from those overrides exactly as
 * `POST /api/analysis/models/refit` does (held-back share, activation, re-attribution), and the
 * macro-F1 of the default and the re-fitted weights is compared on the items nobody overrode.
 * The defaults stay what they are: this measures what an organisation's own labels buy.
 */
export async function refitFromGroundTruth(
  dataSource: DataSource,
  truth: GroundTruthFile,
  config: AnalysisConfig,
  every = 4,
): Promise<Figures> {
  const pairs = matchedPairs(truth, await loadDetectedItems(dataSource.manager)).sort((a, b) =>
    a.detected.id.localeCompare(b.detected.id),
  );
  const overridden = pairs.filter((_, index) => index % every === 0);
  const overriddenIds = new Set(overridden.map((pair) => pair.detected.id));
  const heldOut = pairs.filter((pair) => !overriddenIds.has(pair.detected.id));
  const macroF1Of = (causeOf: (item: DetectedItem) => DetectedItem['cause']): number => {
    const confusion: Record<string, Record<string, number>> = {};
    for (const pair of heldOut) {
      const row = (confusion[pair.truth.cause] ??= {});
      const predicted = causeOf(pair.detected);
      row[predicted] = (row[predicted] ?? 0) + 1;
    }
    return causeMacroF1(confusion);
  };
  const before = macroF1Of((item) => item.cause);

  await dataSource.transaction(async (manager) => {
    for (const pair of overridden)
      await overrideCause(
        manager,
        pair.detected.id,
        { cause: pair.truth.cause, reason: 'the demo ground truth (benchmark)' },
        'bench@rework-radar.local',
        defaultLinkBase,
      );
  });
  const outcome = await refitModel(dataSource, { scope: 'global', config });
  const refitted = new Map(
    (await loadDetectedItems(dataSource.manager)).map((item) => [item.id, item.cause]),
  );
  const after = macroF1Of((item) => refitted.get(item.id) ?? 'unknown');
  const unknownAfter =
    heldOut.filter((pair) => (refitted.get(pair.detected.id) ?? 'unknown') === 'unknown').length /
    Math.max(1, heldOut.length);
  const heldBack = outcome.metrics.candidate;
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return {
    'refit: overrides from the ground truth': overridden.length,
    'refit: held-back overrides (model report)': outcome.metrics.trainedOn.heldBack,
    'refit: held-back missing-context precision/recall': `${heldBack.missing_context.precision ?? '-'}/${heldBack.missing_context.recall ?? '-'}`,
    'refit: held-back execution precision/recall': `${heldBack.execution.precision ?? '-'}/${heldBack.execution.recall ?? '-'}`,
    'refit: items nobody overrode': heldOut.length,
    'refit: macro-F1 on them, default weights': before,
    'refit: macro-F1 on them, re-fitted weights': after,
    'refit: unknown share on them, re-fitted weights': round(unknownAfter),
  };
}
