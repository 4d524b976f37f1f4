import { RequestError } from '@octokit/request-error';
import { readCheckpoint, saveCheckpoint } from '../sync-state/sync-state.store';
import { extractRepositories } from './delivery.extractor';
import { repositoryRow, writeRepositories } from './pull-request.converter';
import { MalformedResponseError, withResilience } from './resilience';
import { GITHUB, quarantineAll, storeAndQuarantine, type SyncContext } from './sync-context';

/**
 * Reads: the organisation's repositories (REST, ETag on page 1). Writes: raw payloads and
 * repository rows. Returns `owner/name` of every repository to sync, listed ones included.
 */
export async function collectRepositories(
  context: SyncContext,
  org: string | undefined,
  listed: string[],
): Promise<string[]> {
  const names = new Set(listed);
  if (org === undefined) return [...names];
  const key = { source: GITHUB, scope: org.toLowerCase(), stream: 'repositories' };
  const stored = (await readCheckpoint(context.dataSource.manager, key)) as
    { etag: string | null; names: string[] } | undefined;
  const found: string[] = [];
  let firstEtag: string | null = null;
  for (let page = 1; ; page += 1) {
    const route = 'GET /orgs/{org}/repos';
    const response = await withResilience(
      route,
      async () => {
        try {
          const answer = await context.client.request(route, {
            org,
            type: 'all',
            per_page: 100,
            page,
            headers: page === 1 && stored?.etag ? { 'if-none-match': stored.etag } : {},
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
    if (response === undefined) {
      for (const name of stored?.names ?? []) names.add(name);
      return [...names];
    }
    if (page === 1) firstEtag = response.etag;
    const { records, rejected } = extractRepositories(response.data);
    await context.dataSource.transaction(async (manager) => {
      const rawPayloadId = await storeAndQuarantine(manager, {
        endpoint: route,
        requestParams: { org, type: 'all', per_page: 100, page },
        scope: org.toLowerCase(),
        sourceIds: records.map((record) => record.nodeId),
        etag: response.etag,
        payload: response.data,
      });
      await writeRepositories(
        manager,
        records.map((record) => repositoryRow(record, rawPayloadId)),
      );
      await quarantineAll(context, manager, rejected, rawPayloadId);
    });
    found.push(...records.map((record) => record.fullName));
    if (!/rel="next"/.test(response.link)) break;
  }
  await context.dataSource.transaction((manager) =>
    saveCheckpoint(manager, key, { etag: firstEtag, names: found }),
  );
  for (const name of found) names.add(name);
  return [...names];
}
