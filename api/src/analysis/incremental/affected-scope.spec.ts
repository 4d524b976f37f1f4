import { parseAnalysisConfig } from '../core';
import type { AnalysisDataset, PullRequestRecord } from '../domain/analysis-dataset';
import { build } from '../testing/build';
import { affectedScope, touchesScope } from './affected-scope';

const day = 86_400_000;
const t0 = Date.UTC(2025, 0, 1);

function pr(
  id: string,
  repositoryId: string,
  mergedDay: number,
  keys: string[] = [],
): PullRequestRecord {
  return build.pullRequest({
    id,
    repositoryId,
    repo: repositoryId.replace(/^github:/, ''),
    number: Number(id.split('#')[1]),
    createdAt: new Date(t0 + (mergedDay - 1) * day),
    mergedAt: new Date(t0 + mergedDay * day),
    workItemKeys: keys,
  });
}

function dataset(prs: PullRequestRecord[]): AnalysisDataset {
  const workItem = (id: string, key: string) => ({
    id,
    key,
    type: 'Story',
    status: 'Done',
    statusId: '3',
    statusCategory: 'done' as const,
    summary: key,
    description: null,
    acceptanceCriteriaField: null,
    storyPoints: null,
    parentKey: null,
    labels: [],
    createdAt: new Date(t0),
    resolvedAt: null,
  });
  const items = [
    workItem('jira:1', 'PAY-1'),
    workItem('jira:2', 'PAY-2'),
    workItem('jira:3', 'PAY-3'),
  ];
  return {
    repositories: new Map(),
    pullRequests: new Map(prs.map((entry) => [entry.id, entry])),
    pullRequestByNumber: new Map(),
    pullRequestsByWorkItem: new Map([['PAY-1', ['github:a/x#1']]]),
    workItems: new Map(items.map((item) => [item.id, item])),
    workItemByKey: new Map(items.map((item) => [item.key, item])),
    changes: new Map(),
    // PAY-2 (a bug) says it is caused by PAY-1; only PAY-2 holds the link.
    links: new Map([
      [
        'jira:2',
        [
          {
            workItemId: 'jira:2',
            linkType: 'Causes',
            direction: 'inward',
            relation: 'is caused by',
            otherKey: 'PAY-1',
          },
        ],
      ],
    ]),
    deployments: [
      {
        id: 'd1',
        repositoryId: 'github:a/x',
        sha: 's',
        createdAt: new Date(t0 + 200 * day),
        status: 'success',
      },
    ],
    incidents: [
      {
        id: 'i1',
        repositoryId: 'github:a/x',
        repo: 'a/x',
        issueNumber: 9,
        title: 't',
        body: '',
        createdAt: new Date(t0 + 200 * day + 3_600_000),
        closedAt: null,
      },
      {
        id: 'i2',
        repositoryId: 'github:a/x',
        repo: 'a/x',
        issueNumber: 10,
        title: 't',
        body: '',
        createdAt: new Date(t0 + 210 * day),
        closedAt: null,
      },
    ],
    statusCategoryOf: () => undefined,
  };
}

describe('affectedScope', () => {
  const config = parseAnalysisConfig({});
  const prs = [
    pr('github:a/x#1', 'github:a/x', 10, ['PAY-1']),
    pr('github:a/x#2', 'github:a/x', 35),
    pr('github:a/x#3', 'github:a/x', 200),
    pr('github:b/y#4', 'github:b/y', 11),
  ];
  const none = { pullRequestIds: [], workItemIds: [], incidentIds: [], deploymentIds: [] };

  it('reaches the same repository within the windows, and the linked items both ways', () => {
    const scope = affectedScope(
      dataset(prs),
      { ...none, pullRequestIds: ['github:a/x#2'] },
      config,
    );
    expect([...scope.pullRequestIds].sort()).toEqual(['github:a/x#1', 'github:a/x#2']);
    expect([...scope.workItemKeys].sort()).toEqual(['PAY-1', 'PAY-2']);
    expect([...scope.repositoryIds]).toEqual(['github:a/x']);
  });

  it('brings a changed work item with its PRs and what they can touch', () => {
    const bug = affectedScope(dataset(prs), { ...none, workItemIds: ['jira:2'] }, config);
    expect([...bug.workItemKeys].sort()).toEqual(['PAY-1', 'PAY-2']);
    const scope = affectedScope(dataset(prs), { ...none, workItemIds: ['jira:1'] }, config);
    expect(scope.workItemKeys.has('PAY-2')).toBe(true);
    expect(scope.pullRequestIds.has('github:a/x#1')).toBe(true);
    expect(scope.pullRequestIds.has('github:a/x#2')).toBe(true);
    expect(scope.pullRequestIds.has('github:a/x#3')).toBe(false);
    expect(scope.pullRequestIds.has('github:b/y#4')).toBe(false);
  });

  it('brings the incidents that follow a changed deployment within the window only', () => {
    const scope = affectedScope(dataset(prs), { ...none, deploymentIds: ['d1'] }, config);
    expect([...scope.incidentIds]).toEqual(['i1']);
  });

  it('says whether an item touches the scope through any of its records', () => {
    const scope = affectedScope(dataset(prs), { ...none, incidentIds: ['i2'] }, config);
    const item = {
      reworkPullRequestIds: [],
      originPullRequestIds: ['github:b/y#4'],
      reworkWorkItemKeys: [],
      originWorkItemKeys: [],
      incidentId: 'i2',
    };
    expect(touchesScope(item, scope)).toBe(true);
    expect(touchesScope({ ...item, incidentId: null }, scope)).toBe(false);
  });
});
