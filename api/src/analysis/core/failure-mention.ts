import { matchPhrases, splitProseAndCode, splitSentences, type PhraseRule } from './text-segments';

/**
 * Does a revert's own text say the reverted change broke the build or a deployment? Many teams
 * have no deployment records in GitHub (or deploy from another tool), but the person reverting
 * writes why: "broke the build on main", "CI is red since this landed", "deploy to prod failed",
 * "rolling back, 500s after the release". A negated mention ("the build did not fail") does not
 * count.
 */
export interface FailureMention {
  kind: 'build' | 'deploy';
  phrase: string;
  sentence: string;
}

const failed = String.raw`(fail|fails|failed|failing|failure|broke|broken|breaks|breaking|red|down)`;

const rules: PhraseRule[] = [
  {
    name: 'build',
    pattern: new RegExp(
      String.raw`\b(broke|breaks|breaking|broken|fails?|failed|failing)\s+(the\s+|our\s+)?(build|ci|pipeline|checks|compilation|main|master|trunk|test suite|tests|e2e)\b|\b(build|builds|ci|pipeline|checks?|compilation|test suite|tests|e2e|main|master|trunk)\s+((is|are|was|were|went|has been|have been|goes|turned|got)\s+)?(now\s+|still\s+)?${failed}\b`,
      'i',
    ),
    weight: 1,
  },
  {
    name: 'deploy',
    pattern: new RegExp(
      String.raw`\b(broke|breaks|breaking|broken|took down|takes down|crashed)\s+(the\s+)?(deploy|deployment|release|rollout|prod|production|staging|canary)\b|\b(deploy|deploys|deployment|release|rollout|canary|prod|production)\s+((is|are|was|were|went|has been|have been|got)\s+)?(now\s+|still\s+)?${failed}\b|\b(5\d\d|500s|errors?|outage|incident|crash(es|ing)?)\s+(in|on|after|since)\s+(the\s+)?(prod|production|deploy|deployment|release|rollout)\b|\b(failed|failing|broken)\s+(deploy|deployment|release|rollout)\b`,
      'i',
    ),
    weight: 1,
  },
];

export function failureMentionedIn(text: string): FailureMention | null {
  const sentences = splitSentences(splitProseAndCode(text).prose);
  const { kept } = matchPhrases(sentences, rules);
  const first = kept[0];
  if (first === undefined) return null;
  return {
    kind: first.rule === 'deploy' ? 'deploy' : 'build',
    phrase: first.phrase,
    sentence: first.sentence,
  };
}
