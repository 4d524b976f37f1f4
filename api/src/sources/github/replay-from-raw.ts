import type { DataSource } from 'typeorm';
import { agentRules } from './agent-detection';
import {
  extractPullRequests,
  pullRequestPageEnvelope,
  repositoryFromPage,
} from './pull-request.extractor';
import { repositoryRow, writePullRequests, writeRepositories } from './pull-request.converter';
import {
  OVERFLOW_ENDPOINT,
  REVIEW_COMMENTS_ENDPOINT,
  replayOverflow,
} from './pull-request-overflow.collector';

/**
 * Re-runs extract + convert for every stored pull request page, oldest first, without the
 * network: the domain tables come out as the sync left them. Returns how many PRs were written.
 */
export async function replayPullRequestsFromRaw(
  dataSource: DataSource,
  options: { agentLogins?: string[]; batch?: number } = {},
): Promise<number> {
  const rules = agentRules(options.agentLogins);
  const batch = options.batch ?? 20;
  let lastId = '0';
  let written = 0;
  for (;;) {
    const rows = await dataSource.query<{ id: string; payload: unknown }[]>(
      `SELECT id, payload FROM raw_payload WHERE source = 'github' AND endpoint = 'graphql PullRequestPage' AND id > $1 ORDER BY id LIMIT $2`,
      [lastId, batch],
    );
    if (rows.length === 0) return written;
    await dataSource.transaction(async (manager) => {
      for (const row of rows) {
        const page = pullRequestPageEnvelope.parse(row.payload);
        const overflow = await manager.query<
          { endpoint: string; variables: Record<string, unknown>; payload: unknown }[]
        >(
          `SELECT endpoint, request_params AS variables, payload FROM raw_payload
           WHERE source = 'github' AND endpoint = ANY($1::text[]) AND request_params->>'pagePayloadId' = $2 ORDER BY id`,
          [[OVERFLOW_ENDPOINT, REVIEW_COMMENTS_ENDPOINT], row.id],
        );
        const records = replayOverflow(extractPullRequests(page).records, overflow);
        await writeRepositories(manager, [repositoryRow(repositoryFromPage(page), row.id)]);
        await writePullRequests(manager, records, row.id, rules);
        written += records.length;
      }
    });
    lastId = String(rows.at(-1)?.id);
  }
}
