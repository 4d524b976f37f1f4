import { contextScore, defaultAnalysisConfig as config, type Signal } from '../core';
import type {
  AnalysisDataset,
  PullRequestRecord,
  WorkItemRecord,
} from '../domain/analysis-dataset';
import { defaultLinkBase, type DetectedRework } from '../detection/detected-rework';
import type { ContextAtStart } from '../scoring/context-at-start';
import { build } from '../testing/build';
import { signalsFor, type SignalContext } from './item-signals';

/** A small organisation: one repository, PRs and tickets given per test, nothing else. */
function pullRequest(number: number, mergedAt: string, overrides: Partial<PullRequestRecord> = {}) {
  return build.pullRequest({ number, mergedAt: new Date(mergedAt), ...overrides });
}

const story: WorkItemRecord = {
  id: 'jira:1',
  key: 'SHOP-1',
  type: 'Story',
  status: 'Done',
  statusId: '3',
  statusCategory: 'done',
  summary: 'Gift cards at checkout',
  description: 'Accept gift cards.',
  acceptanceCriteriaField: null,
  storyPoints: 3,
  parentKey: null,
  labels: [],
  createdAt: new Date('2024-05-01T09:00:00Z'),
  // Resolved again after the reopen, which is why resolution time cannot bound the questions.
  resolvedAt: new Date('2024-05-20T09:00:00Z'),
};

function context(pullRequests: PullRequestRecord[], workItems: WorkItemRecord[] = []) {
  const dataset: AnalysisDataset = {
    repositories: new Map([
      ['github:acme/shop', { id: 'github:acme/shop', fullName: 'acme/shop' }],
    ]),
    pullRequests: new Map(pullRequests.map((pr) => [pr.id, pr])),
    pullRequestByNumber: new Map(
      pullRequests.map((pr) => [`${pr.repositoryId}#${pr.number}`, pr.id]),
    ),
    pullRequestsByWorkItem: new Map(),
    workItems: new Map(workItems.map((item) => [item.id, item])),
    workItemByKey: new Map(workItems.map((item) => [item.key, item])),
    changes: new Map(),
    links: new Map(),
    deployments: [],
    incidents: [],
    statusCategoryOf: () => undefined,
  };
  const contexts = new Map<string, ContextAtStart>(
    workItems.map((item) => [
      item.id,
      {
        workItem: item,
        startedAt: new Date('2024-05-02T09:00:00Z'),
        startedFrom: 'status',
        inProgressAt: new Date('2024-05-02T09:00:00Z'),
        score: contextScore(
          {
            summary: item.summary,
            description: item.description,
            acceptanceCriteriaField: item.acceptanceCriteriaField,
            storyPoints: item.storyPoints,
            parentKey: item.parentKey,
          },
          [],
          config,
        ),
      },
    ]),
  );
  return (overrides: Partial<SignalContext> = {}): SignalContext => ({
    dataset,
    config,
    links: defaultLinkBase,
    contexts,
    reviewScores: new Map(),
    questions: new Map(),
    filesOf: () => [],
    norms: new Map(),
    ...overrides,
  });
}

function item(overrides: Partial<DetectedRework>): DetectedRework {
  return {
    id: 'item',
    kind: 'follow-up-fix',
    repositoryId: 'github:acme/shop',
    reworkPullRequestIds: [],
    reworkWorkItemKeys: [],
    incidentId: null,
    originPullRequestIds: [],
    originWorkItemKeys: [],
    rule: 'test',
    detection: { rules: [], facts: [], links: [] },
    occurredAt: new Date('2024-05-10T09:00:00Z'),
    endedAt: null,
    defectTexts: [],
    expectations: null,
    ...overrides,
  };
}

const ids = (signals: Signal[]): string[] => signals.map((signal) => signal.id).sort();

describe('signalsFor', () => {
  it('takes the failure a revert answers from its own words when no deployment failed', () => {
    const origin = pullRequest(10, '2024-05-03T09:00:00Z');
    const revert = pullRequest(11, '2024-05-03T12:00:00Z', {
      createdAt: new Date('2024-05-03T11:00:00Z'),
    });
    const signals = signalsFor(
      item({
        kind: 'revert',
        reworkPullRequestIds: [revert.id],
        originPullRequestIds: [origin.id],
        defectTexts: [{ key: '#11', text: 'This broke the build on main, reverting.' }],
      }),
      context([origin, revert])(),
    );
    const fast = signals.find((signal) => signal.id === 'fast_revert_after_failure');
    expect(fast?.evidence).toMatchObject({
      description: '#11 reverted 3 h after merge, after a failing build',
      excerpt: 'This broke the build on main, reverting.',
      url: 'https://github.com/acme/shop/pull/11',
    });
  });

  it('finds no failure in a revert that only says product asked for it', () => {
    const origin = pullRequest(10, '2024-05-03T09:00:00Z');
    const revert = pullRequest(11, '2024-05-03T12:00:00Z');
    const signals = signalsFor(
      item({
        kind: 'revert',
        reworkPullRequestIds: [revert.id],
        originPullRequestIds: [origin.id],
        defectTexts: [{ key: '#11', text: 'Product wants to hold this until the launch.' }],
      }),
      context([origin, revert])(),
    );
    expect(ids(signals)).not.toContain('fast_revert_after_failure');
  });

  it('counts ticket questions asked before the rework, not those asked after it', () => {
    const origin = pullRequest(10, '2024-05-04T09:00:00Z', { workItemKeys: ['SHOP-1'] });
    const reopened = item({
      kind: 'reopened',
      reworkWorkItemKeys: ['SHOP-1'],
      originWorkItemKeys: ['SHOP-1'],
      originPullRequestIds: [origin.id],
      occurredAt: new Date('2024-05-12T09:00:00Z'),
    });
    const asked = (at: string) =>
      new Map([
        ['SHOP-1', [{ sentence: 'Should expired gift cards be refused?', at: new Date(at) }]],
      ]);
    const build = context([origin], [story]);
    // Asked while the ticket was reopened: before its final resolution, but part of the rework.
    expect(
      ids(signalsFor(reopened, build({ questions: asked('2024-05-13T09:00:00Z') }))),
    ).not.toContain('clarifying_questions_before_merge');
    expect(
      ids(signalsFor(reopened, build({ questions: asked('2024-05-03T09:00:00Z') }))),
    ).toContain('clarifying_questions_before_merge');
  });

  it('quotes the rubber-stamped origin PR with its risk, depth and what its review saw', () => {
    const origin = pullRequest(10, '2024-05-03T09:00:00Z');
    const second = pullRequest(9, '2024-05-02T09:00:00Z');
    const fixPr = pullRequest(12, '2024-05-08T09:00:00Z');
    const score = (pr: PullRequestRecord, risk: number, rubberStamp: boolean) => ({
      pullRequestId: pr.id,
      risk,
      depth: 14,
      riskComponents: [],
      depthComponents: [
        { name: 'humanReviewers', points: 12.5, max: 25, reason: '1 human reviewer(s)' },
        { name: 'substantiveComments', points: 0, max: 35, reason: '0 substantive comment(s)' },
      ],
      rubberStamp,
      overReview: false,
    });
    const signals = signalsFor(
      item({ reworkPullRequestIds: [fixPr.id], originPullRequestIds: [second.id, origin.id] }),
      context([origin, second, fixPr])({
        reviewScores: new Map([
          // The first origin was small and safe: a quick approval of it is no finding.
          [second.id, score(second, 18, false)],
          [origin.id, score(origin, 74, true)],
        ]),
      }),
    );
    const light = signals.filter((signal) => signal.id === 'light_review_for_risk');
    expect(light).toHaveLength(1);
    expect(light[0]?.evidence).toEqual({
      kind: 'review_calibration',
      description:
        '#10 was lightly reviewed for its risk (a rubber stamp: approved within 30 min with no substantive comment): risk 74 (high from 60), review depth 14; 1 human reviewer(s), 0 substantive comment(s)',
      url: 'https://github.com/acme/shop/pull/10',
    });
  });

  it('sizes a fix by the code lines it touches, not the tests beside them', () => {
    const origin = pullRequest(10, '2024-05-03T09:00:00Z');
    const fixPr = pullRequest(12, '2024-05-08T09:00:00Z', {
      additions: 9,
      deletions: 1,
      changedFiles: 2,
    });
    const signals = signalsFor(
      item({ reworkPullRequestIds: [fixPr.id], originPullRequestIds: [origin.id] }),
      context([origin, fixPr])({
        filesOf: () => [
          { path: 'src/cards/redeem.ts', lines: 1 },
          { path: 'src/cards/redeem.test.ts', lines: 8 },
        ],
      }),
    );
    expect(signals.find((signal) => signal.id === 'small_local_fix')).toMatchObject({
      weight: config.signalWeights.execution.small_local_fix,
      evidence: { description: '#12 is small and local: 1 code line(s) touched in 1 file(s)' },
    });
  });
});
