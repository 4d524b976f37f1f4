import { defaultAnalysisConfig as config } from './analysis-config';
import { contextScore, type WorkItemAtStart } from './context-score';

const richDescription = `## Problem
Finance closes the month with a CSV of all refunds. Today they rebuild it by hand from Stripe.

## Proposal
Add an export on the refunds page, same filters as the list, one row per refund.
Design: https://acme.atlassian.net/wiki/spaces/FIN/pages/123/Refund+export and https://www.figma.com/file/abc/Refunds

## Acceptance criteria
- [ ] Export respects the date filter
- [ ] Amounts in the account currency with two decimals
- [ ] Partial refunds appear once per refund event`;

const item = (overrides: Partial<WorkItemAtStart>): WorkItemAtStart => ({
  summary: 'Refund export',
  description: richDescription,
  acceptanceCriteriaField: null,
  storyPoints: 5,
  parentKey: 'FIN-10',
  ...overrides,
});

describe('contextScore', () => {
  it('gives a well prepared, stable ticket a high score with every component explained', () => {
    const result = contextScore(item({}), [], config);
    expect(result.score).toBeGreaterThanOrEqual(85);
    expect(result.acceptanceCriteria.found).toBe(true);
    expect(result.designLinks).toHaveLength(2);
    expect(result.components.map((component) => component.name)).toEqual([
      'acceptanceCriteria',
      'descriptionDepth',
      'designLinks',
      'parentContext',
      'estimate',
      'stability',
    ]);
    expect(
      result.components.every(
        (component) => component.reason.length > 0 && component.points <= component.max,
      ),
    ).toBe(true);
  });

  it.each<[string, Partial<WorkItemAtStart>, number, number]>([
    [
      'a one-liner',
      { description: 'make refunds exportable', storyPoints: null, parentKey: null },
      15,
      25,
    ],
    [
      'an empty description with an AC field',
      {
        description: null,
        acceptanceCriteriaField: 'Export has one row per refund',
        storyPoints: null,
        parentKey: null,
      },
      45,
      45,
    ],
    [
      'a long wall of text without AC',
      { description: 'word '.repeat(200), storyPoints: 3, parentKey: 'FIN-1' },
      45,
      60,
    ],
  ])('scores %s within its range', (_name, overrides, low, high) => {
    const { score } = contextScore(item(overrides), [], config);
    expect(score).toBeGreaterThanOrEqual(low);
    expect(score).toBeLessThanOrEqual(high);
  });

  it('marks a thin description and takes stability away with requirement churn after start', () => {
    const stable = contextScore(item({}), [], config);
    const churned = contextScore(
      item({}),
      [
        { fieldKey: 'description', changedAt: new Date('2024-02-02') },
        { fieldKey: 'acceptance_criteria', changedAt: new Date('2024-02-01') },
        { fieldKey: 'assignee', changedAt: new Date('2024-02-01') },
      ],
      config,
    );
    expect(churned.churn.map((change) => change.fieldKey)).toEqual([
      'acceptance_criteria',
      'description',
    ]);
    expect(churned.components.find((component) => component.name === 'stability')?.points).toBe(5);
    expect(stable.score - churned.score).toBe(10);
    expect(
      contextScore(item({ description: 'Export refunds as CSV.' }), [], config).thinDescription,
    ).toBe(true);
  });

  it('follows configured weights', () => {
    const onlyCriteria = {
      ...config,
      contextScore: {
        ...config.contextScore,
        weights: {
          acceptanceCriteria: 1,
          descriptionDepth: 0,
          designLinks: 0,
          parentContext: 0,
          estimate: 0,
          stability: 0,
        },
      },
    };
    expect(contextScore(item({}), [], onlyCriteria).score).toBe(100);
    expect(contextScore(item({ description: 'no criteria here' }), [], onlyCriteria).score).toBe(0);
  });
});
