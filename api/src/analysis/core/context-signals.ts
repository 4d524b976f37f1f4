import type { AnalysisConfig } from './analysis-config';
import { signalWeight, type Signal } from './cause-attribution';
import type { ContextScore } from './context-score';
import { rarityStrength, type ProjectNorm } from './context-norms';
import type { DefectTextReading } from './defect-text';
import type { TestExpectationReading } from './test-expectation-changes';

/**
 * Builders of the missing-context signals: each a pure function from plain inputs to zero or
 * one signal with its evidence. Strength scales the configured weight where the evidence comes
 * in degrees (several questions, much expectation talk).
 */
export interface OriginWorkItem {
  key: string;
  url?: string;
  /** The context score of the item as it was when work started. */
  context: ContextScore;
  /** How common weak tickets are in the item's project; weak-ticket signals weigh less where they are the norm. */
  norm?: ProjectNorm;
}

function normNote(share: number | undefined, strength: number): string {
  return share === undefined || strength === 1
    ? ''
    : ` (as were ${Math.round(share * 100)}% of its project's tickets: weight x${strength})`;
}

const side = 'missing_context' as const;

export function noAcceptanceCriteriaSignal(
  origin: OriginWorkItem | null,
  config: AnalysisConfig,
): Signal | null {
  if (origin === null || origin.context.acceptanceCriteria.found) return null;
  const share = origin.norm?.noCriteriaShare;
  const strength = rarityStrength(share, origin.norm?.started ?? 0);
  return {
    id: 'no_acceptance_criteria_at_start',
    side,
    weight: signalWeight('no_acceptance_criteria_at_start', side, strength, config),
    evidence: {
      kind: 'work_item_at_start',
      description: `${origin.key} had no acceptance criteria when work started${normNote(share, strength)}`,
      url: origin.url,
    },
  };
}

export function thinDescriptionSignal(
  origin: OriginWorkItem | null,
  config: AnalysisConfig,
): Signal | null {
  if (origin === null || !origin.context.thinDescription) return null;
  const share = origin.norm?.thinShare;
  const strength = rarityStrength(share, origin.norm?.started ?? 0);
  return {
    id: 'thin_description_at_start',
    side,
    weight: signalWeight('thin_description_at_start', side, strength, config),
    evidence: {
      kind: 'work_item_at_start',
      description: `${origin.key} had a ${origin.context.descriptionWords}-word description when work started${normNote(share, strength)}`,
      url: origin.url,
    },
  };
}

export function requirementChurnSignal(
  origin: OriginWorkItem | null,
  config: AnalysisConfig,
): Signal | null {
  if (origin === null || origin.context.churn.length === 0) return null;
  const fields = [...new Set(origin.context.churn.map((change) => change.fieldKey))];
  return {
    id: 'requirement_churn_after_start',
    side,
    weight: signalWeight(
      'requirement_churn_after_start',
      side,
      Math.min(1, origin.context.churn.length / 2),
      config,
    ),
    evidence: {
      kind: 'requirement_churn',
      description: `${origin.key}: ${origin.context.churn.length} change(s) to ${fields.join(', ')} after work started`,
      url: origin.url,
    },
  };
}

export interface ClarifyingQuestionEvidence {
  sentence: string;
  url?: string;
}

/**
 * Questions found (by `classifyClarifyingComment`) in the origin PR's review or the ticket before
 * merge. One question about intent already says the requirement was open (3/4 strength); two or
 * more, full strength.
 */
export function clarifyingQuestionsSignal(
  asked: readonly ClarifyingQuestionEvidence[],
  config: AnalysisConfig,
): Signal | null {
  // The same question posted on the PR and on the ticket, or pasted twice, is one question.
  const seen = new Set<string>();
  const questions = asked.filter((question) => {
    const key = question.sentence.toLowerCase().replace(/\s+/g, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const first = questions[0];
  if (first === undefined) return null;
  return {
    id: 'clarifying_questions_before_merge',
    side,
    weight: signalWeight(
      'clarifying_questions_before_merge',
      side,
      Math.min(1, 0.5 + questions.length / 4),
      config,
    ),
    evidence: {
      kind: 'clarifying_question',
      description: `${questions.length} clarifying question(s) about intent before merge`,
      url: first.url,
      excerpt: first.sentence,
    },
  };
}

/** Expectation talk in the bug or incident text: needs 1.5 points, full strength at 3. */
export function expectationTextSignal(
  reading: DefectTextReading,
  source: { key: string; url?: string },
  config: AnalysisConfig,
): Signal | null {
  const best = reading.expectation.matches[0];
  if (reading.expectation.score < 1.5 || best === undefined) return null;
  return {
    id: 'expectation_text',
    side,
    weight: signalWeight('expectation_text', side, reading.expectation.score / 3, config),
    evidence: {
      kind: 'defect_text',
      description: `${source.key} is about expectations: ${reading.expectation.matches.map((match) => `"${match.phrase}"`).join(', ')}`,
      url: source.url,
      excerpt: best.sentence,
    },
  };
}

export function testExpectationRewriteSignal(
  reading: TestExpectationReading,
  fix: { ref: string; url?: string },
  config: AnalysisConfig,
): Signal | null {
  const first = reading.changedAssertions[0];
  if (!reading.rewritesExpectations || first === undefined) return null;
  return {
    id: 'fix_rewrites_test_expectations',
    side,
    weight: signalWeight('fix_rewrites_test_expectations', side, 1, config),
    evidence: {
      kind: 'fix_diff',
      description: `${fix.ref} changes ${reading.changedAssertions.length} existing test expectation(s)`,
      url: fix.url,
      excerpt: `${first.file}:${first.line} ${first.removed}`,
    },
  };
}

export function untrackedOriginSignal(
  origin: { ref: string; url?: string; workItemKeys: readonly string[] } | null,
  config: AnalysisConfig,
): Signal | null {
  if (origin === null || origin.workItemKeys.length > 0) return null;
  return {
    id: 'untracked_origin',
    side,
    weight: signalWeight('untracked_origin', side, 1, config),
    evidence: {
      kind: 'origin_change',
      description: `${origin.ref} had no work item: its intent was unknown to reviewers`,
      url: origin.url,
    },
  };
}
