import {
  acceptanceCriteriaShare,
  clarificationRate,
  contextScoreAtStartMean,
  contextScoreAtStartMedian,
  missingContextReworkEffortShare,
  missingContextReworkShare,
  requirementChurnRate,
} from './context.js';
import { defaultMetricOptions as options } from './metric-result.js';
import { at, build, march } from './testing/build.js';

const inMarch = at('2026-03-10T00:00:00Z');
const data = build.dataset({
  workItems: [
    build.workItem({
      key: 'W1',
      workStartedAt: inMarch,
      contextScoreAtStart: 80,
      hadAcceptanceCriteriaAtStart: true,
      churnAfterStart: 0,
    }),
    build.workItem({
      key: 'W2',
      workStartedAt: inMarch,
      contextScoreAtStart: 40,
      hadAcceptanceCriteriaAtStart: false,
      churnAfterStart: 2,
    }),
    build.workItem({ key: 'W3', workStartedAt: inMarch }), // nothing known
    build.workItem({
      key: 'W4',
      type: 'Subtask',
      workStartedAt: inMarch,
      contextScoreAtStart: 10,
      hadAcceptanceCriteriaAtStart: false,
      churnAfterStart: 5,
    }),
    build.workItem({
      key: 'W5',
      workStartedAt: inMarch,
      contextScoreAtStart: 90,
      hadAcceptanceCriteriaAtStart: true,
      churnAfterStart: 0,
    }),
    build.workItem({
      key: 'W6',
      workStartedAt: at('2026-02-20T00:00:00Z'),
      contextScoreAtStart: 0,
      hadAcceptanceCriteriaAtStart: false,
      churnAfterStart: 3,
    }),
  ],
  pullRequests: [
    build.pullRequest({ id: 'p1', mergedAt: inMarch, clarifyingQuestions: 2 }),
    build.pullRequest({ id: 'p2', mergedAt: inMarch, clarifyingQuestions: 0 }),
    build.pullRequest({ id: 'p3', mergedAt: inMarch, clarifyingQuestions: 1 }),
    build.pullRequest({ id: 'p4', mergedAt: inMarch }), // not analysed
    build.pullRequest({ id: 'p5', mergedAt: at('2026-04-02T00:00:00Z'), clarifyingQuestions: 9 }),
  ],
  reworkItems: [
    build.reworkItem({
      id: 'r1',
      cause: 'missing_context',
      detectedAt: inMarch,
      reworkChanges: [{ pullRequestId: 'x1', lines: 10, cycleHours: 12 }],
    }),
    build.reworkItem({
      id: 'r2',
      cause: 'execution',
      detectedAt: inMarch,
      reworkChanges: [{ pullRequestId: 'x2', lines: 50, cycleHours: 60 }],
    }),
    build.reworkItem({ id: 'r3', cause: 'execution', kind: 'reopened', detectedAt: inMarch }), // no rework PR
    build.reworkItem({
      id: 'r4',
      cause: 'unknown',
      detectedAt: inMarch,
      reworkChanges: [{ pullRequestId: 'x4', lines: 5, cycleHours: 1 }],
    }),
    build.reworkItem({
      id: 'r5',
      cause: 'missing_context',
      detectedAt: at('2026-02-01T00:00:00Z'),
    }),
  ],
});
const subTask = { reason: 'sub-task (counted through its parent)', count: 1 };
const unknownCause = { reason: 'cause unknown (left out of the denominator)', count: 1 };

describe('context quality (March 2026)', () => {
  it('context score at start: mean and median over scored items started in the period', () => {
    // W1 80, W2 40, W5 90 (W3 unscored, W4 sub-task, W6 February): mean 210 / 3 = 70, median 80
    const excluded = [subTask, { reason: 'no context score at start', count: 1 }];
    expect(contextScoreAtStartMean(data, march)).toEqual({
      value: 70,
      universe: { count: 3, noun: 'work items' },
      excluded,
    });
    expect(contextScoreAtStartMedian(data, march)).toEqual({
      value: 80,
      universe: { count: 3, noun: 'work items' },
      excluded,
    });
  });

  it('places an item by when work started: a PR opened in March counts there, whenever the ticket moved', () => {
    const prFirst = build.dataset({
      workItems: [
        build.workItem({
          key: 'P1',
          workStartedAt: inMarch,
          startedAt: at('2026-04-02T00:00:00Z'),
          contextScoreAtStart: 30,
        }),
        build.workItem({ key: 'P2', workStartedAt: inMarch, contextScoreAtStart: 50 }),
        build.workItem({
          key: 'P3',
          workStartedAt: at('2026-02-25T00:00:00Z'),
          startedAt: inMarch,
          contextScoreAtStart: 99,
        }),
      ],
    });
    expect(contextScoreAtStartMean(prFirst, march)).toMatchObject({
      value: 40,
      universe: { count: 2 },
    });
  });

  it('share started with acceptance criteria', () => {
    // W1, W5 of W1, W2, W5 = 2/3
    expect(acceptanceCriteriaShare(data, march)).toEqual({
      value: 2 / 3,
      universe: { count: 3, noun: 'work items' },
      excluded: [subTask, { reason: 'acceptance criteria at start unknown', count: 1 }],
    });
  });

  it('requirement churn rate', () => {
    // only W2 changed after start, of W1, W2, W5 = 1/3
    expect(requirementChurnRate(data, march)).toMatchObject({
      value: 1 / 3,
      universe: { count: 3 },
    });
  });

  it('clarification rate: questions per analysed merged PR', () => {
    // (2 + 0 + 1) / 3 = 1; p4 not analysed
    expect(clarificationRate(data, march)).toEqual({
      value: 1,
      universe: { count: 3, noun: 'pull requests' },
      excluded: [{ reason: 'review comments not analysed', count: 1 }],
    });
  });

  it('missing-context share of rework leaves unknown causes out of the denominator, and says so', () => {
    // r1 missing context of r1, r2, r3 = 1/3; r4 unknown excluded; r5 February
    expect(missingContextReworkShare(data, march)).toEqual({
      value: 1 / 3,
      universe: { count: 3, noun: 'rework items' },
      excluded: [unknownCause],
    });
  });

  it('missing-context share of rework effort uses the capped engineer-days proxy', () => {
    // r1: 12 h; r2: 60 h capped to 40 h; r3 has no PR. 12 / (12 + 40) = 0.2308 (the /6 cancels)
    const result = missingContextReworkEffortShare(data, march, options);
    expect(result.value).toBeCloseTo(12 / 52, 12);
    expect({ ...result, value: 'checked' }).toEqual({
      value: 'checked',
      universe: { count: 2, noun: 'rework items' },
      excluded: [
        unknownCause,
        { reason: 'rework without a pull request (effort not measurable)', count: 1 },
      ],
    });
  });

  it('is not computable when nothing started or no cause is known', () => {
    const april = { ...march, start: at('2026-04-01T00:00:00Z'), end: at('2026-05-01T00:00:00Z') };
    expect(contextScoreAtStartMean(data, april)).toMatchObject({
      value: null,
      reason: 'no work item started in period',
    });
    const onlyUnknown = build.dataset({
      reworkItems: [build.reworkItem({ id: 'u', detectedAt: inMarch })],
    });
    expect(missingContextReworkShare(onlyUnknown, march)).toMatchObject({
      value: null,
      excluded: [unknownCause],
    });
  });
});
