import { compareWorkItemKeys, type PullRequestView, type WorkItemView } from '@rework-radar/shared';
import type { GithubDataset } from '../../sources/github/simulator/github-dataset';
import type { JiraSimulatorDataset } from '../../sources/jira/simulator/simulator-dataset';

/**
 * What the read API must answer, computed straight from the simulators' datasets (the truth),
 * with GitHub's and Jira's definitions, independently of the connectors and of the api's SQL.
 */

const iso = (value: string): string => new Date(value).toISOString();
const isoOrNull = (value: string | null): string | null => (value === null ? null : iso(value));

/** Keys of known projects in a text: a key starts a word and its number does not run on. */
function keysIn(text: string, projects: readonly string[], caseInsensitive: boolean): string[] {
  const pattern = new RegExp(
    `(?<![A-Za-z0-9_])(${projects.join('|')})-([1-9][0-9]*)(?![0-9])`,
    caseInsensitive ? 'gi' : 'g',
  );
  return [...text.matchAll(pattern)].map(
    (match) => `${(match[1] ?? '').toUpperCase()}-${match[2] ?? ''}`,
  );
}

export function expectedPullRequests(
  dataset: GithubDataset,
  projectKeys: readonly string[],
): PullRequestView[] {
  const bots = new Set(
    dataset.users.filter((user) => user.type === 'Bot').map((user) => user.login),
  );
  const shown = (login: string): string => (bots.has(login) ? `${login}[bot]` : login);
  const views: { order: string; view: PullRequestView }[] = [];
  for (const repository of dataset.repositories) {
    for (const pr of repository.pullRequests) {
      const byOthers = pr.reviews.filter(
        (review) => review.author.toLowerCase() !== pr.author.toLowerCase(),
      );
      const firstReview = byOthers
        .map((review) => Date.parse(review.submittedAt))
        .sort((a, b) => a - b)[0];
      const keys = new Set([
        ...keysIn(pr.title, projectKeys, false),
        ...keysIn(pr.body, projectKeys, false),
        ...keysIn(pr.headRefName, projectKeys, true),
        ...pr.commits.flatMap((commit) => keysIn(commit.message, projectKeys, false)),
      ]);
      views.push({
        order: `${repository.owner}/${repository.name}`.toLowerCase(),
        view: {
          repo: `${repository.owner}/${repository.name}`,
          number: pr.number,
          title: pr.title,
          author: shown(pr.author),
          state: pr.state === 'OPEN' ? 'open' : pr.state === 'MERGED' ? 'merged' : 'closed',
          createdAt: iso(pr.createdAt),
          mergedAt: isoOrNull(pr.mergedAt),
          closedAt: isoOrNull(pr.closedAt),
          firstReviewAt: firstReview === undefined ? null : new Date(firstReview).toISOString(),
          reviewCount: pr.reviews.length,
          additions: pr.files.reduce((sum, file) => sum + file.additions, 0),
          deletions: pr.files.reduce((sum, file) => sum + file.deletions, 0),
          linkedWorkItemKeys: [...keys].sort(compareWorkItemKeys),
        },
      });
    }
  }
  // Repository (lower case, byte order), then number.
  return views
    .sort((a, b) =>
      a.order < b.order ? -1 : a.order > b.order ? 1 : a.view.number - b.view.number,
    )
    .map((entry) => entry.view);
}

export function expectedWorkItems(dataset: JiraSimulatorDataset): WorkItemView[] {
  const statusOf = (id: string | null) => dataset.statuses.find((status) => status.id === id);
  return dataset.issues
    .map((issue): WorkItemView => {
      const status = statusOf(issue.statusId);
      if (status === undefined) throw new Error(`unknown status ${issue.statusId}`);
      const reopens = issue.histories
        .flatMap((history) => history.items)
        .filter(
          (item) =>
            item.field === 'status' &&
            statusOf(item.from)?.category === 'done' &&
            statusOf(item.to)?.category !== 'done',
        ).length;
      return {
        key: issue.key,
        project: issue.projectKey,
        type: issue.issueType,
        summary: issue.summary,
        status: status.name,
        statusCategory: status.category,
        createdAt: iso(issue.created),
        resolvedAt: isoOrNull(issue.resolutionDate),
        storyPoints: issue.storyPoints,
        reopenCount: reopens,
        contextScore: null,
      };
    })
    .sort((a, b) => compareWorkItemKeys(a.key, b.key));
}
