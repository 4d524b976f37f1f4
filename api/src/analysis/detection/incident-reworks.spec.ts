import { defaultAnalysisConfig as config } from '../core';
import type {
  AnalysisDataset,
  DeploymentRow,
  IncidentRow,
  PullRequestRecord,
} from '../domain/analysis-dataset';
import { build } from '../testing/build';
import { defaultLinkBase } from './detected-rework';
import type { FixFacts } from './follow-up-fix-reworks';
import { deploymentRecords, detectIncidentReworks } from './incident-reworks';

const hour = 3_600_000;
const at = (hours: number): Date => new Date(Date.parse('2025-03-03T00:00:00Z') + hours * hour);

function pullRequest(number: number, mergedHour: number, repo = 'acme/shop'): PullRequestRecord {
  return build.pullRequest({ number, repo, mergedAt: at(mergedHour) });
}

function dataset(
  pullRequests: PullRequestRecord[],
  deployments: DeploymentRow[],
  incidents: IncidentRow[],
): AnalysisDataset {
  const repositories = [...new Set(pullRequests.map((pr) => pr.repo))];
  return {
    repositories: new Map(
      repositories.map((repo) => [`github:${repo}`, { id: `github:${repo}`, fullName: repo }]),
    ),
    pullRequests: new Map(pullRequests.map((pr) => [pr.id, pr])),
    pullRequestByNumber: new Map(
      pullRequests.map((pr) => [`${pr.repositoryId}#${pr.number}`, pr.id]),
    ),
    pullRequestsByWorkItem: new Map(),
    workItems: new Map(),
    workItemByKey: new Map(),
    changes: new Map(),
    links: new Map(),
    deployments,
    incidents,
    statusCategoryOf: () => undefined,
  };
}

const deployment = (id: string, hours: number, status = 'success'): DeploymentRow => ({
  id,
  repositoryId: 'github:acme/shop',
  sha: id,
  createdAt: at(hours),
  status,
});

const fixOf = (pr: PullRequestRecord, originIds: string[]): FixFacts => ({
  pr,
  trace: undefined,
  originIds,
  reasons: [],
  files: [],
  fileLines: [],
});

describe('deploymentRecords', () => {
  it('ships the PRs merged since the last deployment that did not fail, in the order they were read', () => {
    const prs = [pullRequest(4, 9), pullRequest(2, 2), pullRequest(3, 5), pullRequest(1, 1)];
    const records = deploymentRecords(
      dataset(prs, [deployment('d1', 2), deployment('d2', 6, 'failure'), deployment('d3', 10)], []),
    );

    expect(records.map((record) => [record.id, record.status, record.changeRefs])).toEqual([
      ['d1', 'success', ['github:acme/shop#2', 'github:acme/shop#1']],
      ['d2', 'failure', []],
      // The failed deployment shipped nothing: #3 goes out with the next one.
      ['d3', 'success', ['github:acme/shop#4', 'github:acme/shop#3']],
    ]);
  });
});

describe('detectIncidentReworks', () => {
  it('takes as hotfixes the fixes opened from an hour before the incident to three days after that trace to a change deployed in its window', () => {
    const bug = pullRequest(1, 0);
    const later = pullRequest(9, 10);
    const hotfix = pullRequest(2, 14);
    const earlyFix = { ...pullRequest(3, 13), createdAt: at(11) }; // opened 1 h before: counts
    const tooEarly = { ...pullRequest(4, 13), createdAt: at(10.99) };
    const tooLate = pullRequest(5, 12 + 73);
    const otherRepo = pullRequest(6, 14, 'acme/other');
    const incident: IncidentRow = {
      id: 'inc-1',
      repositoryId: 'github:acme/shop',
      repo: 'acme/shop',
      issueNumber: 40,
      title: 'Checkout down',
      body: 'Payments fail since this morning.',
      createdAt: at(12),
      closedAt: at(16),
    };
    const fixes = new Map(
      [hotfix, tooEarly, earlyFix, tooLate, otherRepo].map((pr) => [pr.id, fixOf(pr, [bug.id])]),
    );

    const result = detectIncidentReworks(
      dataset(
        [bug, later, hotfix, earlyFix, tooEarly, tooLate, otherRepo],
        [deployment('d1', 1)],
        [incident],
      ),
      config,
      defaultLinkBase,
      fixes,
    );

    expect([...result.absorbedFixIds].sort()).toEqual([earlyFix.id, hotfix.id].sort());
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({
      rule: 'deployment-window+fix-trace',
      reworkPullRequestIds: [hotfix.id, earlyFix.id].sort(),
      originPullRequestIds: [bug.id],
    });
    // Hotfixes are named in the order the fixes came, not by when they were opened.
    expect(result.items[0]?.detection.facts).toContain(
      'fix #2, #3 merged after the incident traces to #1',
    );
  });
});
