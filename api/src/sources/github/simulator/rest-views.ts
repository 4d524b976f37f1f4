import {
  nodeIdOf,
  type GithubDataset,
  type SimIssue,
  type SimRelease,
  type SimRepository,
} from './github-dataset';

/** REST response bodies in GitHub's shapes (the fields our extractors read, and their neighbours). */
export type RestBody = { [field: string]: unknown } | { [field: string]: unknown }[];

export function restUser(dataset: GithubDataset, login: string): { [field: string]: unknown } {
  const user = dataset.users.find((candidate) => candidate.login === login);
  const restLogin = user?.type === 'Bot' ? `${login}[bot]` : login;
  return {
    login: restLogin,
    id: user?.databaseId ?? 0,
    node_id: nodeIdOf(user?.type ?? 'User', user?.databaseId ?? login),
    type: user?.type ?? 'User',
    site_admin: false,
    html_url: `https://github.test/${restLogin}`,
  };
}

export function restRepository(
  repo: SimRepository,
  webUrl = 'https://github.test',
): { [field: string]: unknown } {
  const htmlUrl = `${webUrl}/${repo.owner}/${repo.name}`;
  return {
    id: repo.databaseId,
    node_id: nodeIdOf('Repository', repo.databaseId),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: repo.isPrivate,
    owner: {
      login: repo.owner,
      id: 1,
      node_id: nodeIdOf('Organization', repo.owner),
      type: 'Organization',
    },
    html_url: htmlUrl,
    // GitHub and GHE serve git on the web host, never under the API prefix.
    clone_url: `${htmlUrl}.git`,
    fork: false,
    archived: false,
    default_branch: repo.defaultBranch,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    pushed_at: repo.updatedAt,
  };
}

export function restRelease(
  dataset: GithubDataset,
  repo: SimRepository,
  release: SimRelease,
): { [field: string]: unknown } {
  return {
    id: release.databaseId,
    node_id: nodeIdOf('Release', release.databaseId),
    tag_name: release.tagName,
    target_commitish: repo.defaultBranch,
    name: release.name,
    draft: release.isDraft,
    prerelease: release.isPrerelease,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    author: restUser(dataset, release.author),
    html_url: `https://github.test/${repo.owner}/${repo.name}/releases/tag/${release.tagName}`,
    body: '',
    assets: [],
  };
}

export function restIssue(
  dataset: GithubDataset,
  repo: SimRepository,
  issue: SimIssue,
): { [field: string]: unknown } {
  return {
    id: issue.databaseId,
    node_id: nodeIdOf('Issue', issue.databaseId),
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    user: restUser(dataset, issue.author),
    labels: issue.labels.map((name, index) => ({
      id: index + 1,
      node_id: nodeIdOf('Label', name),
      name,
      color: 'd73a4a',
      default: false,
    })),
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    html_url: `https://github.test/${repo.owner}/${repo.name}/issues/${issue.number}`,
    comments: 0,
  };
}
