import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { storeRawPayload } from '../raw/raw-payload.store';
import { readCheckpoint, saveCheckpoint, type StreamKey } from '../sync-state/sync-state.store';
import type { JiraApiClient, JiraResponse } from './jira-api.client';
import { changelogCoverage, type ExtraHistories } from './issue.extractor';
import {
  changelogPageSchema,
  cloudSearchPageSchema,
  dataCenterSearchPageSchema,
} from './jira-payload.schemas';
import { processIssueBatch } from './issue-page.processor';
import type { JiraSiteFacts } from './jira-setup.collector';
import { buildIssueJql } from './jql';
import { z } from 'zod';

/**
 * Collect step for issues: pages the search (Cloud nextPageToken or Data Center startAt) with
 * the changelog expanded, fetches the rest of a changelog only for issues whose history overflows
 * the search answer, then in ONE transaction stores the raw page(s), extracts, converts, writes
 * and saves the checkpoint. A crash loses at most the page in flight; the next run resumes after
 * the last committed page. Incremental runs start at the last high-water mark minus an overlap.
 */
const cursorSchema = z.object({
  status: z.enum(['running', 'idle']),
  jql: z.string().nullable(),
  next: z
    .union([z.object({ startAt: z.number() }), z.object({ nextPageToken: z.string() })])
    .nullable(),
  highWater: z.string().nullable(),
});
type IssueCursor = z.infer<typeof cursorSchema>;

export interface IssueCollectorOptions {
  dataSource: DataSource;
  client: JiraApiClient;
  logger: Logger;
  facts: JiraSiteFacts;
  scope: string;
  projects: readonly string[];
  jql: string | undefined;
  pageSize: number;
  overlapMinutes: number;
  onPage?: (progress: { pages: number; issues: number }) => void;
  /** Test hook: runs inside the page transaction, just before commit (a throw = crash before commit). */
  beforeCommit?: () => void;
  /** Test hook: runs after a page committed (a throw = crash between pages). */
  afterCommit?: () => void;
}

export interface IssueCollectorResult {
  issuesSynced: number;
  quarantined: { ref: string; reason: string }[];
  pages: number;
  changelogRequests: number;
  jql: string;
  highWater: string | null;
}

async function restOfChangelog(
  client: JiraApiClient,
  options: IssueCollectorOptions,
  key: string,
  from: number,
  total: number,
): Promise<JiraResponse[]> {
  const pages: JiraResponse[] = [];
  for (let startAt = from; startAt < total;) {
    const response = await client.changelog(options.facts.deployment, key, startAt, 100);
    const page = changelogPageSchema.parse(response.body);
    pages.push(response);
    if (page.values.length === 0 || page.isLast === true) break;
    startAt = page.startAt + page.values.length;
  }
  return pages;
}

export async function collectIssues(options: IssueCollectorOptions): Promise<IssueCollectorResult> {
  const { dataSource, client, facts } = options;
  const key: StreamKey = { source: 'jira', scope: options.scope, stream: 'issues' };
  const saved = await readCheckpoint(dataSource.manager, key);
  const previous: IssueCursor | undefined =
    saved === undefined ? undefined : cursorSchema.parse(saved);
  let cursor: IssueCursor;
  if (previous?.status === 'running' && previous.jql !== null) {
    cursor = previous;
    options.logger.info(
      { scope: options.scope, next: previous.next },
      'resuming Jira issue sync after the last committed page',
    );
  } else {
    const sinceMs =
      previous?.highWater == null
        ? null
        : Date.parse(previous.highWater) - options.overlapMinutes * 60_000;
    const jql = buildIssueJql({
      projects: options.projects,
      jql: options.jql,
      sinceMs,
      timeZone: facts.timeZone,
    });
    cursor = { status: 'running', jql, next: null, highWater: previous?.highWater ?? null };
  }
  const jql = cursor.jql ?? '';
  const result: IssueCollectorResult = {
    issuesSynced: 0,
    quarantined: [],
    pages: 0,
    changelogRequests: 0,
    jql,
    highWater: cursor.highWater,
  };

  for (;;) {
    let response: JiraResponse;
    let issues: unknown[];
    let next: IssueCursor['next'];
    if (facts.deployment === 'cloud') {
      const token =
        cursor.next !== null && 'nextPageToken' in cursor.next ? cursor.next.nextPageToken : null;
      response = await client.searchCloud(jql, token, options.pageSize);
      const page = cloudSearchPageSchema.parse(response.body);
      issues = page.issues;
      next =
        page.nextPageToken === undefined || page.isLast === true
          ? null
          : { nextPageToken: page.nextPageToken };
    } else {
      const startAt = cursor.next !== null && 'startAt' in cursor.next ? cursor.next.startAt : 0;
      response = await client.searchDataCenter(jql, startAt, options.pageSize);
      const page = dataCenterSearchPageSchema.parse(response.body);
      issues = page.issues;
      const after = page.startAt + page.issues.length;
      next = page.issues.length === 0 || after >= page.total ? null : { startAt: after };
    }

    const overflow: { key: string; responses: JiraResponse[] }[] = [];
    for (const raw of issues) {
      const coverage = changelogCoverage(raw);
      if (coverage !== null && coverage.total > coverage.returned) {
        const responses = await restOfChangelog(
          client,
          options,
          coverage.key,
          coverage.returned,
          coverage.total,
        );
        result.changelogRequests += responses.length;
        overflow.push({ key: coverage.key, responses });
      }
    }

    const fetchedAt = new Date();
    const batch = await dataSource.transaction(async (manager) => {
      const keys = issues.flatMap((raw) =>
        raw !== null && typeof raw === 'object' && 'key' in raw && typeof raw.key === 'string'
          ? [raw.key]
          : [],
      );
      const stored = await storeRawPayload(manager, {
        source: 'jira',
        endpoint: response.endpoint,
        requestParams: response.requestParams,
        scope: options.scope,
        sourceIds: keys,
        etag: null,
        httpStatus: 200,
        fetchedAt,
        payload: response.body as object,
      });
      const extras = new Map<string, ExtraHistories[]>();
      for (const { key: issueKey, responses } of overflow) {
        const pages: ExtraHistories[] = [];
        for (const page of responses) {
          const rawPage = await storeRawPayload(manager, {
            source: 'jira',
            endpoint: page.endpoint,
            requestParams: page.requestParams,
            scope: options.scope,
            sourceIds: [issueKey],
            etag: null,
            httpStatus: 200,
            fetchedAt,
            payload: page.body as object,
          });
          pages.push({
            histories: changelogPageSchema.parse(page.body).values,
            rawPayloadId: rawPage.id,
          });
        }
        extras.set(issueKey, pages);
      }
      const processed = await processIssueBatch(manager, issues, stored.id, extras, {
        fields: facts.fields,
        statusCategories: facts.statusCategories,
      });
      const highWater =
        processed.maxUpdated !== null &&
        (cursor.highWater === null || processed.maxUpdated > cursor.highWater)
          ? processed.maxUpdated
          : cursor.highWater;
      const nextCursor: IssueCursor =
        next === null
          ? { status: 'idle', jql: null, next: null, highWater }
          : { status: 'running', jql, next, highWater };
      await saveCheckpoint(manager, key, nextCursor);
      options.beforeCommit?.();
      return { processed, nextCursor };
    });
    cursor = batch.nextCursor;
    result.pages += 1;
    result.issuesSynced += batch.processed.synced.length;
    result.quarantined.push(...batch.processed.quarantined);
    result.highWater = cursor.highWater;
    for (const failure of batch.processed.quarantined)
      options.logger.warn({ issue: failure.ref, reason: failure.reason }, 'Jira issue quarantined');
    options.onPage?.({ pages: result.pages, issues: result.issuesSynced });
    options.afterCommit?.();
    if (next === null) return result;
  }
}
