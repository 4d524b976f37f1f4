import type { AnalysisConfig, SignalId } from './analysis-config';

/**
 * Decides a rework item's cause from weighted signals, and says why.
 *
 * score(side) = sum of its signals' weights (a signal's weight = configured weight x strength).
 * total = score(missing) + score(execution); margin = |difference| / total.
 * `unknown` when total < minTotalEvidence (thin evidence) or margin < minMargin (split evidence).
 * confidence = margin x total / (total + evidenceHalfSaturation): how one-sided the evidence is,
 * damped when there is little of it. One strong signal of weight 1.5 alone gives 0.5; three
 * agreeing signals worth 3.6 give ~0.71; an even split gives 0 whatever the amount.
 *
 * Direct evidence outranks circumstance: the ticket's state (no criteria, thin description,
 * churn, clear and stable, no ticket at all), the fix's size and added tests, and how lightly the
 * origin was reviewed say what the odds were, while the rework's own words, questions asked
 * about the work, rewritten test expectations or a revert after a failed deploy say what
 * happened. When any direct signal is present, the circumstantial ones count at
 * `decision.circumstantialWeightWithDirectEvidence` (0.35) in the scores; their evidence keeps
 * its weight, so re-weighing stored evidence for another model version stays exact.
 *
 * Signals read from one fact are not independent evidence: within each of
 * `correlatedSignalGroups` the strongest counts in full and the others at
 * `decision.correlatedEvidenceShare` (0.5), so a ticket without criteria and with a short
 * description, or a small fix that also adds a test, is not counted twice.
 */
export const circumstantialSignalIds: ReadonlySet<SignalId> = new Set<SignalId>([
  'no_acceptance_criteria_at_start',
  'thin_description_at_start',
  'requirement_churn_after_start',
  'clear_stable_ticket',
  'untracked_origin',
  // A one-line fix or an added test is likelier after a slip, but a misread requirement can be
  // fixed in one line too: several of these must not outvote a bug that says the spec was silent.
  'small_local_fix',
  'adds_test_for_untested_path',
  'light_review_for_risk',
]);
export const directSignalIds: ReadonlySet<SignalId> = new Set<SignalId>([
  'expectation_text',
  'fault_text',
  'clarifying_questions_before_merge',
  'fix_rewrites_test_expectations',
  'fast_revert_after_failure',
]);
export const correlatedSignalGroups: ReadonlyArray<readonly SignalId[]> = [
  // The ticket said little: no criteria and a short description usually go together.
  ['no_acceptance_criteria_at_start', 'thin_description_at_start'],
  // The fix's shape, one reading of one diff ("small and local, or adds a test", one spec line).
  ['small_local_fix', 'adds_test_for_untested_path'],
];
const groupOf = new Map<SignalId, number>(
  correlatedSignalGroups.flatMap((group, index) => group.map((id) => [id, index] as const)),
);
/**
 * Bump when a signal's reading or the decision rule changes meaning without a configuration
 * change, so the next analysis re-attributes every stored item instead of only new data's.
 * 2: graded fix size, correlated signals, more clarifying-question forms, failures named in reverts.
 * 3: a phrase rule counts once per text, a question asked twice once.
 * 4: more fault and expectation phrasings, narrower clarifying-question cues.
 * 5: work starts at the earlier of the in-progress move and the first PR, churn ends at the
 *    first resolution; a light review is a high-risk origin rubber-stamped or shallowly reviewed.
 */
export const attributionRulesVersion = 5;
export type CauseSide = 'missing_context' | 'execution';
export type Cause = CauseSide | 'unknown';

export interface Evidence {
  kind: string;
  description: string;
  url?: string;
  excerpt?: string;
}

export interface Signal {
  id: SignalId;
  side: CauseSide;
  weight: number;
  evidence: Evidence;
}

export interface CauseAttribution {
  cause: Cause;
  confidence: number;
  scores: Record<CauseSide, number>;
  /** The side with more weight, even when the decision is `unknown`. */
  leaning: CauseSide | null;
  reason: 'decided' | 'thin_evidence' | 'small_margin';
  evidence: Signal[];
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

export function attributeCause(
  signals: readonly Signal[],
  config: AnalysisConfig,
): CauseAttribution {
  const { minMargin, minTotalEvidence, evidenceHalfSaturation } = config.decision;
  const scores: Record<CauseSide, number> = { missing_context: 0, execution: 0 };
  const direct = signals.some((signal) => directSignalIds.has(signal.id) && signal.weight > 0);
  const circumstantial = direct ? config.decision.circumstantialWeightWithDirectEvidence : 1;
  const counted = signals
    .map((signal) => ({
      signal,
      weight:
        Math.max(0, signal.weight) * (circumstantialSignalIds.has(signal.id) ? circumstantial : 1),
    }))
    .sort((a, b) => b.weight - a.weight);
  const groupsSeen = new Set<number>();
  for (const { signal, weight } of counted) {
    const group = groupOf.get(signal.id);
    const share =
      group !== undefined && groupsSeen.has(group) ? config.decision.correlatedEvidenceShare : 1;
    if (group !== undefined && weight > 0) groupsSeen.add(group);
    scores[signal.side] += weight * share;
  }
  const total = scores.missing_context + scores.execution;
  const margin = total === 0 ? 0 : Math.abs(scores.missing_context - scores.execution) / total;
  const leaning: CauseSide | null =
    total === 0 || scores.missing_context === scores.execution
      ? null
      : scores.missing_context > scores.execution
        ? 'missing_context'
        : 'execution';
  const confidence = total === 0 ? 0 : round((margin * total) / (total + evidenceHalfSaturation));
  const evidence = [...signals].sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
  const rounded = {
    missing_context: round(scores.missing_context),
    execution: round(scores.execution),
  };
  if (total < minTotalEvidence)
    return {
      cause: 'unknown',
      confidence,
      scores: rounded,
      leaning,
      reason: 'thin_evidence',
      evidence,
    };
  if (margin < minMargin || leaning === null)
    return {
      cause: 'unknown',
      confidence,
      scores: rounded,
      leaning,
      reason: 'small_margin',
      evidence,
    };
  return { cause: leaning, confidence, scores: rounded, leaning, reason: 'decided', evidence };
}

/** The configured weight of a signal, times a strength in [0, 1]. */
export function signalWeight(
  id: SignalId,
  side: CauseSide,
  strength: number,
  config: AnalysisConfig,
): number {
  const weights: Record<string, number> =
    side === 'missing_context'
      ? config.signalWeights.missingContext
      : config.signalWeights.execution;
  return round((weights[id] ?? 0) * Math.min(1, Math.max(0, strength)));
}
