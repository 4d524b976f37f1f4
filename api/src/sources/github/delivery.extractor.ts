import { z } from 'zod';
import type {
  Extraction,
  GithubActor,
  GithubDeploymentRecord,
  GithubIssueRecord,
  GithubReleaseRecord,
  GithubRepositoryRecord,
  RejectedRecord,
} from './github-records';
import { actorFromGraphql } from './pull-request.extractor';

/**
 * Reads: REST releases, issues, repositories and deployments (webhooks), GraphQL deployment pages.
 * Writes: typed source records; a malformed record is rejected with its reason.
 */

const isoTime = z.iso.datetime({ offset: true });
const restUser = z.object({ login: z.string(), type: z.string().optional() }).nullable();

export function actorFromRest(user: z.infer<typeof restUser> | undefined): GithubActor | null {
  if (user === null || user === undefined) return null;
  return { login: user.login, isBot: user.type === 'Bot' || user.login.endsWith('[bot]') };
}

function extractEach<T, S extends z.ZodType>(
  items: unknown[],
  schema: S,
  kind: string,
  idOf: (item: unknown, index: number) => string,
  map: (parsed: z.infer<S>) => T,
): Extraction<T> {
  const records: T[] = [];
  const rejected: RejectedRecord[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) records.push(map(parsed.data));
    else
      rejected.push({
        kind,
        sourceId: idOf(item, index),
        reason: parsed.error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
          .join('; '),
      });
  });
  return { records, rejected };
}

const idOfRest =
  (prefix: string) =>
  (item: unknown, index: number): string => {
    const id = (item as { id?: unknown } | null)?.id;
    return typeof id === 'number' || typeof id === 'string' ? String(id) : `${prefix}-${index}`;
  };

export const restRepositorySchema = z.object({
  node_id: z.string(),
  full_name: z.string(),
  private: z.boolean(),
  created_at: isoTime,
  default_branch: z.string().nullable().optional(),
});

export function extractRepositories(payload: unknown[]): Extraction<GithubRepositoryRecord> {
  return extractEach(
    payload,
    restRepositorySchema,
    'repository',
    idOfRest('repository'),
    (repo) => ({
      nodeId: repo.node_id,
      fullName: repo.full_name,
      isPrivate: repo.private,
      createdAt: repo.created_at,
      defaultBranch: repo.default_branch ?? null,
    }),
  );
}

export const restReleaseSchema = z.object({
  id: z.number(),
  tag_name: z.string(),
  name: z.string().nullable(),
  draft: z.boolean(),
  prerelease: z.boolean(),
  created_at: isoTime,
  published_at: isoTime.nullable(),
  author: restUser.optional(),
});

export function extractReleases(
  repository: string,
  payload: unknown[],
): Extraction<GithubReleaseRecord> {
  return extractEach(payload, restReleaseSchema, 'release', idOfRest('release'), (release) => ({
    databaseId: String(release.id),
    repository,
    tagName: release.tag_name,
    name: release.name,
    author: actorFromRest(release.author),
    isDraft: release.draft,
    isPrerelease: release.prerelease,
    createdAt: release.created_at,
    publishedAt: release.published_at,
  }));
}

export const restIssueSchema = z.object({
  id: z.number(),
  number: z.number().int(),
  title: z.string(),
  body: z.string().nullable(),
  state: z.string(),
  user: restUser,
  labels: z.array(z.union([z.string(), z.object({ name: z.string() })])),
  created_at: isoTime,
  closed_at: isoTime.nullable(),
  pull_request: z.unknown().optional(),
});

export function extractIssues(
  repository: string,
  payload: unknown[],
): Extraction<GithubIssueRecord> {
  return extractEach(payload, restIssueSchema, 'issue', idOfRest('issue'), (issue) => ({
    repository,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    state: issue.state,
    labels: issue.labels.map((label) => (typeof label === 'string' ? label : label.name)),
    author: actorFromRest(issue.user),
    createdAt: issue.created_at,
    closedAt: issue.closed_at,
    isPullRequest: issue.pull_request !== undefined,
  }));
}

const graphqlDeployment = z.object({
  databaseId: z.number(),
  environment: z.string().nullable(),
  commitOid: z.string(),
  ref: z.object({ name: z.string() }).nullable(),
  creator: z.object({ __typename: z.string(), login: z.string() }).nullable(),
  createdAt: isoTime,
  latestStatus: z.object({ state: z.string(), createdAt: isoTime }).nullable(),
});

export const deploymentPageEnvelope = z.object({
  repository: z.object({
    nameWithOwner: z.string(),
    deployments: z.object({
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
      nodes: z.array(z.unknown()),
    }),
  }),
});

export function extractGraphqlDeployments(
  page: z.infer<typeof deploymentPageEnvelope>,
): Extraction<GithubDeploymentRecord> {
  const repository = page.repository.nameWithOwner;
  return extractEach(
    page.repository.deployments.nodes,
    graphqlDeployment,
    'deployment',
    idOfRest('deployment'),
    (node) => ({
      databaseId: String(node.databaseId),
      repository,
      environment: node.environment ?? 'unknown',
      sha: node.commitOid,
      ref: node.ref?.name ?? null,
      creator: actorFromGraphql(node.creator),
      createdAt: node.createdAt,
      status: node.latestStatus?.state.toLowerCase() ?? null,
      statusAt: node.latestStatus?.createdAt ?? null,
    }),
  );
}

export const restDeploymentSchema = z.object({
  id: z.number(),
  sha: z.string(),
  ref: z.string().nullable(),
  environment: z.string(),
  creator: restUser,
  created_at: isoTime,
});
export const restDeploymentStatusSchema = z.object({ state: z.string(), created_at: isoTime });

/** A REST deployment with, when known, its latest status (as webhooks deliver them). */
export function extractRestDeployment(
  repository: string,
  deployment: unknown,
  status: unknown,
): Extraction<GithubDeploymentRecord> {
  const parsedStatus =
    status === undefined ? undefined : restDeploymentStatusSchema.safeParse(status);
  return extractEach(
    [deployment],
    restDeploymentSchema,
    'deployment',
    idOfRest('deployment'),
    (parsed) => ({
      databaseId: String(parsed.id),
      repository,
      environment: parsed.environment,
      sha: parsed.sha,
      ref: parsed.ref,
      creator: actorFromRest(parsed.creator),
      createdAt: parsed.created_at,
      status: parsedStatus?.success === true ? parsedStatus.data.state.toLowerCase() : null,
      statusAt: parsedStatus?.success === true ? parsedStatus.data.created_at : null,
    }),
  );
}
