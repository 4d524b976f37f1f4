import { defaultAnalysisConfig as config } from './analysis-config';
import { attributeCause, type Signal } from './cause-attribution';
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
import { readTestExpectationChanges } from './test-expectation-changes';

const vagueTicket = {
  key: 'SHOP-41',
  url: 'https://acme.atlassian.net/browse/SHOP-41',
  context: contextScore(
    {
      summary: 'Loyalty points on refunds',
      description: 'Handle loyalty points when orders are refunded.',
      acceptanceCriteriaField: null,
      storyPoints: 3,
      parentKey: null,
    },
    [
      { fieldKey: 'description', changedAt: new Date('2024-05-03') },
      { fieldKey: 'acceptance_criteria', changedAt: new Date('2024-05-04') },
    ],
    config,
  ),
};

const rewriteDiff = `diff --git a/src/loyalty.spec.ts b/src/loyalty.spec.ts
--- a/src/loyalty.spec.ts
+++ b/src/loyalty.spec.ts
@@ -12,1 +12,1 @@
-    expect(pointsAfterRefund(order)).toBe(0);
+    expect(pointsAfterRefund(order)).toBe(40);
`;

describe('missing-context signal builders', () => {
  it('weigh a ticket without criteria less in a project where nearly every ticket starts that way', () => {
    const rare = noAcceptanceCriteriaSignal(
      { ...vagueTicket, norm: { started: 80, noCriteriaShare: 0.15, thinShare: 0.1 } },
      config,
    );
    const usual = noAcceptanceCriteriaSignal(
      { ...vagueTicket, norm: { started: 80, noCriteriaShare: 0.85, thinShare: 0.6 } },
      config,
    );
    expect(rare?.weight).toBe(config.signalWeights.missingContext.no_acceptance_criteria_at_start);
    expect(usual?.weight).toBeCloseTo(
      config.signalWeights.missingContext.no_acceptance_criteria_at_start * 0.3,
      3,
    );
    expect(usual?.evidence.description).toContain("85% of its project's tickets");
  });

  it('build one signal each from a vague, churned ticket and its fix, with evidence and links', () => {
    const reading = readDefectText(
      'Partial refunds remove all points. Not what the customer asked for: the story never specified partial refunds.',
    );
    const signals = [
      noAcceptanceCriteriaSignal(vagueTicket, config),
      thinDescriptionSignal(vagueTicket, config),
      requirementChurnSignal(vagueTicket, config),
      clarifyingQuestionsSignal(
        [
          {
            sentence: 'Should partial refunds remove points proportionally?',
            url: 'https://github.com/acme/shop/pull/88#discussion_r1',
          },
        ],
        config,
      ),
      expectationTextSignal(reading, { key: 'SHOP-77' }, config),
      testExpectationRewriteSignal(
        readTestExpectationChanges(rewriteDiff, config.testFileGlobs),
        { ref: 'acme/shop#95' },
        config,
      ),
      untrackedOriginSignal({ ref: 'acme/shop#88', workItemKeys: [] }, config),
    ].filter((signal): signal is Signal => signal !== null);
    expect(signals.map((signal) => signal.id)).toEqual([
      'no_acceptance_criteria_at_start',
      'thin_description_at_start',
      'requirement_churn_after_start',
      'clarifying_questions_before_merge',
      'expectation_text',
      'fix_rewrites_test_expectations',
      'untracked_origin',
    ]);
    expect(signals.every((signal) => signal.side === 'missing_context' && signal.weight > 0)).toBe(
      true,
    );
    expect(signals[0]?.evidence.url).toBe('https://acme.atlassian.net/browse/SHOP-41');
    expect(signals[3]?.weight).toBe(0.75);
    expect(signals[5]?.evidence.excerpt).toBe(
      'src/loyalty.spec.ts:12 expect(pointsAfterRefund(order)).toBe(0);',
    );
    expect(attributeCause(signals, config).cause).toBe('missing_context');
  });

  it('count the same question asked on the PR and on the ticket once', () => {
    const question = { sentence: 'Should refunds also return the loyalty points?' };
    const twice = clarifyingQuestionsSignal(
      [question, { ...question, sentence: 'Should refunds also return the loyalty  points? ' }],
      config,
    );
    expect(twice?.weight).toBe(
      config.signalWeights.missingContext.clarifying_questions_before_merge * 0.75,
    );
    expect(twice?.evidence.description).toBe('1 clarifying question(s) about intent before merge');
  });

  it('give nothing without evidence', () => {
    const clear = {
      ...vagueTicket,
      context: contextScore(
        {
          summary: 's',
          description:
            'Given a refund\nWhen it is partial\nThen points are prorated, as agreed with finance in the meeting on Monday with the whole team present.',
          acceptanceCriteriaField: null,
          storyPoints: 2,
          parentKey: 'SHOP-1',
        },
        [],
        config,
      ),
    };
    expect(noAcceptanceCriteriaSignal(clear, config)).toBeNull();
    expect(thinDescriptionSignal(clear, config)).toBeNull();
    expect(requirementChurnSignal(clear, config)).toBeNull();
    expect(noAcceptanceCriteriaSignal(null, config)).toBeNull();
    expect(clarifyingQuestionsSignal([], config)).toBeNull();
    expect(
      expectationTextSignal(
        readDefectText('NullPointerException in refunds'),
        { key: 'B-1' },
        config,
      ),
    ).toBeNull();
    expect(
      untrackedOriginSignal({ ref: 'acme/shop#9', workItemKeys: ['SHOP-9'] }, config),
    ).toBeNull();
  });
});
