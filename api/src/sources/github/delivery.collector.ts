import { RequestError } from '@octokit/request-error';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { RequestParams } from '../raw/raw-payload.entity';
import { readCheckpoint, saveCheckpoint } from '../sync-state/sync-state.store';
import { writeDeployments, writeIncidents, writeReleases } from './delivery.converter';
import {
  deploymentPageEnvelope,
  extractGraphqlDeployments,
  extractIssues,
  extractReleases,
} from './delivery.extractor';
import { deploymentPageQuery } from './delivery.query';
import { respectPointBudget, type StreamHeads } from './pull-request.collector';
import { MalformedResponseError, withResilience } from './resilience';
import { GITHUB, quarantineAll, storeAndQuarantine, type SyncContext } from './sync-context';

/**
 * Reads: deployments (GraphQL, with latest status), releases and incident issues (REST, with
 * ETags). A stream is read only when its newest item (seen in the first pull request page)
 * moved since the last sync. Writes: raw payloads, deployment/release/incident rows, checkpoints.
 */

interface StreamCheckpoint {
  head: string;
  etag?: string | null;
}

export async function collectDeliveries(
  context: SyncContext,
  fullName: string,
  heads: StreamHeads,
): Promise<void> {
  await collectStream(context, fullName, 'deployments', heads.deployments, () =>
    collectDeployments(context, fullName),
  );
  await collectStream(context, fullName, 'releases', heads.releases, (manager, etag) =>
    collectRest(
      context,
      fullName,
      'releases',
      'GET /repos/{owner}/{repo}/releases',
      {},
      etag,
      manager,
    ),
  );
  for (const label of context.incidentLabels) {
    await collectStream(context, fullName, `incidents:${label}`, heads.incidents, (manager, etag) =>
      collectRest(
        context,
        fullName,
        `incidents:${label}`,
        'GET /repos/{owner}/{repo}/issues',
        { labels: label, state: 'all' },
        etag,
        manager,
      ),
    );
  }
}

async function collectStream(
  context: SyncContext,
  fullName: string,
  stream: string,
  head: string,
  collect: (manager: EntityManager, etag: string | null) => Promise<string | null | undefined>,
): Promise<void> {
  const key = { source: GITHUB, scope: fullName.toLowerCase(), stream };
  const stored = (await readCheckpoint(context.dataSource.manager, key)) as
    StreamCheckpoint | undefined;
  if (stored?.head === head) return;
  const etag = await collect(context.dataSource.manager, stored?.etag ?? null);
  await context.dataSource.transaction((manager) =>
    saveCheckpoint(manager, key, { head, etag: etag ?? stored?.etag ?? null }),
  );
}

async function collectDeployments(context: SyncContext, fullName: string): Promise<undefined> {
  const [owner = '', name = ''] = fullName.split('/');
  let after: string | null = null;
  for (let pageNumber = 1; ; pageNumber += 1) {
    const endpoint = 'graphql DeploymentPage';
    const variables: { owner: string; name: string; after: string | null } = { owner, name, after };
    const payload = await withResilience(
      endpoint,
      async () => {
        const data: unknown = await context.client.graphql(deploymentPageQuery, variables);
        const envelope = deploymentPageEnvelope
          .extend({ rateLimit: pullRequestRateLimit })
          .safeParse(data);
        if (!envelope.success)
          throw new MalformedResponseError(
            endpoint,
            envelope.error.issues[0]?.message ?? 'unexpected shape',
          );
        return { data: data as object, page: envelope.data };
      },
      { onWait: context.onWait, baseMs: context.retryBaseMs },
    );
    await respectPointBudget(context, payload.page.rateLimit, endpoint);
    const { records, rejected } = extractGraphqlDeployments(payload.page);
    await context.dataSource.transaction(async (manager) => {
      const rawPayloadId = await storeAndQuarantine(manager, {
        endpoint,
        requestParams: variables,
        scope: fullName.toLowerCase(),
        sourceIds: records.map((record) => record.databaseId),
        etag: null,
        payload: payload.data,
      });
      await writeDeployments(manager, records, rawPayloadId);
      await quarantineAll(context, manager, rejected, rawPayloadId);
      await context.beforeCommit?.({
        repository: fullName,
        stream: 'deployments',
        page: pageNumber,
      });
    });
    const info = payload.page.repository.deployments.pageInfo;
    if (!info.hasNextPage) return undefined;
    after = info.endCursor;
  }
}

const pullRequestRateLimit = z
  .object({ cost: z.number(), remaining: z.number(), resetAt: z.string() })
  .nullable();

/** Pages a REST list (100 per page). Returns page 1's ETag; a 304 on page 1 means nothing changed. */
async function collectRest(
  context: SyncContext,
  fullName: string,
  stream: string,
  route: 'GET /repos/{owner}/{repo}/releases' | 'GET /repos/{owner}/{repo}/issues',
  extra: Record<string, string>,
  etag: string | null,
  _manager: EntityManager,
): Promise<string | null | undefined> {
  const [owner = '', repo = ''] = fullName.split('/');
  let firstEtag: string | null | undefined;
  for (let page = 1; ; page += 1) {
    const params: RequestParams = { owner, repo, per_page: 100, page, ...extra };
    const response = await withResilience(
      route,
      async () => {
        try {
          const answer = await context.client.request(route, {
            ...params,
            owner,
            repo,
            headers: page === 1 && etag !== null ? { 'if-none-match': etag } : {},
          });
          if (!Array.isArray(answer.data))
            throw new MalformedResponseError(route, 'expected a JSON array');
          return {
            data: answer.data,
            etag: answer.headers.etag ?? null,
            link: answer.headers.link ?? '',
          };
        } catch (error) {
          if (error instanceof RequestError && error.status === 304) return undefined;
          throw error;
        }
      },
      { onWait: context.onWait, baseMs: context.retryBaseMs },
    );
    if (response === undefined) return etag;
    if (page === 1) firstEtag = response.etag;
    await context.dataSource.transaction(async (manager) => {
      const rawPayloadId = await storeAndQuarantine(manager, {
        endpoint: route,
        requestParams: params,
        scope: fullName.toLowerCase(),
        sourceIds: response.data.map((item) => {
          const id = (item as { id?: unknown }).id;
          return typeof id === 'number' || typeof id === 'string' ? String(id) : '';
        }),
        etag: response.etag,
        payload: response.data,
      });
      if (stream === 'releases') {
        const { records, rejected } = extractReleases(fullName, response.data);
        await writeReleases(manager, records, rawPayloadId);
        await quarantineAll(context, manager, rejected, rawPayloadId);
      } else {
        const { records, rejected } = extractIssues(fullName, response.data);
        await writeIncidents(manager, records, context.incidentLabels, rawPayloadId);
        await quarantineAll(context, manager, rejected, rawPayloadId);
      }
      await context.beforeCommit?.({ repository: fullName, stream, page });
    });
    if (!/rel="next"/.test(response.link)) return firstEtag;
  }
}
