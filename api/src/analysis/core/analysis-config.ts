import { z } from 'zod';
import { defaultAgentLogins } from '../../sources/github/agent-detection';

/**
 * Everything the analysis engine can be tuned with, validated, with defaults. `prefault({})` makes
 * each section parse its own defaults, so `parseAnalysisConfig({})` gives the full default config
 * and a partial override changes only what it names.
 */
const weight = z.number().min(0).max(10);
const positive = z.number().positive();

export const missingContextSignalIds = [
  'no_acceptance_criteria_at_start',
  'thin_description_at_start',
  'requirement_churn_after_start',
  'clarifying_questions_before_merge',
  'expectation_text',
  'fix_rewrites_test_expectations',
  'untracked_origin',
] as const;

export const executionSignalIds = [
  'clear_stable_ticket',
  'small_local_fix',
  'adds_test_for_untested_path',
  'fault_text',
  'fast_revert_after_failure',
  'light_review_for_risk',
] as const;

export type MissingContextSignalId = (typeof missingContextSignalIds)[number];
export type ExecutionSignalId = (typeof executionSignalIds)[number];
export type SignalId = MissingContextSignalId | ExecutionSignalId;

const missingContextWeights = z
  .object({
    no_acceptance_criteria_at_start: weight.default(1.0),
    thin_description_at_start: weight.default(0.7),
    requirement_churn_after_start: weight.default(1.2),
    clarifying_questions_before_merge: weight.default(1.0),
    expectation_text: weight.default(1.3),
    fix_rewrites_test_expectations: weight.default(1.2),
    untracked_origin: weight.default(0.6),
  })
  .strict()
  .prefault({});

const executionWeights = z
  .object({
    clear_stable_ticket: weight.default(1.0),
    /**
     * 0.8 (was 0.6 for anything up to 4 changed lines): the signal is now graded by the fix's
     * size (see `fixSize`), so its full weight goes to one-line fixes only, as strong as an added
     * test and below the rework's own words.
     */
    small_local_fix: weight.default(0.8),
    adds_test_for_untested_path: weight.default(0.8),
    fault_text: weight.default(1.3),
    fast_revert_after_failure: weight.default(1.2),
    light_review_for_risk: weight.default(0.8),
  })
  .strict()
  .prefault({});

const windows = z
  .object({
    followUpFixDays: positive.default(30),
    linkedBugDays: positive.default(60),
    incidentAfterDeployHours: positive.default(72),
    fastRevertHours: positive.default(48),
    /** A done -> open move undone (or a done reached) within this many minutes is a mis-click. */
    reopenTransientMinutes: z.number().min(0).default(10),
  })
  .strict()
  .prefault({});

const decision = z
  .object({
    /**
     * |missing - execution| / total below this gives `unknown`. 0.1 (was 0.2): on the demo's 4,000
     * PRs 0.2 left 20% unknown for a lower macro-F1 (0.723) than 0.1 (0.752, 7.8% unknown).
     */
    minMargin: z.number().min(0).max(1).default(0.1),
    /** Sum of both sides' weights below this gives `unknown` (thin evidence): one signal at half strength is enough to lean. */
    minTotalEvidence: z.number().min(0).default(0.6),
    /** Total evidence at which confidence reaches half its ceiling; see `attributeCause`. */
    evidenceHalfSaturation: positive.default(1.5),
    /**
     * What the circumstantial signals count for when the rework has direct evidence of its own
     * (see \`attributeCause\`). 0.5 first (on the demo's 4,000 PRs macro-F1 0.704 -> 0.740 over
     * 1); 0.35 since the fix's size and added tests joined them: the same macro-F1 on the demo
     * (0.742 vs 0.743), and a clear ticket plus a one-line fix with a test no longer outvote a
     * bug that says the spec was silent. 1 keeps the old flat rule.
     */
    circumstantialWeightWithDirectEvidence: z.number().min(0).max(1).default(0.35),
    /**
     * What the weaker of two signals read from the same fact counts for (see
     * \`correlatedSignalGroups\`): a ticket without criteria usually has a short description too,
     * and a fix's size and its added tests are one reading of one diff. 1 sums them as before.
     */
    correlatedEvidenceShare: z.number().min(0).max(1).default(0.5),
  })
  .strict()
  .prefault({});

/**
 * How small a fix must be to count as "small and local": at most \`maxCodeFiles\` code files and
 * \`maxLines\` touched code lines (a replaced line counts once). Strength falls with size:
 * min(1, fullStrengthLines / lines), so a one-line fix is full strength, two lines half, four a
 * quarter: the smaller the fix, the likelier it corrects a slip rather than a behaviour.
 */
const fixSize = z
  .object({
    fullStrengthLines: z.number().int().positive().default(1),
    maxLines: z.number().int().positive().default(12),
    maxCodeFiles: z.number().int().positive().default(2),
  })
  .strict()
  .prefault({});

const contextScore = z
  .object({
    weights: z
      .object({
        acceptanceCriteria: z.number().min(0).default(30),
        descriptionDepth: z.number().min(0).default(25),
        designLinks: z.number().min(0).default(10),
        parentContext: z.number().min(0).default(10),
        estimate: z.number().min(0).default(10),
        stability: z.number().min(0).default(15),
      })
      .strict()
      .prefault({}),
    /** Below this many words a description is "thin". */
    thinDescriptionWords: z.number().int().min(0).default(25),
    /** Words at which description depth earns its full length share. */
    richDescriptionWords: z.number().int().positive().default(150),
    /** Changes after start at which the stability component reaches zero. */
    churnForZeroStability: z.number().int().positive().default(3),
    /** A score at or above this with no churn makes a ticket "clear and stable". */
    clearTicketMinScore: z.number().min(0).max(100).default(60),
  })
  .strict()
  .prefault({});

const classification = z
  .object({
    bugIssueTypes: z
      .array(z.string().min(1))
      .default(['Bug', 'Defect', 'Incident', 'Problem', 'Hotfix', 'Production issue']),
    /** A label counts when one of its words is one of these (so `type: bug`, `kind/bug` match). */
    fixLabelWords: z
      .array(z.string().min(1))
      .default(['bug', 'fix', 'hotfix', 'bugfix', 'regression', 'defect']),
    incidentIssueTypes: z
      .array(z.string().min(1))
      .default(['Incident', 'Production incident', 'Outage']),
    incidentLabels: z
      .array(z.string().min(1))
      .default(['incident', 'outage', 'sev1', 'sev2', 'p0', 'postmortem']),
    /** Link type names (either side's phrase, or the type name) that tie a Bug to a story. */
    bugLinkTypes: z
      .array(z.string().min(1))
      .default(['Causes', 'Relates', 'Problem/Incident', 'Defect', 'Bug']),
  })
  .strict()
  .prefault({});

const risk = z
  .object({
    weights: z
      .object({
        size: z.number().min(0).default(25),
        files: z.number().min(0).default(10),
        criticalPaths: z.number().min(0).default(20),
        hotspots: z.number().min(0).default(15),
        authorInexperience: z.number().min(0).default(15),
        dependencies: z.number().min(0).default(10),
        agentAuthored: z.number().min(0).default(5),
      })
      .strict()
      .prefault({}),
    /** Changed lines at which the size component is full (log scale below). */
    sizeLinesFull: positive.default(1000),
    filesFull: positive.default(40),
    /** A file is a hotspot when changed by at least this many PRs in the recent window. */
    hotspotMinChanges: z.number().int().positive().default(6),
    /** Prior changes by the author to a file at which they count as experienced in it. */
    experiencedAfterChanges: z.number().int().positive().default(3),
  })
  .strict()
  .prefault({});

const depth = z
  .object({
    weights: z
      .object({
        humanReviewers: z.number().min(0).default(25),
        substantiveComments: z.number().min(0).default(35),
        rounds: z.number().min(0).default(15),
        timeInReview: z.number().min(0).default(25),
      })
      .strict()
      .prefault({}),
    reviewersFull: positive.default(2),
    substantiveCommentsFull: positive.default(6),
    roundsFull: positive.default(2),
    /** Minutes of review expected per 100 changed lines (capped at `reviewMinutesCap`). */
    reviewMinutesPer100Lines: positive.default(20),
    reviewMinutesFloor: positive.default(10),
    reviewMinutesCap: positive.default(240),
  })
  .strict()
  .prefault({});

const calibration = z
  .object({
    rubberStampMinRisk: z.number().min(0).max(100).default(60),
    rubberStampMaxMinutesToApproval: positive.default(30),
    overReviewMaxRisk: z.number().min(0).max(100).default(30),
    overReviewMinRounds: z.number().int().positive().default(3),
    overReviewMinWaitHours: positive.default(72),
    /**
     * A high-risk origin (risk at least `rubberStampMinRisk`) counts as "lightly reviewed for its
     * risk" when it was a rubber stamp or its review depth is at most this (the low range).
     */
    lightReviewMaxDepth: z.number().min(0).max(100).default(30),
  })
  .strict()
  .prefault({});

const refit = z
  .object({
    minLabelsPerClass: z.number().int().positive().default(10),
    holdoutShare: z.number().gt(0).lt(1).default(0.25),
    learningRate: positive.default(0.05),
    steps: z.number().int().positive().default(3000),
  })
  .strict()
  .prefault({});

export const analysisConfigSchema = z
  .object({
    signalWeights: z
      .object({ missingContext: missingContextWeights, execution: executionWeights })
      .strict()
      .prefault({}),
    windows,
    decision,
    fixSize,
    contextScore,
    classification,
    criticalPathGlobs: z
      .array(z.string().min(1))
      .default([
        '**/auth/**',
        '**/security/**',
        '**/payment*/**',
        '**/billing/**',
        '**/migrations/**',
        '**/*.sql',
        'infra/**',
        '.github/workflows/**',
      ]),
    dependencyManifestGlobs: z
      .array(z.string().min(1))
      .default([
        '**/package.json',
        '**/package-lock.json',
        '**/yarn.lock',
        '**/pnpm-lock.yaml',
        '**/go.mod',
        '**/go.sum',
        '**/Cargo.toml',
        '**/Cargo.lock',
        '**/requirements*.txt',
        '**/Pipfile.lock',
        '**/poetry.lock',
        '**/pyproject.toml',
        '**/pom.xml',
        '**/build.gradle',
        '**/build.gradle.kts',
        '**/Gemfile.lock',
        '**/composer.lock',
        '**/*.csproj',
      ]),
    testFileGlobs: z
      .array(z.string().min(1))
      .default([
        '**/*.{spec,test}.*',
        '**/__tests__/**',
        '**/test/**',
        '**/tests/**',
        '**/spec/**',
        '**/*_test.go',
        '**/test_*.py',
        '**/*_test.py',
        '**/*Test.{java,kt,scala}',
        '**/*Tests.{java,kt,cs}',
        '**/__snapshots__/**',
        '**/*.snap',
      ]),
    agentLogins: z.array(z.string().min(1)).default([...defaultAgentLogins]),
    risk,
    depth,
    calibration,
    refit,
  })
  .strict();

export type AnalysisConfig = z.output<typeof analysisConfigSchema>;
export type AnalysisConfigInput = z.input<typeof analysisConfigSchema>;

export interface ConfigFieldError {
  /** Dotted path of the field, e.g. `windows.followUpFixDays`. */
  field: string;
  message: string;
}

export class AnalysisConfigError extends Error {
  constructor(readonly fieldErrors: ConfigFieldError[]) {
    super(
      `Invalid analysis configuration: ${fieldErrors.map((error) => `${error.field}: ${error.message}`).join('; ')}`,
    );
    this.name = 'AnalysisConfigError';
  }
}

export function parseAnalysisConfig(input: unknown): AnalysisConfig {
  const result = analysisConfigSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new AnalysisConfigError(
    result.error.issues.map((issue) => {
      const path = issue.path.map(String);
      // An unknown key is reported on its parent; name the key itself so the field is findable.
      if (issue.code === 'unrecognized_keys')
        return { field: [...path, issue.keys.join(',')].join('.'), message: issue.message };
      return { field: path.join('.') || '(root)', message: issue.message };
    }),
  );
}

export const defaultAnalysisConfig: AnalysisConfig = parseAnalysisConfig({});
