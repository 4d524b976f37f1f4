import { readCheckpoint, saveCheckpoint } from '../sync-state/sync-state.store';
import { withResilience, MalformedResponseError } from './resilience';
import {
  extractPullRequests,
  pullRequestPageEnvelope,
  repositoryFromPage,
  type PullRequestPage,
} from './pull-request.extractor';
import { repositoryRow, writePullRequests, writeRepositories } from './pull-request.converter';
import { PULL_REQUEST_PAGE_SIZE, pullRequestPageQuery } from './pull-request.query';
import { GITHUB, quarantineAll, storeAndQuarantine, type SyncContext } from './sync-context';
import { collectOverflow } from './pull-request-overflow.collector';

/**
 * Reads: GitHub GraphQL, one page of pull requests at a time, oldest update first, resuming
 * after the stored cursor. Writes, in one transaction per page: the raw payload, repository,
 * pull requests and their activity, identities, and the new cursor.
 */

export interface PullRequestCursor {
  after: string | null;
  updatedAt: string | null;
}

export interface StreamHeads {
  releases: string;
  incidents: string;
  deployments: string;
  /** The repository's web URL as GitHub gave it; `<url>.git` is where git clones it. */
  webUrl: string | null;
}

export async function collectPullRequests(
  context: SyncContext,
  fullName: string,
): Promise<StreamHeads | undefined> {
  const [owner = '', name = ''] = fullName.split('/');
  const key = { source: GITHUB, scope: fullName.toLowerCase(), stream: 'pull-requests' };
  const stored = (await readCheckpoint(context.dataSource.manager, key)) as
    PullRequestCursor | undefined;
  let cursor: PullRequestCursor = stored ?? { after: null, updatedAt: null };
  let heads: StreamHeads | undefined;
  for (let pageNumber = 1; ; pageNumber += 1) {
    const variables = {
      owner,
      name,
      first: PULL_REQUEST_PAGE_SIZE,
      after: cursor.after,
      withHeads: pageNumber === 1,
      incidentLabels: context.incidentLabels,
    };
    const page = await fetchPage(context, variables);
    if (pageNumber === 1) {
      heads = {
        releases: JSON.stringify(page.repository.releases ?? null),
        incidents: JSON.stringify(page.repository.issues ?? null),
        deployments: JSON.stringify(page.repository.deployments ?? null),
        webUrl: page.repository.url ?? null,
      };
    }
    const extracted = extractPullRequests(page);
    const rejected = extracted.rejected;
    // Lists that overflowed the page are read to the end now, so the page's rows are complete.
    const { records, fetched } = await collectOverflow(context, extracted.records);
    const info = page.repository.pullRequests.pageInfo;
    const last = records.at(-1);
    const next: PullRequestCursor = {
      after: info.endCursor ?? cursor.after,
      updatedAt: last?.updatedAt ?? cursor.updatedAt,
    };
    await context.dataSource.transaction(async (manager) => {
      const rawPayloadId = await storeAndQuarantine(manager, {
        endpoint: 'graphql PullRequestPage',
        requestParams: {
          owner,
          name,
          first: variables.first,
          after: variables.after,
          withHeads: variables.withHeads,
        },
        scope: key.scope,
        sourceIds: records.map((record) => record.nodeId),
        etag: null,
        payload: page,
      });
      for (const overflow of fetched) {
        await storeAndQuarantine(manager, {
          endpoint: overflow.endpoint,
          // Tied to its page, so a replay applies it to the same records.
          requestParams: { ...overflow.variables, pagePayloadId: rawPayloadId },
          scope: key.scope,
          sourceIds: [overflow.pullRequestNodeId],
          etag: null,
          payload: overflow.payload,
        });
      }
      await writeRepositories(manager, [repositoryRow(repositoryFromPage(page), rawPayloadId)]);
      await writePullRequests(manager, records, rawPayloadId, context.rules);
      await quarantineAll(context, manager, rejected, rawPayloadId);
      await saveCheckpoint(manager, key, next);
      await context.beforeCommit?.({
        repository: fullName,
        stream: 'pull-requests',
        page: pageNumber,
      });
    });
    cursor = next;
    context.counters.pullRequestsStored += records.length;
    context.onProgress({
      kind: 'page-stored',
      repository: fullName,
      stream: 'pull-requests',
      records: records.length,
    });
    if (!info.hasNextPage) return heads;
  }
}

async function fetchPage(
  context: SyncContext,
  variables: Record<string, unknown>,
): Promise<PullRequestPage> {
  const endpoint = 'graphql PullRequestPage';
  const page = await withResilience(
    endpoint,
    async () => {
      const data: unknown = await context.client.graphql(pullRequestPageQuery, variables);
      const parsed = pullRequestPageEnvelope.safeParse(data);
      if (!parsed.success)
        throw new MalformedResponseError(
          endpoint,
          parsed.error.issues[0]?.message ?? 'unexpected shape',
        );
      return parsed.data;
    },
    { onWait: context.onWait, baseMs: context.retryBaseMs },
  );
  await respectPointBudget(context, page.rateLimit, endpoint);
  return page;
}

/** Waits for the GraphQL window to reset when the next query could not be paid for. */
export async function respectPointBudget(
  context: SyncContext,
  rateLimit: { cost: number; remaining: number; resetAt: string } | null,
  endpoint: string,
): Promise<void> {
  if (rateLimit === null) return;
  context.counters.graphqlPoints += rateLimit.cost;
  if (rateLimit.remaining >= rateLimit.cost) return;
  const ms = Math.max(0, Date.parse(rateLimit.resetAt) - Date.now()) + 500;
  context.onWait({ reason: 'graphql-points', seconds: Math.round(ms / 100) / 10, endpoint });
  await new Promise((resolve) => setTimeout(resolve, ms));
}
