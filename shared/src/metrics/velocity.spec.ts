import { at, build, march, week12 } from './testing/build.js';
import {
  pullRequestCycleTime,
  pullRequestThroughput,
  sprintCompletion,
  storyPointsPerSprint,
  workItemCycleTime,
  workItemThroughput,
} from './velocity.js';

const sprints = [
  build.sprint('S1', '2026-03-02T00:00:00Z', '2026-03-16T00:00:00Z'),
  build.sprint('S2', '2026-03-16T00:00:00Z', '2026-03-30T00:00:00Z'),
];
const sprintItems = build.dataset({
  sprints,
  workItems: [
    build.workItem({
      key: 'A',
      storyPoints: 5,
      committedSprintIds: ['S1'],
      completedInSprintId: 'S1',
    }),
    build.workItem({
      key: 'B',
      storyPoints: 3,
      committedSprintIds: ['S1', 'S2'],
      completedInSprintId: 'S2',
    }), // carried over
    build.workItem({
      key: 'C',
      storyPoints: 2,
      committedSprintIds: ['S2'],
      completedInSprintId: 'S2',
    }),
    build.workItem({ key: 'D', storyPoints: 1, committedSprintIds: [], completedInSprintId: 'S2' }), // added mid-sprint
    build.workItem({
      key: 'E',
      storyPoints: 8,
      committedSprintIds: ['S2'],
      completedInSprintId: null,
    }),
    build.workItem({
      key: 'F',
      storyPoints: null,
      committedSprintIds: ['S1'],
      completedInSprintId: 'S1',
    }),
  ],
});

describe('sprint metrics (sprints S1 and S2 both end in March)', () => {
  it('averages story points completed per sprint', () => {
    // S1: A 5 (+ F unestimated) = 5; S2: B 3 + C 2 + D 1 = 6; mean (5 + 6) / 2 = 5.5
    expect(storyPointsPerSprint(sprintItems, march)).toEqual({
      value: 5.5,
      universe: { count: 2, noun: 'sprints' },
      excluded: [{ reason: 'completed without a story point estimate', count: 1 }],
    });
  });

  it('compares done with committed at sprint start', () => {
    // S1 committed A, B, F; done in S1: A, F. S2 committed B, C, E; done in S2: B, C. (2 + 2) / (3 + 3); D added later.
    const result = storyPointsPerSprint(sprintItems, week12);
    expect(result.value).toBeNull(); // no sprint ends in 16-23 March (S1 ends at its start, exclusive)
    const completion = sprintCompletion(sprintItems, march);
    expect(completion.value).toBeCloseTo(4 / 6, 10);
    expect(completion.universe).toEqual({ count: 6, noun: 'committed work items' });
    expect(completion.excluded).toEqual([
      { reason: 'added to the sprint after it started', count: 1 },
    ]);
  });

  it('places a sprint in the period it ends in, once', () => {
    const february = {
      ...march,
      start: at('2026-02-01T00:00:00Z'),
      end: at('2026-03-01T00:00:00Z'),
      label: '2026-02',
    };
    expect(sprintCompletion(sprintItems, february)).toMatchObject({
      value: null,
      reason: 'no sprint ended in period',
    });
    const s2 = {
      kind: 'sprint' as const,
      start: sprints[1]!.startedAt,
      end: sprints[1]!.endedAt,
      label: 'S2',
    };
    // Only S2: B, C done of B, C, E committed = 2/3; 3 + 2 + 1 = 6 points
    expect(sprintCompletion(sprintItems, s2).value).toBeCloseTo(2 / 3, 10);
    expect(storyPointsPerSprint(sprintItems, s2).value).toBe(6);
  });
});

const flow = build.dataset({
  workItems: [
    build.workItem({
      key: 'A',
      startedAt: at('2026-03-01T00:00:00Z'),
      resolvedAt: at('2026-03-10T00:00:00Z'),
    }),
    build.workItem({
      key: 'B',
      startedAt: at('2026-03-10T00:00:00Z'),
      resolvedAt: at('2026-03-17T00:00:00Z'),
    }), // 7 days
    build.workItem({
      key: 'C',
      startedAt: at('2026-03-18T00:00:00Z'),
      resolvedAt: at('2026-03-20T00:00:00Z'),
    }), // 2 days
    build.workItem({
      key: 'G',
      type: 'Sub-task',
      startedAt: at('2026-03-17T00:00:00Z'),
      resolvedAt: at('2026-03-18T00:00:00Z'),
    }),
    build.workItem({ key: 'H', startedAt: null, resolvedAt: at('2026-03-19T00:00:00Z') }), // straight to done
    build.workItem({ key: 'I', startedAt: at('2026-03-20T00:00:00Z'), resolvedAt: null }),
  ],
  pullRequests: [
    build.pullRequest({
      id: 'p1',
      createdAt: at('2026-03-16T00:00:00Z'),
      mergedAt: at('2026-03-16T10:00:00Z'),
    }), // 10 h
    build.pullRequest({
      id: 'p2',
      createdAt: at('2026-03-15T12:00:00Z'),
      mergedAt: at('2026-03-17T12:00:00Z'),
    }), // 48 h
    build.pullRequest({
      id: 'p3',
      createdAt: at('2026-03-17T00:00:00Z'),
      mergedAt: at('2026-03-17T02:00:00Z'),
    }), // 2 h
    build.pullRequest({
      id: 'p4',
      createdAt: at('2026-03-20T00:00:00Z'),
      mergedAt: at('2026-03-24T00:00:00Z'),
    }), // next week
    build.pullRequest({ id: 'p5', createdAt: at('2026-03-18T00:00:00Z'), mergedAt: null }),
  ],
});

describe('throughput and cycle time (week 12: 16-23 March)', () => {
  it('counts work items resolved per week, without sub-tasks', () => {
    // B, C, H resolved in the week; G is a sub-task. 3 items / 1 week.
    expect(workItemThroughput(flow, week12)).toEqual({
      value: 3,
      universe: { count: 3, noun: 'work items' },
      excluded: [{ reason: 'sub-task (counted through its parent)', count: 1 }],
    });
    // March: A, B, C, H = 4 items over 31/7 weeks = 28/31
    expect(workItemThroughput(flow, march).value).toBeCloseTo(28 / 31, 10);
  });

  it('counts pull requests merged per week', () => {
    expect(pullRequestThroughput(flow, week12).value).toBe(3); // p1, p2, p3
    expect(pullRequestThroughput(flow, march).value).toBeCloseTo(4 / (31 / 7), 10); // p1-p4
  });

  it('takes the median PR cycle time in hours', () => {
    // [10, 48, 2] sorted [2, 10, 48]: median 10
    expect(pullRequestCycleTime(flow, week12)).toEqual({
      value: 10,
      universe: { count: 3, noun: 'pull requests' },
      excluded: [],
    });
    const empty = { ...week12, start: at('2026-04-06T00:00:00Z'), end: at('2026-04-13T00:00:00Z') };
    expect(pullRequestCycleTime(flow, empty)).toMatchObject({
      value: null,
      reason: 'no pull requests merged in period',
    });
  });

  it('takes the median work item cycle time in days, excluding items never in progress', () => {
    // B 7 days, C 2 days: median (7 + 2) / 2 = 4.5; H never in progress; G a sub-task
    expect(workItemCycleTime(flow, week12)).toEqual({
      value: 4.5,
      universe: { count: 2, noun: 'work items' },
      excluded: [
        { reason: 'sub-task (counted through its parent)', count: 1 },
        { reason: 'never moved to in progress', count: 1 },
      ],
    });
  });
});
