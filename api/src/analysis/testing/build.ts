import type { PullRequestRecord } from '../domain/analysis-dataset';

const hourMs = 3_600_000;

/**
 * Test factories for the analysis dataset: each record with harmless defaults, so a spec states
 * only what it is about. A pull request is merged an hour after it was opened unless told.
 */
export const build = {
  pullRequest: (
    overrides: Partial<PullRequestRecord> & { number: number; mergedAt: Date },
  ): PullRequestRecord => {
    const repo = overrides.repo ?? 'acme/shop';
    return {
      id: `github:${repo}#${overrides.number}`,
      repositoryId: `github:${repo}`,
      repo,
      title: `PR ${overrides.number}`,
      labels: [],
      headRef: `branch-${overrides.number}`,
      authorLogin: 'dev',
      isAgent: false,
      createdAt: new Date(overrides.mergedAt.getTime() - hourMs),
      additions: 10,
      deletions: 2,
      changedFiles: 2,
      mergeCommitSha: null,
      workItemKeys: [],
      ...overrides,
    };
  },
};
