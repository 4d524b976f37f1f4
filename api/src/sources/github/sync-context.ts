import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { storeRawPayload, type RawPayloadInput } from '../raw/raw-payload.store';
import { quarantineRecord } from '../sync-state/sync-state.store';
import type { AgentRules } from './agent-detection';
import type { GithubClient, WaitEvent } from './github-client';
import type { RejectedRecord } from './github-records';
import type { SyncProgressEvent } from './github-sync';

export interface SyncCounters {
  reposDone: number;
  pullRequestsStored: number;
  requests: number;
  graphqlPoints: number;
  waits: number;
  waitSeconds: number;
  quarantined: number;
}

/** Test seam: called inside each page's transaction, just before it commits. */
export type BeforeCommitHook = (page: {
  repository: string;
  stream: string;
  page: number;
}) => void | Promise<void>;

export interface SyncContext {
  dataSource: DataSource;
  client: GithubClient;
  logger: Logger;
  rules: AgentRules;
  incidentLabels: string[];
  counters: SyncCounters;
  retryBaseMs: number;
  onProgress: (event: SyncProgressEvent) => void;
  onWait: (wait: WaitEvent) => void;
  beforeCommit?: BeforeCommitHook;
}

export const GITHUB = 'github';

/** Stores a response untouched, then quarantines what the extractor rejected. */
export async function storeAndQuarantine(
  manager: EntityManager,
  input: Omit<RawPayloadInput, 'source' | 'fetchedAt' | 'httpStatus'> & { httpStatus?: number },
): Promise<string> {
  const stored = await storeRawPayload(manager, {
    ...input,
    source: 'github',
    httpStatus: input.httpStatus ?? 200,
    fetchedAt: new Date(),
  });
  return stored.id;
}

export async function quarantineAll(
  context: SyncContext,
  manager: EntityManager,
  rejected: RejectedRecord[],
  rawPayloadId: string,
): Promise<void> {
  for (const record of rejected) {
    context.counters.quarantined += 1;
    context.logger.warn({ record }, 'quarantined a malformed GitHub record');
    await quarantineRecord(manager, {
      source: GITHUB,
      kind: record.kind,
      sourceId: record.sourceId,
      reason: record.reason,
      rawPayloadId,
    });
  }
}
