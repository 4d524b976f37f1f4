import { pullRequestListQuerySchema, type PullRequestStateName } from '@rework-radar/shared';
import { z } from 'zod';
import { repositoryId } from '../sources/github/github-ids';
import { cursorScope, decodeCursor } from './cursor';

/** Position in the list order: (repository id, number); repository ids are lower-case full names. */
export const pullRequestSortKeySchema = z.tuple([z.string().min(1), z.number().int().positive()]);
export type PullRequestSortKey = z.infer<typeof pullRequestSortKeySchema>;

export interface PullRequestListRequest {
  /** `github:owner/name` (lower case), the stored repository id; null = every repository. */
  repositoryId: string | null;
  state: PullRequestStateName | null;
  limit: number;
  after: PullRequestSortKey | null;
  /** What a cursor of this list is bound to. */
  scope: string;
}

/**
 * The shared query schema plus the api's reading of the cursor: a cursor that is not one this
 * api made for these filters is a 400 on the `cursor` field, like any other invalid field.
 */
export const pullRequestListRequestSchema = pullRequestListQuerySchema.transform(
  (query, context): PullRequestListRequest => {
    const repository = query.repo === undefined ? null : repositoryId(query.repo);
    const state = query.state === undefined || query.state === 'all' ? null : query.state;
    const scope = cursorScope('pull-requests', {
      repo: repository ?? undefined,
      state: state ?? undefined,
    });
    let after: PullRequestSortKey | null = null;
    if (query.cursor !== undefined) {
      const key = pullRequestSortKeySchema.safeParse(decodeCursor(scope, query.cursor));
      if (!key.success) {
        context.addIssue({
          code: 'custom',
          path: ['cursor'],
          message: 'cursor is not one this api handed out for these filters',
        });
        return z.NEVER;
      }
      after = key.data;
    }
    return { repositoryId: repository, state, limit: query.limit, after, scope };
  },
);
