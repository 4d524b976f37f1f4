import {
  nodeIdOf,
  type GithubDataset,
  type SimPullRequest,
  type SimRepository,
  type SimReview,
} from './github-dataset';

/**
 * GraphQL resolvers as plain objects: graphql-js's default resolver reads a property, or calls it
 * with the field's arguments when it is a function. `__typename` lets the default type resolver
 * pick the member of an interface or union.
 */
type View = { [field: string]: unknown };
interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

const encodeCursor = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64');
const decodeCursor = (cursor: string): unknown =>
  JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));

function connection<T>(
  items: readonly T[],
  args: ConnectionArgs,
  view: (item: T) => View,
  cursorOf: (item: T, index: number) => string,
): View {
  const count = args.first ?? args.last ?? items.length;
  const slice =
    args.last !== undefined && args.last !== null && args.first == null
      ? items.slice(-count)
      : items.slice(0, count);
  const offset =
    args.last !== undefined && args.last !== null && args.first == null
      ? items.length - slice.length
      : 0;
  const cursors = slice.map((item, index) => cursorOf(item, index + offset));
  return {
    totalCount: items.length,
    pageInfo: {
      hasNextPage: offset + slice.length < items.length,
      hasPreviousPage: offset > 0,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    },
    nodes: slice.map(view),
    edges: slice.map((item, index) => ({ cursor: cursors[index], node: view(item) })),
  };
}

/** Offset cursors, for connections whose order never changes. */
function offsetConnection<T>(
  items: readonly T[],
  args: ConnectionArgs,
  view: (item: T) => View,
  base = 0,
): View {
  const afterIndex = args.after ? Number(decodeCursor(args.after)) : -1;
  const rest = items.slice(afterIndex + 1);
  return connection(rest, args, view, (_item, index) =>
    encodeCursor(afterIndex + 1 + index + base),
  );
}

/**
 * `node(id:)` by kind and database id, built once per dataset: a scan of every PR and review per
 * lookup made a 100,000-PR sync's follow-up queries quadratic. Entries point at the live objects,
 * so in-place edits show; ids missing from it fall back to a scan.
 */
const nodeIndexes = new WeakMap<
  GithubDataset,
  Map<string, { repo: SimRepository; pr: SimPullRequest }>
>();

function nodeIndexOf(
  dataset: GithubDataset,
): Map<string, { repo: SimRepository; pr: SimPullRequest }> {
  const known = nodeIndexes.get(dataset);
  if (known !== undefined) return known;
  const index = new Map<string, { repo: SimRepository; pr: SimPullRequest }>();
  for (const repo of dataset.repositories)
    for (const pr of repo.pullRequests) {
      index.set(`PullRequest:${pr.databaseId}`, { repo, pr });
      for (const review of pr.reviews)
        index.set(`PullRequestReview:${review.databaseId}`, { repo, pr });
    }
  nodeIndexes.set(dataset, index);
  return index;
}

export class GraphqlViews {
  constructor(
    private readonly dataset: GithubDataset,
    /** The web host (github.com, or the GHE host): where `url` fields and clone URLs point. */
    private readonly webUrl = 'https://github.test',
  ) {}

  root(): View {
    return {
      repository: (args: { owner: string; name: string }) => {
        const repo = this.dataset.repositories.find(
          (candidate) =>
            candidate.owner.toLowerCase() === args.owner.toLowerCase() &&
            candidate.name.toLowerCase() === args.name.toLowerCase(),
        );
        return repo === undefined ? null : this.repository(repo);
      },
      node: (args: { id: string }) => this.node(args.id),
    };
  }

  private actor(login: string): View | null {
    const user = this.dataset.users.find((candidate) => candidate.login === login);
    if (user === undefined)
      return {
        __typename: 'User',
        login,
        id: nodeIdOf('User', login),
        url: `${this.webUrl}/${login}`,
      };
    return {
      __typename: user.type,
      login: user.login,
      id: nodeIdOf(user.type, user.databaseId),
      databaseId: user.databaseId,
      url: `${this.webUrl}/${user.type === 'Bot' ? 'apps/' : ''}${user.login}`,
      name: user.name,
      email: user.email ?? '',
    };
  }

  private node(id: string): View | null {
    const [kind, key] = Buffer.from(id, 'base64url').toString('utf8').split(':');
    if (key === undefined) return null;
    const databaseId = Number(key);
    const indexed = nodeIndexOf(this.dataset).get(`${kind}:${databaseId}`);
    const view =
      indexed === undefined ? null : this.nodeView(kind, databaseId, indexed.repo, indexed.pr);
    if (view !== null) return view;
    // Not indexed (added since the index was built: tests grow datasets in place) or moved: scan.
    for (const repo of this.dataset.repositories)
      for (const pr of repo.pullRequests) {
        const found = this.nodeView(kind, databaseId, repo, pr);
        if (found !== null) return found;
      }
    return null;
  }

  private nodeView(
    kind: string | undefined,
    databaseId: number,
    repo: SimRepository,
    pr: SimPullRequest,
  ): View | null {
    if (kind === 'PullRequest' && pr.databaseId === databaseId) return this.pullRequest(repo, pr);
    if (kind === 'PullRequestReview') {
      const review = pr.reviews.find((candidate) => candidate.databaseId === databaseId);
      if (review !== undefined)
        return { __typename: 'PullRequestReview', ...this.review(repo, pr, review) };
    }
    return null;
  }

  repository(repo: SimRepository): View {
    return {
      __typename: 'Repository',
      id: nodeIdOf('Repository', repo.databaseId),
      databaseId: repo.databaseId,
      name: repo.name,
      nameWithOwner: `${repo.owner}/${repo.name}`,
      owner: {
        __typename: 'Organization',
        login: repo.owner,
        id: nodeIdOf('Organization', repo.owner),
      },
      isPrivate: repo.isPrivate,
      createdAt: repo.createdAt,
      updatedAt: repo.updatedAt,
      url: `${this.webUrl}/${repo.owner}/${repo.name}`,
      defaultBranchRef: {
        __typename: 'Ref',
        name: repo.defaultBranch,
        id: nodeIdOf('Ref', `${repo.databaseId}`),
      },
      pullRequests: (
        args: ConnectionArgs & {
          orderBy?: { field: string; direction: string };
          states?: string[] | null;
        },
      ) => {
        const field = args.orderBy?.field === 'CREATED_AT' ? 'createdAt' : 'updatedAt';
        const sign = args.orderBy?.direction === 'DESC' ? -1 : 1;
        const key = (pr: SimPullRequest): [string, number] => [pr[field], pr.number];
        const compare = (a: [string, number], b: [string, number]): number =>
          sign * (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]);
        let items = repo.pullRequests.filter(
          (pr) => !args.states || args.states.includes(pr.state),
        );
        items = [...items].sort((a, b) => compare(key(a), key(b)));
        if (args.after) {
          const after = decodeCursor(args.after) as [string, number];
          items = items.filter((pr) => compare(key(pr), after) > 0);
        }
        return connection(
          items,
          args,
          (pr) => this.pullRequest(repo, pr),
          (pr) => encodeCursor(key(pr)),
        );
      },
      deployments: (args: ConnectionArgs & { orderBy?: { direction: string } }) => {
        const items = [...repo.deployments].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
        if (args.orderBy?.direction === 'DESC') items.reverse();
        return offsetConnection(items, args, (deployment) => {
          const latest = deployment.statuses.at(-1);
          const status = (entry: (typeof deployment.statuses)[number]): View => ({
            id: nodeIdOf('DeploymentStatus', entry.databaseId),
            state: entry.state,
            description: entry.description,
            createdAt: entry.createdAt,
            updatedAt: entry.createdAt,
            creator: this.actor(deployment.creator),
          });
          return {
            id: nodeIdOf('Deployment', deployment.databaseId),
            databaseId: deployment.databaseId,
            environment: deployment.environment,
            originalEnvironment: deployment.environment,
            ref: { __typename: 'Ref', name: deployment.ref, id: nodeIdOf('Ref', deployment.ref) },
            commitOid: deployment.sha,
            commit: {
              __typename: 'Commit',
              oid: deployment.sha,
              id: nodeIdOf('Commit', deployment.sha),
            },
            creator: this.actor(deployment.creator),
            createdAt: deployment.createdAt,
            updatedAt: latest?.createdAt ?? deployment.createdAt,
            state: latest?.state ?? 'PENDING',
            latestStatus: latest === undefined ? null : status(latest),
            statuses: (statusArgs: ConnectionArgs) =>
              offsetConnection(deployment.statuses, statusArgs, status),
          };
        });
      },
      releases: (args: ConnectionArgs & { orderBy?: { direction: string } }) => {
        const items = [...repo.releases].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
        if (args.orderBy?.direction === 'DESC') items.reverse();
        return offsetConnection(items, args, (release) => ({
          id: nodeIdOf('Release', release.databaseId),
          databaseId: release.databaseId,
          tagName: release.tagName,
          createdAt: release.createdAt,
          updatedAt: release.publishedAt ?? release.createdAt,
        }));
      },
      issues: (
        args: ConnectionArgs & { labels?: string[] | null; orderBy?: { direction: string } },
      ) => {
        const items = repo.issues
          .filter(
            (issue) => !args.labels || issue.labels.some((label) => args.labels?.includes(label)),
          )
          .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : 1));
        if (args.orderBy?.direction === 'DESC') items.reverse();
        return offsetConnection(items, args, (issue) => ({
          id: nodeIdOf('Issue', issue.databaseId),
          number: issue.number,
          updatedAt: issue.updatedAt,
        }));
      },
    };
  }

  pullRequest(repo: SimRepository, pr: SimPullRequest): View {
    return {
      __typename: 'PullRequest',
      id: nodeIdOf('PullRequest', pr.databaseId),
      databaseId: pr.databaseId,
      number: pr.number,
      title: pr.title,
      body: pr.body,
      url: `${this.webUrl}/${repo.owner}/${repo.name}/pull/${pr.number}`,
      state: pr.state,
      merged: pr.state === 'MERGED',
      isDraft: pr.isDraft,
      createdAt: pr.createdAt,
      updatedAt: pr.updatedAt,
      mergedAt: pr.mergedAt,
      closedAt: pr.closedAt,
      additions: pr.files.reduce((sum, file) => sum + file.additions, 0),
      deletions: pr.files.reduce((sum, file) => sum + file.deletions, 0),
      changedFiles: pr.files.length,
      headRefName: pr.headRefName,
      baseRefName: pr.baseRefName,
      mergeCommit:
        pr.mergeCommitSha === null
          ? null
          : {
              __typename: 'Commit',
              oid: pr.mergeCommitSha,
              id: nodeIdOf('Commit', pr.mergeCommitSha),
            },
      author: this.actor(pr.author),
      repository: () => this.repository(repo),
      labels: (args: ConnectionArgs) =>
        offsetConnection(pr.labels, args, (name) => ({
          id: nodeIdOf('Label', name),
          name,
          color: 'ededed',
        })),
      reviews: (args: ConnectionArgs) =>
        offsetConnection(pr.reviews, args, (review) => this.review(repo, pr, review)),
      comments: (args: ConnectionArgs) =>
        offsetConnection(pr.comments, args, (comment) => ({
          id: nodeIdOf('IssueComment', comment.databaseId),
          databaseId: comment.databaseId,
          author: this.actor(comment.author),
          body: comment.body,
          createdAt: comment.createdAt,
          url: `${this.webUrl}/${repo.owner}/${repo.name}/pull/${pr.number}#issuecomment-${comment.databaseId}`,
        })),
      commits: (args: ConnectionArgs) =>
        offsetConnection(pr.commits, args, (commit) => ({
          id: nodeIdOf('PullRequestCommit', `${pr.databaseId}-${commit.sha}`),
          commit: {
            id: nodeIdOf('Commit', commit.sha),
            oid: commit.sha,
            message: commit.message,
            messageHeadline: commit.message.split('\n')[0],
            authoredDate: commit.authoredDate,
            committedDate: commit.authoredDate,
            author: {
              name: commit.authorName,
              email: commit.authorEmail,
              date: commit.authoredDate,
              user: commit.authorLogin === null ? null : this.actor(commit.authorLogin),
            },
          },
        })),
      files: (args: ConnectionArgs) => offsetConnection(pr.files, args, (file) => ({ ...file })),
      timelineItems: (args: ConnectionArgs & { itemTypes?: string[] | null }) =>
        offsetConnection(
          pr.timeline.filter((event) => !args.itemTypes || args.itemTypes.includes(event.kind)),
          args,
          (event) =>
            event.kind === 'READY_FOR_REVIEW_EVENT'
              ? {
                  __typename: 'ReadyForReviewEvent',
                  id: nodeIdOf('ReadyForReviewEvent', `${pr.databaseId}-${event.createdAt}`),
                  createdAt: event.createdAt,
                  actor: this.actor(event.actor),
                }
              : {
                  __typename: 'ReviewRequestedEvent',
                  id: nodeIdOf('ReviewRequestedEvent', `${pr.databaseId}-${event.createdAt}`),
                  createdAt: event.createdAt,
                  actor: this.actor(event.actor),
                  requestedReviewer: this.actor(event.requestedReviewer),
                },
        ),
    };
  }

  private review(repo: SimRepository, pr: SimPullRequest, review: SimReview): View {
    return {
      id: nodeIdOf('PullRequestReview', review.databaseId),
      databaseId: review.databaseId,
      author: this.actor(review.author),
      state: review.state,
      body: review.body,
      submittedAt: review.submittedAt,
      createdAt: review.submittedAt,
      comments: (args: ConnectionArgs) =>
        offsetConnection(review.comments, args, (comment) => ({
          id: nodeIdOf('PullRequestReviewComment', comment.databaseId),
          databaseId: comment.databaseId,
          author: this.actor(comment.author),
          body: comment.body,
          path: comment.path,
          createdAt: comment.createdAt,
          url: `${this.webUrl}/${repo.owner}/${repo.name}/pull/${pr.number}#discussion_r${comment.databaseId}`,
        })),
    };
  }
}
