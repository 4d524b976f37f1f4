import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import {
  executionSignalIds,
  missingContextSignalIds,
  type AnalysisConfig,
  type SignalId,
} from './analysis-config';
import { attributeCause, type CauseSide, type Signal } from './cause-attribution';
import { precisionRecall, type PrecisionRecall } from './classifier-metrics';

/**
 * Re-fits the signal weights from managers' overrides (the labelled rework items). Features are
 * signal strengths in [0, 1] (a signal's weight over its configured weight), plus a bias; the
 * label is 1 for missing context. A positive coefficient becomes a missing-context weight, a
 * negative one an execution weight; weights are rescaled so their mean matches the current
 * weights, keeping the decision thresholds meaningful. A deterministic share (by item id hash) is
 * held back, and both models are scored on it through `attributeCause`, `unknown` included.
 */
export interface LabelledItem {
  id: string;
  cause: CauseSide;
  signals: readonly Signal[];
}

export interface CauseMetrics {
  missing_context: PrecisionRecall;
  execution: PrecisionRecall;
  /** Share of held-back items the model decided (not `unknown`). */
  coverage: number;
}

export interface WeightModel {
  version: number;
  weights: AnalysisConfig['signalWeights'];
  bias: number;
  trainedOn: {
    at: Date;
    labelled: number;
    training: number;
    heldBack: number;
    perClass: Record<CauseSide, number>;
  };
  metrics: { current: CauseMetrics; candidate: CauseMetrics };
}

export type RefitResult = { ok: true; model: WeightModel } | { ok: false; reason: string };

const signalIds: SignalId[] = [...missingContextSignalIds, ...executionSignalIds];
const sideOf = (id: SignalId): CauseSide =>
  (missingContextSignalIds as readonly string[]).includes(id) ? 'missing_context' : 'execution';

function configuredWeight(id: SignalId, weights: AnalysisConfig['signalWeights']): number {
  const table: Record<string, number> =
    sideOf(id) === 'missing_context' ? weights.missingContext : weights.execution;
  return table[id] ?? 0;
}

/** FNV-1a, so the same items are always held back whatever their order. */
function hashShare(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1)
    hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193) >>> 0;
  return hash / 0x100000000;
}

function strengthOf(signal: Signal, weights: AnalysisConfig['signalWeights']): number {
  const configured = configuredWeight(signal.id, weights);
  return configured === 0 ? 1 : Math.min(1, signal.weight / configured);
}

function strengths(item: LabelledItem, weights: AnalysisConfig['signalWeights']): number[] {
  return signalIds.map((id) => {
    const signal = item.signals.find((entry) => entry.id === id);
    return signal === undefined ? 0 : strengthOf(signal, weights);
  });
}

function evaluate(
  items: readonly LabelledItem[],
  config: AnalysisConfig,
  reweigh: AnalysisConfig['signalWeights'] | null,
): CauseMetrics {
  const decided = items.map((item) => {
    const signals =
      reweigh === null
        ? item.signals
        : item.signals.map((signal) => ({
            ...signal,
            weight: strengthOf(signal, config.signalWeights) * configuredWeight(signal.id, reweigh),
          }));
    return { label: item.cause, cause: attributeCause(signals, config).cause };
  });
  const per = (side: CauseSide): PrecisionRecall =>
    precisionRecall(
      decided.map((entry) => ({ expected: entry.label === side, predicted: entry.cause === side })),
    );
  return {
    missing_context: per('missing_context'),
    execution: per('execution'),
    coverage:
      items.length === 0
        ? 0
        : decided.filter((entry) => entry.cause !== 'unknown').length / items.length,
  };
}

export function refitWeights(
  items: readonly LabelledItem[],
  config: AnalysisConfig,
  previousVersion: number,
  trainedAt: Date,
): RefitResult {
  const settings = config.refit;
  const perClass: Record<CauseSide, number> = { missing_context: 0, execution: 0 };
  for (const item of items) perClass[item.cause] += 1;
  for (const side of ['missing_context', 'execution'] as const) {
    if (perClass[side] < settings.minLabelsPerClass) {
      return {
        ok: false,
        reason: `Need at least ${settings.minLabelsPerClass} overrides labelled ${side}, have ${perClass[side]}`,
      };
    }
  }
  const heldBack = items.filter((item) => hashShare(item.id) < settings.holdoutShare);
  const training = items.filter((item) => hashShare(item.id) >= settings.holdoutShare);
  if (training.length === 0 || heldBack.length === 0)
    return { ok: false, reason: 'The deterministic split left no training or no held-back items' };

  const features = new Matrix(
    training.map((item) => [1, ...strengths(item, config.signalWeights)]),
  );
  const labels = Matrix.columnVector(
    training.map((item) => (item.cause === 'missing_context' ? 1 : 0)),
  );
  // The library sums gradients over items: divide the step so it does not grow with the data.
  const model = new LogisticRegression({
    numSteps: settings.steps,
    learningRate: settings.learningRate / training.length,
  });
  model.train(features, labels);
  // Classifier 0 scores "not class 0", i.e. missing context.
  const coefficients = model.classifiers[0]?.weights.to1DArray() ?? [];
  const raw = signalIds.map((id, index) => {
    const coefficient = coefficients[index + 1] ?? 0;
    return Math.max(0, sideOf(id) === 'missing_context' ? coefficient : -coefficient);
  });
  const currentMean =
    signalIds.reduce((sum, id) => sum + configuredWeight(id, config.signalWeights), 0) /
    signalIds.length;
  const rawMean = raw.reduce((sum, value) => sum + value, 0) / raw.length;
  const scale = rawMean === 0 ? 0 : currentMean / rawMean;
  const fitted = signalIds.map(
    (id, index) => [id, Math.min(10, Math.round((raw[index] ?? 0) * scale * 1000) / 1000)] as const,
  );
  const weights: AnalysisConfig['signalWeights'] = {
    missingContext: {
      ...config.signalWeights.missingContext,
      ...Object.fromEntries(fitted.filter(([id]) => sideOf(id) === 'missing_context')),
    },
    execution: {
      ...config.signalWeights.execution,
      ...Object.fromEntries(fitted.filter(([id]) => sideOf(id) === 'execution')),
    },
  };
  return {
    ok: true,
    model: {
      version: previousVersion + 1,
      weights,
      bias: Math.round((coefficients[0] ?? 0) * 1000) / 1000,
      trainedOn: {
        at: trainedAt,
        labelled: items.length,
        training: training.length,
        heldBack: heldBack.length,
        perClass,
      },
      metrics: {
        current: evaluate(heldBack, config, null),
        candidate: evaluate(heldBack, config, weights),
      },
    },
  };
}
