import type {
  GithubDataset,
  SimCommit,
  SimDeployment,
  SimIssue,
  SimPullRequest,
  SimRelease,
  SimRepository,
  SimReview,
  SimUser,
} from './github-dataset';

/** Small deterministic PRNG (mulberry32): the same seed always gives the same organisation. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedOrgOptions {
  seed?: number;
  organization?: string;
  repositories: number;
  pullRequestsPerRepository: number;
  /** Every n-th PR gets more commits and files than one GraphQL page asks for (0: none). */
  overflowEvery?: number;
  deploymentsPerRepository?: number;
  releasesPerRepository?: number;
  incidentsPerRepository?: number;
}

const start = Date.parse('2026-01-05T09:00:00Z');
const hour = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A plausible organisation for tests and benchmarks: people and bots, PRs with reviews, review
 * and conversation comments (some of them clarifying questions), commits (some co-authored by
 * agents), files, timeline events, deployments, releases and incident issues.
 */
export function generateOrganisation(options: GeneratedOrgOptions): GithubDataset {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number): number =>
    low + Math.floor(random() * (high - low + 1));
  const organization = options.organization ?? 'acme';
  const people = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'];
  const users: SimUser[] = [
    ...people.map((login, index) => ({
      login,
      databaseId: 1000 + index,
      type: 'User' as const,
      name: login.charAt(0).toUpperCase() + login.slice(1),
      email: `${login}@acme.test`,
    })),
    { login: 'dependabot', databaseId: 49699333, type: 'Bot', name: null, email: null },
    { login: 'devin-ai-integration', databaseId: 158243242, type: 'Bot', name: null, email: null },
  ];
  let nextId = 10_000;
  const id = (): number => (nextId += 1);
  const sha = (): string =>
    Array.from({ length: 40 }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');

  const repositories: SimRepository[] = [];
  for (let r = 0; r < options.repositories; r += 1) {
    const name = `service-${r + 1}`;
    const pullRequests: SimPullRequest[] = [];
    let clock = start + r * 1000;
    for (let n = 1; n <= options.pullRequestsPerRepository; n += 1) {
      clock += between(1, 6) * hour;
      const createdAt = clock;
      const author =
        random() < 0.06 ? 'dependabot' : random() < 0.04 ? 'devin-ai-integration' : pick(people);
      const reviewers = people.filter((person) => person !== author);
      const overflow =
        options.overflowEvery !== undefined &&
        options.overflowEvery > 0 &&
        n % options.overflowEvery === 0;
      const commits: SimCommit[] = Array.from(
        { length: overflow ? 45 : between(1, 5) },
        (_, index) => {
          const agent = random() < 0.1;
          const headline =
            pick(['Add', 'Fix', 'Refactor', 'Update', 'Remove']) +
            ` ${pick(['parser', 'cache', 'billing', 'auth', 'search'])} step ${index + 1}`;
          return {
            sha: sha(),
            message: agent
              ? `${headline}\n\nCo-authored-by: Claude <noreply@anthropic.com>`
              : headline,
            authoredDate: iso(createdAt - (5 - index) * 600_000),
            authorLogin:
              author === 'dependabot' || author === 'devin-ai-integration' ? null : author,
            authorName: author,
            authorEmail: `${author}@acme.test`,
          };
        },
      );
      const reviews: SimReview[] = Array.from({ length: between(0, 3) }, (_, index) => {
        const submittedAt = createdAt + (index + 1) * 2 * hour;
        return {
          databaseId: id(),
          author: pick(reviewers),
          state:
            index === 0 && random() < 0.3
              ? 'CHANGES_REQUESTED'
              : random() < 0.7
                ? 'APPROVED'
                : 'COMMENTED',
          body:
            random() < 0.5
              ? ''
              : pick(['Looks good.', 'Should this handle the empty case?', 'Nice cleanup']),
          submittedAt: iso(submittedAt),
          comments: Array.from({ length: between(0, 3) }, () => ({
            databaseId: id(),
            author: pick(reviewers),
            body: pick([
              'What is the expected behaviour here?',
              'nit: rename',
              'Can you add a test?',
              'Why not reuse the helper?',
            ]),
            path: `src/module-${between(1, 9)}.ts`,
            createdAt: iso(submittedAt - 60_000),
          })),
        };
      });
      const state = random() < 0.8 ? 'MERGED' : random() < 0.5 ? 'OPEN' : 'CLOSED';
      const endedAt = createdAt + between(3, 72) * hour;
      const fileCount = overflow ? 70 : between(1, 8);
      const files = Array.from({ length: fileCount }, (_, index) => ({
        path: `src/${pick(['api', 'core', 'web', 'db'])}/file-${index}.ts`,
        additions: between(0, 120),
        deletions: between(0, 60),
        changeType: pick(['MODIFIED', 'MODIFIED', 'ADDED', 'DELETED', 'RENAMED'] as const),
      }));
      const isDraftAtStart = random() < 0.2;
      pullRequests.push({
        databaseId: id(),
        number: n,
        title: `${pick(['Add', 'Fix', 'Improve'])} ${pick(['checkout', 'login', 'reports', 'exports'])} ${n}`,
        body: random() < 0.2 ? '' : `Implements ACME-${between(1, 500)}.\n\nSee the spec.`,
        author,
        state,
        isDraft: state === 'OPEN' && isDraftAtStart,
        createdAt: iso(createdAt),
        updatedAt: iso(Math.max(endedAt, createdAt + 4 * hour)),
        mergedAt: state === 'MERGED' ? iso(endedAt) : null,
        closedAt: state === 'OPEN' ? null : iso(endedAt),
        headRefName: `feature/${author.replace(/\W/g, '-')}-${n}`,
        baseRefName: 'main',
        mergeCommitSha: state === 'MERGED' ? sha() : null,
        labels: random() < 0.3 ? [pick(['bug', 'feature', 'chore', 'hotfix'])] : [],
        reviews,
        comments: Array.from({ length: between(0, 4) }, (_, index) => ({
          databaseId: id(),
          author: pick(people),
          body: pick([
            'Could you clarify what the acceptance criteria are?',
            'LGTM',
            'Deployed to staging',
            'Does this cover the mobile flow?',
          ]),
          createdAt: iso(createdAt + (index + 1) * hour),
        })),
        commits,
        files,
        timeline: [
          ...(isDraftAtStart && state !== 'OPEN'
            ? [
                {
                  kind: 'READY_FOR_REVIEW_EVENT' as const,
                  createdAt: iso(createdAt + hour / 2),
                  actor: author,
                },
              ]
            : []),
          ...(reviews.length > 0
            ? [
                {
                  kind: 'REVIEW_REQUESTED_EVENT' as const,
                  createdAt: iso(createdAt + hour),
                  actor: author,
                  requestedReviewer: reviews[0]?.author ?? 'alice',
                },
              ]
            : []),
        ],
      });
    }
    const lastMerged = pullRequests.filter((pr) => pr.mergeCommitSha !== null);
    const deployments: SimDeployment[] = Array.from(
      { length: options.deploymentsPerRepository ?? 5 },
      (_, index) => {
        const createdAt = start + (index + 1) * 24 * hour + r * 1000;
        const failed = random() < 0.15;
        return {
          databaseId: id(),
          environment: random() < 0.8 ? 'production' : 'staging',
          sha: lastMerged[index % Math.max(1, lastMerged.length)]?.mergeCommitSha ?? sha(),
          ref: 'main',
          creator: pick(people),
          createdAt: iso(createdAt),
          statuses: [
            {
              databaseId: id(),
              state: 'IN_PROGRESS',
              description: 'Deploying',
              createdAt: iso(createdAt + 60_000),
            },
            {
              databaseId: id(),
              state: failed ? 'FAILURE' : 'SUCCESS',
              description: 'Done',
              createdAt: iso(createdAt + 600_000),
            },
          ],
        };
      },
    );
    const releases: SimRelease[] = Array.from(
      { length: options.releasesPerRepository ?? 3 },
      (_, index) => ({
        databaseId: id(),
        tagName: `v1.${index}.0`,
        name: `Release 1.${index}`,
        author: pick(people),
        isDraft: false,
        isPrerelease: index === 0,
        createdAt: iso(start + (index + 1) * 48 * hour + r * 1000),
        publishedAt: iso(start + (index + 1) * 48 * hour + r * 1000 + 60_000),
      }),
    );
    const issues: SimIssue[] = Array.from(
      { length: (options.incidentsPerRepository ?? 2) + 2 },
      (_, index) => {
        const createdAt = start + (index + 2) * 36 * hour + r * 1000;
        const incident = index < (options.incidentsPerRepository ?? 2);
        return {
          databaseId: id(),
          number: options.pullRequestsPerRepository + index + 1,
          title: incident
            ? `Checkout errors after deploy ${index + 1}`
            : `Improve docs ${index + 1}`,
          body: incident
            ? 'Users see a null pointer exception since the last release.'
            : 'The README is outdated.',
          author: pick(people),
          state: index % 2 === 0 ? 'closed' : 'open',
          labels: incident ? ['incident', 'sev2'] : ['docs'],
          createdAt: iso(createdAt),
          updatedAt: iso(createdAt + 3 * hour),
          closedAt: index % 2 === 0 ? iso(createdAt + 3 * hour) : null,
        };
      },
    );
    repositories.push({
      databaseId: 500 + r,
      owner: organization,
      name,
      isPrivate: r % 2 === 0,
      defaultBranch: 'main',
      createdAt: iso(start - 90 * 24 * hour),
      updatedAt: iso(start),
      pullRequests,
      deployments,
      releases,
      issues,
    });
  }
  return { organization, users, repositories };
}
