import { z } from 'zod';
import { pageCursorSchema, pageLimitSchema, paginated } from './pagination.js';

/** GitHub's rules, loosely: owner (user or organisation, Enterprise allows `_`) and repository name. */
const ownerPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,38}$/;
const namePattern = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;

export const repositoryOwnerSchema = z
  .string()
  .regex(ownerPattern, 'expected a GitHub user or organisation name');
export const repositoryNameSchema = z
  .string()
  .regex(namePattern, 'expected a GitHub repository name');

/** `owner/name`, matched case-insensitively (GitHub treats repository names that way). */
export const repoFullNameSchema = z.string().refine((value) => {
  const [owner, name, ...rest] = value.split('/');
  return (
    rest.length === 0 &&
    owner !== undefined &&
    name !== undefined &&
    ownerPattern.test(owner) &&
    namePattern.test(name)
  );
}, 'expected owner/name, e.g. octo-org/octo-repo');

/** Lower case as in the contract; `merged` wins over `closed` (a merged PR is also closed on GitHub). */
export const pullRequestStateSchema = z.enum(['open', 'merged', 'closed']);
export type PullRequestStateName = z.infer<typeof pullRequestStateSchema>;

/** `GET /api/pull-requests`: no `repo` lists every synced repository. */
export const pullRequestListQuerySchema = z.object({
  repo: repoFullNameSchema
    .optional()
    .describe('owner/name (case-insensitive); absent = every synced repository'),
  state: z
    .enum([...pullRequestStateSchema.options, 'all'])
    .optional()
    .describe("only pull requests in this state; `all` (GitHub's word) or absent = every state"),
  limit: pageLimitSchema.describe('items per page, 1..500 (default 100)'),
  cursor: pageCursorSchema
    .optional()
    .describe('nextCursor of the previous page, with the same filters'),
});
export type PullRequestListQuery = z.infer<typeof pullRequestListQuerySchema>;

/** `GET /api/pull-requests/:owner/:name/:number`. */
export const pullRequestParamsSchema = z.object({
  owner: repositoryOwnerSchema,
  name: repositoryNameSchema,
  number: z.coerce
    .number()
    .int('expected a pull request number')
    .positive('expected a pull request number'),
});
export type PullRequestParams = z.infer<typeof pullRequestParamsSchema>;

const utc = z.iso.datetime();

/** One pull request as the read API answers it; each field means what GitHub means by it. */
export const pullRequestSchema = z.object({
  repo: z.string().describe('owner/name as GitHub spells it (its case)'),
  number: z.number().int().positive(),
  title: z.string(),
  author: z
    .string()
    .nullable()
    .describe(
      'GitHub login of the author as GitHub shows it (bots as `name[bot]`); null for a deleted account',
    ),
  state: pullRequestStateSchema,
  createdAt: utc,
  mergedAt: utc.nullable(),
  closedAt: utc.nullable().describe('when the PR was closed, merged or not; null while open'),
  firstReviewAt: utc
    .nullable()
    .describe(
      'submittedAt of the first submitted review (any state: APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED; never PENDING) by someone other than the author; null when none',
    ),
  reviewCount: z
    .number()
    .int()
    .nonnegative()
    .describe(
      'submitted reviews in any state but PENDING, by anyone (the author included), as GitHub lists them; comments are not reviews',
    ),
  additions: z.number().int().nonnegative(),
  deletions: z.number().int().nonnegative(),
  linkedWorkItemKeys: z
    .array(z.string())
    .describe(
      'Jira keys this PR references (title, branch, body, commit messages) in synced projects, including keys whose work item is not synced (yet); sorted by project then number',
    ),
});
export type PullRequestView = z.infer<typeof pullRequestSchema>;

export const pullRequestListPageSchema = paginated(pullRequestSchema);
export type PullRequestListPage = z.infer<typeof pullRequestListPageSchema>;
