import { defaultAnalysisConfig as config } from './analysis-config';
import { attributeCause, type Signal } from './cause-attribution';
import { contextScore } from './context-score';
import { readDefectText } from './defect-text';
import { calibrationFlags, reviewDepth, type DepthInput } from './review-depth';
import { reviewRisk, type RiskInput } from './review-risk';
import {
  addsTestForUntestedPathSignal,
  clearStableTicketSignal,
  fastRevertAfterFailureSignal,
  faultTextSignal,
  lightReviewForRiskSignal,
  smallLocalFixSignal,
  type OriginReview,
} from './execution-signals';
import { readTestExpectationChanges } from './test-expectation-changes';

const clearTicket = {
  key: 'PAY-12',
  context: contextScore(
    {
      summary: 'Retry failed payouts',
      description:
        '## Context\nPayouts fail when the bank API is briefly down and nobody retries them today.\n\n## Acceptance criteria\n- [ ] Retries 3 times with backoff\n- [ ] Alerts after the last failure\nSee https://acme.atlassian.net/wiki/spaces/PAY/pages/9/Payout+retries',
      acceptanceCriteriaField: null,
      storyPoints: 3,
      parentKey: 'PAY-1',
    },
    [],
    config,
  ),
};

const addsTest = `diff --git a/src/payouts/retry.test.ts b/src/payouts/retry.test.ts
--- a/src/payouts/retry.test.ts
+++ b/src/payouts/retry.test.ts
@@ -40,0 +41,3 @@
+it('stops after three attempts', async () => {
+  await expect(retryPayout(failing)).rejects.toThrow('gave up');
+});
`;

describe('execution signal builders', () => {
  it('build one signal each from a clear ticket, a small fix with a test, a crash report, a fast revert and a light review', () => {
    const merged = new Date('2024-04-02T10:00:00Z');
    const signals = [
      clearStableTicketSignal(clearTicket, config),
      smallLocalFixSignal({ ref: 'acme/pay#301', additions: 6, deletions: 2, files: 2 }, 1, config),
      addsTestForUntestedPathSignal(
        readTestExpectationChanges(addsTest, config.testFileGlobs),
        { ref: 'acme/pay#301' },
        config,
      ),
      faultTextSignal(
        readDefectText(
          'TypeError: cannot read properties of undefined in retryPayout, payouts crash every night',
        ),
        { key: 'PAY-20' },
        config,
      ),
      fastRevertAfterFailureSignal(
        {
          revertRef: 'acme/pay#299',
          revertedAt: new Date('2024-04-02T16:00:00Z'),
          originMergedAt: merged,
          failure: { kind: 'deploy', at: new Date('2024-04-02T11:00:00Z') },
        },
        config,
      ),
      lightReviewForRiskSignal(
        { ref: 'acme/pay#290', risk: 82, depth: 12, rubberStamp: true, depthReasons: [] },
        config,
      ),
    ].filter((signal): signal is Signal => signal !== null);
    expect(signals.map((signal) => signal.id)).toEqual([
      'clear_stable_ticket',
      'small_local_fix',
      'adds_test_for_untested_path',
      'fault_text',
      'fast_revert_after_failure',
      'light_review_for_risk',
    ]);
    expect(signals.every((signal) => signal.side === 'execution' && signal.weight > 0)).toBe(true);
    expect(signals[4]?.evidence.description).toContain('6 h after merge');
    expect(attributeCause(signals, config)).toMatchObject({
      cause: 'execution',
      reason: 'decided',
    });
  });

  it('weighs a fix by the code lines it touches, not the tests added beside them', () => {
    const full = config.signalWeights.execution.small_local_fix;
    // A one-line null guard plus a 30-line regression test: a one-line fix, full strength.
    expect(
      smallLocalFixSignal(
        { ref: 'r', additions: 31, deletions: 1, files: 2, codeLines: 1 },
        1,
        config,
      )?.weight,
    ).toBe(full);
    // Two touched lines count half, four a quarter: the smaller the fix, the likelier a slip.
    expect(
      smallLocalFixSignal(
        { ref: 'r', additions: 2, deletions: 2, files: 1, codeLines: 2 },
        0,
        config,
      )?.weight,
    ).toBe(full / 2);
    expect(
      smallLocalFixSignal(
        { ref: 'r', additions: 4, deletions: 3, files: 2, codeLines: 4 },
        0,
        config,
      )?.weight,
    ).toBe(full / 4);
    // Rewriting 16 lines of logic in two files is not a slip fixed where it happened.
    expect(
      smallLocalFixSignal(
        { ref: 'r', additions: 10, deletions: 6, files: 2, codeLines: 16 },
        0,
        config,
      ),
    ).toBeNull();
  });

  it('counts a replaced line once when only the PR totals are known', () => {
    // GitHub shows a one-line change as +1 -1: one touched line, not two.
    const signal = smallLocalFixSignal(
      { ref: 'r', additions: 1, deletions: 1, files: 1 },
      0,
      config,
    );
    expect(signal?.weight).toBe(config.signalWeights.execution.small_local_fix);
    expect(signal?.evidence.description).toContain('1 line(s) touched in 1 file(s)');
  });

  it('follows the configured size limits', () => {
    const lenient = {
      ...config,
      fixSize: { fullStrengthLines: 3, maxLines: 30, maxCodeFiles: 4 },
    };
    const fix = { ref: 'r', additions: 20, deletions: 5, files: 4, codeLines: 20 };
    expect(smallLocalFixSignal(fix, 0, config)).toBeNull();
    expect(smallLocalFixSignal(fix, 0, lenient)?.weight).toBeCloseTo(
      (config.signalWeights.execution.small_local_fix * 3) / 20,
      2,
    );
  });

  it.each<[string, () => Signal | null]>([
    [
      'a big fix',
      () => smallLocalFixSignal({ ref: 'r', additions: 180, deletions: 40, files: 9 }, 1, config),
    ],
    [
      'a tests-only change',
      () => smallLocalFixSignal({ ref: 'r', additions: 5, deletions: 0, files: 1 }, 1, config),
    ],
    [
      'a slow revert',
      () =>
        fastRevertAfterFailureSignal(
          {
            revertRef: 'r',
            revertedAt: new Date('2024-04-10'),
            originMergedAt: new Date('2024-04-02'),
            failure: { kind: 'build', at: new Date('2024-04-03') },
          },
          config,
        ),
    ],
    [
      'a fast revert without a failure',
      () =>
        fastRevertAfterFailureSignal(
          {
            revertRef: 'r',
            revertedAt: new Date('2024-04-02T12:00:00Z'),
            originMergedAt: new Date('2024-04-02T10:00:00Z'),
            failure: null,
          },
          config,
        ),
    ],
    [
      'a review matching the risk',
      () =>
        lightReviewForRiskSignal(
          { ref: 'r', risk: 70, depth: 60, rubberStamp: false, depthReasons: [] },
          config,
        ),
    ],
    [
      'expectation text',
      () =>
        faultTextSignal(readDefectText('Not what the customer asked for'), { key: 'B-1' }, config),
    ],
  ])('give nothing for %s', (_name, build) => {
    expect(build()).toBeNull();
  });
});

describe('the origin PR was lightly reviewed for its risk', () => {
  const opened = new Date('2024-06-03T09:00:00Z');
  const at = (minutes: number): Date => new Date(opened.getTime() + minutes * 60_000);
  // A payments change by someone new to the code: session handling, a migration, a new dependency.
  const payoutRework: RiskInput = {
    files: [
      { path: 'api/src/payments/payout.service.ts', additions: 310, deletions: 95 },
      { path: 'api/src/payments/payout.controller.ts', additions: 80, deletions: 20 },
      { path: 'api/src/auth/session.guard.ts', additions: 45, deletions: 12 },
      {
        path: 'api/src/database/migrations/1717400000-payout-batches.ts',
        additions: 60,
        deletions: 0,
      },
      { path: 'api/src/payments/payout.service.spec.ts', additions: 190, deletions: 30 },
      { path: 'package.json', additions: 1, deletions: 0 },
    ],
    isAgentAuthored: false,
    recentChangesPerFile: {},
    authorPriorChangesPerFile: {},
  };
  const review = (
    risk: RiskInput,
    depth: Omit<DepthInput, 'additions' | 'deletions'>,
  ): OriginReview => {
    const riskScore = reviewRisk(risk, config).score;
    const additions = risk.files.reduce((sum, file) => sum + file.additions, 0);
    const deletions = risk.files.reduce((sum, file) => sum + file.deletions, 0);
    const depthScore = reviewDepth({ ...depth, additions, deletions }, config);
    return {
      ref: 'acme/pay#412',
      url: 'https://github.com/acme/pay/pull/412',
      risk: riskScore,
      depth: depthScore.score,
      rubberStamp: calibrationFlags(riskScore, depthScore, config).rubberStamp,
      depthReasons: depthScore.components.map((component) => component.reason),
    };
  };

  it('finds it in a large risky PR approved in minutes with no comment', () => {
    const origin = review(payoutRework, {
      authorLogin: 'noor',
      reviewStartedAt: opened,
      mergedAt: at(15),
      reviews: [{ reviewer: 'li', isBot: false, state: 'APPROVED', submittedAt: at(7) }],
      comments: [{ author: 'li', isBot: false, body: 'LGTM 🚀', createdAt: at(7) }],
    });
    expect(origin.risk).toBeGreaterThanOrEqual(config.calibration.rubberStampMinRisk);
    expect(origin.rubberStamp).toBe(true);
    const signal = lightReviewForRiskSignal(origin, config);
    expect(signal).toMatchObject({
      id: 'light_review_for_risk',
      side: 'execution',
      weight: config.signalWeights.execution.light_review_for_risk,
      evidence: { kind: 'review_calibration', url: 'https://github.com/acme/pay/pull/412' },
    });
    // A manager can check it on the PR: which one, its risk and depth, and why that is light.
    expect(signal?.evidence.description).toBe(
      'acme/pay#412 was lightly reviewed for its risk (a rubber stamp: approved within 30 min with no substantive comment): risk 71 (high from 60), review depth 14; 1 human reviewer(s), 0 substantive comment(s), 0 changes-requested round(s), 7 min in review for 843 lines (expected 169)',
    );
  });

  it('finds it in a risky PR merged with no human review at all', () => {
    const origin = review(payoutRework, {
      authorLogin: 'noor',
      reviewStartedAt: opened,
      mergedAt: at(60 * 5),
      reviews: [
        { reviewer: 'sonarcloud[bot]', isBot: true, state: 'COMMENTED', submittedAt: at(4) },
      ],
      comments: [],
    });
    expect(origin).toMatchObject({ depth: 0, rubberStamp: false });
    expect(lightReviewForRiskSignal(origin, config)?.evidence.description).toContain(
      '(depth at most 30 for a high-risk change)',
    );
  });

  it('finds none in a large PR that went through several substantive review rounds', () => {
    const origin = review(payoutRework, {
      authorLogin: 'noor',
      reviewStartedAt: opened,
      mergedAt: at(60 * 50),
      reviews: [
        { reviewer: 'li', isBot: false, state: 'CHANGES_REQUESTED', submittedAt: at(120) },
        { reviewer: 'sam', isBot: false, state: 'CHANGES_REQUESTED', submittedAt: at(60 * 20) },
        { reviewer: 'li', isBot: false, state: 'APPROVED', submittedAt: at(60 * 46) },
      ],
      comments: [
        {
          author: 'li',
          isBot: false,
          body: 'What happens to a batch that is half paid out when the migration runs?',
          createdAt: at(110),
        },
        {
          author: 'sam',
          isBot: false,
          body: 'The guard lets service tokens through; payouts must require a user session.',
          createdAt: at(60 * 20),
        },
        {
          author: 'li',
          isBot: false,
          body: 'Retries should be idempotent, please key them on the batch id.',
          createdAt: at(60 * 21),
        },
      ],
    });
    expect(origin.risk).toBeGreaterThanOrEqual(config.calibration.rubberStampMinRisk);
    expect(origin.depth).toBeGreaterThan(config.calibration.lightReviewMaxDepth);
    expect(lightReviewForRiskSignal(origin, config)).toBeNull();
  });

  it('finds none in a small low-risk PR approved fast', () => {
    const copy = 'web/src/i18n/en.json';
    const origin = review(
      {
        files: [{ path: copy, additions: 3, deletions: 3 }],
        isAgentAuthored: false,
        recentChangesPerFile: {},
        authorPriorChangesPerFile: { [copy]: 8 },
      },
      {
        authorLogin: 'noor',
        reviewStartedAt: opened,
        mergedAt: at(5),
        reviews: [{ reviewer: 'li', isBot: false, state: 'APPROVED', submittedAt: at(2) }],
        comments: [],
      },
    );
    expect(origin.risk).toBeLessThanOrEqual(config.calibration.overReviewMaxRisk);
    expect(lightReviewForRiskSignal(origin, config)).toBeNull();
  });

  it('finds none in a medium-risk PR, however light its review', () => {
    expect(
      lightReviewForRiskSignal(
        { ref: 'r', risk: 45, depth: 0, rubberStamp: false, depthReasons: [] },
        config,
      ),
    ).toBeNull();
  });

  it('follows the configured depth limit', () => {
    const origin = { ref: 'r', risk: 70, depth: 38, rubberStamp: false, depthReasons: [] };
    expect(lightReviewForRiskSignal(origin, config)).toBeNull();
    const lenient = { ...config, calibration: { ...config.calibration, lightReviewMaxDepth: 40 } };
    expect(lightReviewForRiskSignal(origin, lenient)).not.toBeNull();
  });
});
