import type { AnalysisConfig } from './analysis-config';
import { signalWeight, type Signal } from './cause-attribution';
import type { OriginWorkItem } from './context-signals';
import type { DefectTextReading } from './defect-text';
import type { TestExpectationReading } from './test-expectation-changes';

/** Builders of the execution signals; pure, zero or one signal each, with evidence. */
const side = 'execution' as const;

export function clearStableTicketSignal(
  origin: OriginWorkItem | null,
  config: AnalysisConfig,
): Signal | null {
  if (origin === null) return null;
  const { context } = origin;
  if (
    !context.acceptanceCriteria.found ||
    context.churn.length > 0 ||
    context.score < config.contextScore.clearTicketMinScore
  )
    return null;
  return {
    id: 'clear_stable_ticket',
    side,
    weight: signalWeight('clear_stable_ticket', side, 1, config),
    evidence: {
      kind: 'work_item_at_start',
      description: `${origin.key} had acceptance criteria, no changes after start, context score ${context.score}`,
      url: origin.url,
    },
  };
}

export interface FixSize {
  ref: string;
  url?: string;
  additions: number;
  deletions: number;
  files: number;
  /**
   * Lines touched outside test files, when the per-file counts are known: per file the larger of
   * its additions and deletions, so a replaced line counts once.
   */
  codeLines?: number;
}

/**
 * A slip in the build is typically fixed where it is: a line or two of code in one or two files
 * (tests added beside them do not make a fix less local). Strength falls with the touched code
 * lines (see `config.fixSize`); without per-file counts the PR's own touched lines stand in,
 * tests included. A fix that touches no code (tests or docs only) says nothing here.
 */
export function smallLocalFixSignal(
  fix: FixSize,
  testFiles: number,
  config: AnalysisConfig,
): Signal | null {
  const settings = config.fixSize;
  const codeFiles = Math.max(0, fix.files - testFiles);
  if (codeFiles > settings.maxCodeFiles || codeFiles === 0) return null;
  const lines = fix.codeLines ?? Math.max(fix.additions, fix.deletions);
  if (lines === 0 || lines > settings.maxLines) return null;
  const strength = Math.min(1, settings.fullStrengthLines / lines);
  return {
    id: 'small_local_fix',
    side,
    weight: signalWeight('small_local_fix', side, strength, config),
    evidence: {
      kind: 'fix_size',
      description: `${fix.ref} is small and local: ${lines} ${fix.codeLines === undefined ? '' : 'code '}line(s) touched in ${codeFiles} file(s)`,
      url: fix.url,
    },
  };
}

export function addsTestForUntestedPathSignal(
  reading: TestExpectationReading,
  fix: { ref: string; url?: string },
  config: AnalysisConfig,
): Signal | null {
  if (!reading.addsTestsOnly || reading.rewritesExpectations) return null;
  return {
    id: 'adds_test_for_untested_path',
    side,
    weight: signalWeight('adds_test_for_untested_path', side, 1, config),
    evidence: {
      kind: 'fix_diff',
      description: `${fix.ref} adds ${reading.addedAssertions} assertion(s) without changing existing ones`,
      url: fix.url,
      excerpt: reading.testFilesTouched.join(', '),
    },
  };
}

export function faultTextSignal(
  reading: DefectTextReading,
  source: { key: string; url?: string },
  config: AnalysisConfig,
): Signal | null {
  const best = reading.fault.matches[0];
  if (reading.fault.score < 1.5 || best === undefined) return null;
  return {
    id: 'fault_text',
    side,
    weight: signalWeight('fault_text', side, reading.fault.score / 3, config),
    evidence: {
      kind: 'defect_text',
      description: `${source.key} describes a fault: ${reading.fault.matches.map((match) => `"${match.phrase}"`).join(', ')}`,
      url: source.url,
      excerpt: best.sentence,
    },
  };
}

export interface RevertTiming {
  revertRef: string;
  revertedAt: Date;
  originMergedAt: Date;
  /**
   * The failing build or deployment of the origin seen before the revert, if any: a deployment
   * record, or the revert's own words (`excerpt`) when it says the change broke one.
   */
  failure: { kind: 'build' | 'deploy'; at: Date; url?: string; excerpt?: string } | null;
}

export function fastRevertAfterFailureSignal(
  timing: RevertTiming,
  config: AnalysisConfig,
): Signal | null {
  const hours = (timing.revertedAt.getTime() - timing.originMergedAt.getTime()) / 3_600_000;
  const failure = timing.failure;
  if (failure === null || hours < 0 || hours > config.windows.fastRevertHours) return null;
  if (
    failure.at.getTime() < timing.originMergedAt.getTime() ||
    failure.at.getTime() > timing.revertedAt.getTime()
  )
    return null;
  return {
    id: 'fast_revert_after_failure',
    side,
    weight: signalWeight('fast_revert_after_failure', side, 1, config),
    evidence: {
      kind: 'revert',
      description: `${timing.revertRef} reverted ${Math.round(hours * 10) / 10} h after merge, after a failing ${failure.kind}`,
      url: failure.url,
      ...(failure.excerpt === undefined ? {} : { excerpt: failure.excerpt }),
    },
  };
}

export interface OriginReview {
  ref: string;
  url?: string;
  risk: number;
  depth: number;
  /** Review calibration's flag: high risk, approved fast, no substantive comment. */
  rubberStamp: boolean;
  /** What the depth score saw (reviewers, comments, rounds, time in review), for the evidence. */
  depthReasons: readonly string[];
}

/**
 * Read on review calibration's own terms: a high-risk origin (the rubber-stamp risk threshold)
 * that was rubber-stamped, or whose review depth stayed in the low range. Risk and depth are
 * scored on different scales, so a gap between them says little; a low-risk PR reviewed lightly
 * is not a finding at all.
 */
export function lightReviewForRiskSignal(
  origin: OriginReview,
  config: AnalysisConfig,
): Signal | null {
  const { rubberStampMinRisk, rubberStampMaxMinutesToApproval, lightReviewMaxDepth } =
    config.calibration;
  if (origin.risk < rubberStampMinRisk) return null;
  if (!origin.rubberStamp && origin.depth > lightReviewMaxDepth) return null;
  const why = origin.rubberStamp
    ? `a rubber stamp: approved within ${rubberStampMaxMinutesToApproval} min with no substantive comment`
    : `depth at most ${lightReviewMaxDepth} for a high-risk change`;
  return {
    id: 'light_review_for_risk',
    side,
    weight: signalWeight('light_review_for_risk', side, 1, config),
    evidence: {
      kind: 'review_calibration',
      description: `${origin.ref} was lightly reviewed for its risk (${why}): risk ${origin.risk} (high from ${rubberStampMinRisk}), review depth ${origin.depth}; ${origin.depthReasons.join(', ')}`,
      url: origin.url,
    },
  };
}
