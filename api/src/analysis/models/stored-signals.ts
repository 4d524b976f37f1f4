import {
  executionSignalIds,
  missingContextSignalIds,
  type AnalysisConfig,
  type CauseSide,
  type Signal,
  type SignalId,
} from '../core';
import type { StoredEvidence } from '../storage/cause-attribution.entity';

/**
 * Turns stored evidence back into signals, re-weighed for another model version: a signal's
 * strength (its weight over its model's configured weight) is kept, its weight becomes strength x
 * the other model's weight. This is what re-attribution after a re-fit or rollback, and the
 * re-fit's training data, are made of: the evidence is the same, only the weights differ.
 */
const known = new Set<string>([...missingContextSignalIds, ...executionSignalIds]);

export function configuredWeight(
  id: SignalId,
  side: CauseSide,
  weights: AnalysisConfig['signalWeights'],
): number {
  const table: Record<string, number> =
    side === 'missing_context' ? weights.missingContext : weights.execution;
  return table[id] ?? 0;
}

export function reweighStoredEvidence(
  evidence: readonly StoredEvidence[],
  from: AnalysisConfig['signalWeights'],
  to: AnalysisConfig['signalWeights'],
): Signal[] {
  const signals: Signal[] = [];
  for (const entry of evidence) {
    if (!known.has(entry.signal)) continue;
    const id = entry.signal as SignalId;
    const base = configuredWeight(id, entry.side, from);
    const strength = base === 0 ? 1 : Math.min(1, entry.weight / base);
    signals.push({
      id,
      side: entry.side,
      weight: Math.round(strength * configuredWeight(id, entry.side, to) * 1000) / 1000,
      evidence: {
        kind: entry.kind,
        description: entry.description,
        ...(entry.url === undefined ? {} : { url: entry.url }),
        ...(entry.excerpt === undefined ? {} : { excerpt: entry.excerpt }),
      },
    });
  }
  return signals;
}
