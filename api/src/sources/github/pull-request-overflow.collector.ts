import type { z } from 'zod';
import type { GithubPullRequestRecord } from './github-records';
import { respectPointBudget } from './pull-request.collector';
import {
  applyPullRequestOverflow,
  applyReviewCommentsOverflow,
  nextOverflowVariables,
  pullRequestOverflowEnvelope,
  reviewCommentsOverflowEnvelope,
  type PullRequestOverflowPayload,
  type ReviewCommentsOverflowPayload,
} from './pull-request-overflow.extractor';
import {
  pullRequestOverflowQuery,
  reviewCommentsOverflowQuery,
} from './pull-request-overflow.query';
import { MalformedResponseError, withResilience } from './resilience';
import type { SyncContext } from './sync-context';

/**
 * Reads: GitHub GraphQL, the remaining pages of the nested lists that overflowed a pull request
 * page, only for those pull requests and those lists. Writes nothing itself: it returns the
 * completed records and the payloads, which the page's transaction stores (raw first).
 */

export const OVERFLOW_ENDPOINT = 'graphql PullRequestOverflow';
export const REVIEW_COMMENTS_ENDPOINT = 'graphql ReviewCommentsOverflow';

export interface FetchedOverflow {
  endpoint: typeof OVERFLOW_ENDPOINT | typeof REVIEW_COMMENTS_ENDPOINT;
  /** The request's variables; for review comments `pullRequestId` names the PR it belongs to. */
  variables: Record<string, string | boolean | null>;
  pullRequestNodeId: string;
  payload: PullRequestOverflowPayload | ReviewCommentsOverflowPayload;
}

/** A safety net against a server that keeps saying "next page" with the same cursor. */
const MAX_ROUNDS = 500;

async function fetchGraphql<
  S extends z.ZodType<{ rateLimit: { cost: number; remaining: number; resetAt: string } | null }>,
>(
  context: SyncContext,
  endpoint: string,
  query: string,
  variables: Record<string, string | boolean | null>,
  envelope: S,
): Promise<z.infer<S>> {
  const payload = await withResilience(
    endpoint,
    async () => {
      const data: unknown = await context.client.graphql(query, variables);
      const parsed = envelope.safeParse(data);
      if (!parsed.success)
        throw new MalformedResponseError(
          endpoint,
          parsed.error.issues[0]?.message ?? 'unexpected shape',
        );
      return parsed.data;
    },
    { onWait: context.onWait, baseMs: context.retryBaseMs },
  );
  await respectPointBudget(context, payload.rateLimit, endpoint);
  return payload;
}

export async function collectOverflow(
  context: SyncContext,
  records: GithubPullRequestRecord[],
): Promise<{ records: GithubPullRequestRecord[]; fetched: FetchedOverflow[] }> {
  const fetched: FetchedOverflow[] = [];
  const completed: GithubPullRequestRecord[] = [];
  for (const original of records) {
    let record = original;
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const variables = nextOverflowVariables(record);
      if (variables === undefined) break;
      const payload = await fetchGraphql(
        context,
        OVERFLOW_ENDPOINT,
        pullRequestOverflowQuery,
        variables,
        pullRequestOverflowEnvelope,
      );
      fetched.push({
        endpoint: OVERFLOW_ENDPOINT,
        variables,
        pullRequestNodeId: record.nodeId,
        payload,
      });
      // Gone since the page was read: keep what the page had, delete nothing.
      if (payload.node === null) break;
      record = applyPullRequestOverflow(record, payload);
    }
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const entry = record.activity?.pendingReviewComments[0];
      if (entry === undefined) break;
      const variables = {
        id: entry.reviewNodeId,
        after: entry.after,
        pullRequestId: record.nodeId,
      };
      const payload = await fetchGraphql(
        context,
        REVIEW_COMMENTS_ENDPOINT,
        reviewCommentsOverflowQuery,
        { id: entry.reviewNodeId, after: entry.after },
        reviewCommentsOverflowEnvelope,
      );
      fetched.push({
        endpoint: REVIEW_COMMENTS_ENDPOINT,
        variables,
        pullRequestNodeId: record.nodeId,
        payload,
      });
      if (payload.node === null) break;
      record = applyReviewCommentsOverflow(record, entry.reviewNodeId, payload);
    }
    completed.push(record);
  }
  return { records: completed, fetched };
}

/** Replays stored overflow payloads (oldest first) onto the records of their page. Pure. */
export function replayOverflow(
  records: GithubPullRequestRecord[],
  stored: { endpoint: string; variables: Record<string, unknown>; payload: unknown }[],
): GithubPullRequestRecord[] {
  return records.map((original) => {
    let record = original;
    for (const entry of stored) {
      if (entry.endpoint === OVERFLOW_ENDPOINT && entry.variables.id === record.nodeId) {
        const parsed = pullRequestOverflowEnvelope.safeParse(entry.payload);
        if (parsed.success) record = applyPullRequestOverflow(record, parsed.data);
      } else if (
        entry.endpoint === REVIEW_COMMENTS_ENDPOINT &&
        entry.variables.pullRequestId === record.nodeId &&
        typeof entry.variables.id === 'string'
      ) {
        const parsed = reviewCommentsOverflowEnvelope.safeParse(entry.payload);
        if (parsed.success)
          record = applyReviewCommentsOverflow(record, entry.variables.id, parsed.data);
      }
    }
    return record;
  });
}
