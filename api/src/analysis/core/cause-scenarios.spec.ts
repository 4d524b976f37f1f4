import { defaultAnalysisConfig as config } from './analysis-config';
import { attributeCause, type Signal } from './cause-attribution';
import { classifyClarifyingComment } from './clarifying-questions';
import { contextScore } from './context-score';
import {
  clarifyingQuestionsSignal,
  expectationTextSignal,
  noAcceptanceCriteriaSignal,
  requirementChurnSignal,
  testExpectationRewriteSignal,
  thinDescriptionSignal,
  untrackedOriginSignal,
} from './context-signals';
import { readDefectText } from './defect-text';
import {
  addsTestForUntestedPathSignal,
  clearStableTicketSignal,
  fastRevertAfterFailureSignal,
  faultTextSignal,
  smallLocalFixSignal,
} from './execution-signals';
import { failureMentionedIn } from './failure-mention';
import { readTestExpectationChanges } from './test-expectation-changes';

/**
 * Whole rework stories as a team would meet them, read from plain data through the same builders
 * the analysis uses, then decided with the default configuration. Each pits the rework's own
 * evidence against circumstance, where a flat sum of weights used to go wrong.
 */
const clearTicket = {
  key: 'SHOP-12',
  context: contextScore(
    {
      summary: 'Promotion discount at checkout',
      description:
        '## Context\nMarketing runs a spring promotion: 10% off eligible products at checkout.\n\n## Acceptance criteria\n- [ ] The discount shows on the cart summary\n- [ ] Orders keep the discounted price in the invoice\nDesign: https://www.figma.com/file/abc/promo',
      acceptanceCriteriaField: null,
      storyPoints: 3,
      parentKey: 'SHOP-1',
    },
    [],
    config,
  ),
};

const weakTicket = {
  key: 'ACC-88',
  context: contextScore(
    {
      summary: 'Profile page',
      description: 'Let users edit their profile.',
      acceptanceCriteriaField: null,
      storyPoints: null,
      parentKey: null,
    },
    [
      { fieldKey: 'description', changedAt: new Date('2024-06-03') },
      { fieldKey: 'description', changedAt: new Date('2024-06-05') },
    ],
    config,
  ),
};

const fix = { ref: 'acme/shop#412' };
const addsTestDiff = `diff --git a/src/checkout/discount.test.ts b/src/checkout/discount.test.ts
--- a/src/checkout/discount.test.ts
+++ b/src/checkout/discount.test.ts
@@ -30,0 +31,3 @@
+it('applies the promotion to bundles', () => {
+  expect(discountFor(bundle)).toBe(9);
+});
`;
const rewritesDiff = `diff --git a/src/billing/pricing.spec.ts b/src/billing/pricing.spec.ts
--- a/src/billing/pricing.spec.ts
+++ b/src/billing/pricing.spec.ts
@@ -18,1 +18,1 @@
-    expect(priceFor(legacyAccount)).toBe(49);
+    expect(priceFor(legacyAccount)).toBe(39);
`;

const decide = (signals: ReadonlyArray<Signal | null>) =>
  attributeCause(
    signals.filter((signal): signal is Signal => signal !== null),
    config,
  );

describe('cause attribution on whole rework stories', () => {
  it('follows a bug that says the spec was silent over a clear ticket and a one-line fix with a test', () => {
    const bug = readDefectText("Expected discount to apply to bundles, spec didn't say");
    const result = decide([
      clearStableTicketSignal(clearTicket, config),
      expectationTextSignal(bug, { key: 'SHOP-19' }, config),
      smallLocalFixSignal(
        { ...fix, additions: 5, deletions: 1, files: 2, codeLines: 1 },
        1,
        config,
      ),
      addsTestForUntestedPathSignal(
        readTestExpectationChanges(addsTestDiff, config.testFileGlobs),
        fix,
        config,
      ),
    ]);
    expect(result.cause).toBe('missing_context');
  });

  it('follows a null-pointer report over a weak, churned ticket', () => {
    const bug = readDefectText('NPE when saving profile');
    const result = decide([
      noAcceptanceCriteriaSignal(weakTicket, config),
      thinDescriptionSignal(weakTicket, config),
      requirementChurnSignal(weakTicket, config),
      faultTextSignal(bug, { key: 'ACC-93' }, config),
      smallLocalFixSignal(
        { ...fix, additions: 1, deletions: 1, files: 1, codeLines: 1 },
        0,
        config,
      ),
    ]);
    expect(result.cause).toBe('execution');
  });

  it('reads an unanswered scope question and rewritten expectations as missing context', () => {
    const review = classifyClarifyingComment({
      body: 'Is this supposed to handle the legacy accounts too?',
      authorLogin: 'maria',
    });
    const bug = readDefectText('Legacy accounts are charged the new price after the migration');
    const result = decide([
      clearStableTicketSignal(clearTicket, config),
      clarifyingQuestionsSignal(
        review.matches.map((match) => ({ sentence: match.sentence })),
        config,
      ),
      testExpectationRewriteSignal(
        readTestExpectationChanges(rewritesDiff, config.testFileGlobs),
        fix,
        config,
      ),
      faultTextSignal(bug, { key: 'BILL-7' }, config),
      smallLocalFixSignal(
        { ...fix, additions: 2, deletions: 2, files: 2, codeLines: 1 },
        1,
        config,
      ),
    ]);
    expect(result.cause).toBe('missing_context');
  });

  it('reads a revert that says it broke the build as execution, even for untracked work', () => {
    const mention = failureMentionedIn('Reverting: this broke the build on main.');
    const merged = new Date('2024-07-01T09:00:00Z');
    const result = decide([
      untrackedOriginSignal({ ref: 'acme/shop#500', workItemKeys: [] }, config),
      fastRevertAfterFailureSignal(
        {
          revertRef: 'acme/shop#502',
          revertedAt: new Date('2024-07-01T11:30:00Z'),
          originMergedAt: merged,
          failure:
            mention === null
              ? null
              : {
                  kind: mention.kind,
                  at: new Date('2024-07-01T11:00:00Z'),
                  excerpt: mention.sentence,
                },
        },
        config,
      ),
    ]);
    expect(result.cause).toBe('execution');
    expect(result.evidence[0]?.evidence.excerpt).toBe('Reverting: this broke the build on main.');
  });
});
