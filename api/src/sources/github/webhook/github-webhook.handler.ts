import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { agentRules } from '../agent-detection';
import { writeDeployments, writeIncidents, writeReleases } from '../delivery.converter';
import { extractIssues, extractReleases, extractRestDeployment } from '../delivery.extractor';
import { upsertRows } from '../domain-writer';
import { pullRequestId, reviewId } from '../github-ids';
import type { RejectedRecord } from '../github-records';
import { writeIdentities, writePullRequests } from '../pull-request.converter';
import { extractRestPullRequest, extractRestReview } from '../rest-pull-request.extractor';
import { writePush } from '../push.converter';
import { extractPush } from '../push.extractor';
import { storeRawPayload } from '../../raw/raw-payload.store';
import { verifyWebhookSignature } from './webhook-signature';
import { containsNulCharacter } from '../../raw/json-nul';
import { quarantineRecord } from '../../sync-state/sync-state.store';

export interface GithubWebhookDeps {
  dataSource: DataSource;
  secret: string;
  logger: Logger;
  incidentLabels?: string[];
  agentLogins?: string[];
}

export interface GithubWebhookRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

export type GithubWebhookResult =
  | { status: 202; applied: string }
  | { status: 200; duplicate: true }
  | { status: 401; error: string }
  | { status: 400; error: string };

const applied = [
  'pull_request',
  'pull_request_review',
  'push',
  'deployment_status',
  'release',
  'issues',
];

function header(headers: GithubWebhookRequest['headers'], name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * One GitHub webhook delivery: signature checked (nothing is written without a valid one),
 * applied once per `X-GitHub-Delivery` through the same extractors and converters as the sync.
 */
export async function handleGithubWebhook(
  deps: GithubWebhookDeps,
  request: GithubWebhookRequest,
): Promise<GithubWebhookResult> {
  const signature = header(request.headers, 'x-hub-signature-256');
  if (signature === undefined || !verifyWebhookSignature(deps.secret, request.rawBody, signature)) {
    return { status: 401, error: 'invalid or missing X-Hub-Signature-256' };
  }
  const deliveryId = header(request.headers, 'x-github-delivery');
  const event = header(request.headers, 'x-github-event');
  if (deliveryId === undefined || event === undefined)
    return { status: 400, error: 'X-GitHub-Delivery and X-GitHub-Event are required' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.rawBody);
  } catch {
    return { status: 400, error: 'body is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { status: 400, error: 'body is not a JSON object' };
  }
  if (containsNulCharacter(parsed))
    return {
      status: 400,
      error: 'body contains a NUL character (\\u0000), which cannot be stored',
    };
  const payload = parsed as { repository?: { full_name?: unknown }; [key: string]: unknown };
  const repository =
    typeof payload.repository?.full_name === 'string' ? payload.repository.full_name : undefined;

  return deps.dataSource.transaction(async (manager): Promise<GithubWebhookResult> => {
    const inserted = await manager.query<unknown[]>(
      'INSERT INTO "github_webhook_delivery" ("delivery_id", "event", "received_at") VALUES ($1, $2, now()) ON CONFLICT DO NOTHING RETURNING "delivery_id"',
      [deliveryId, event],
    );
    if (inserted.length === 0) return { status: 200, duplicate: true };
    const stored = await storeRawPayload(manager, {
      source: 'github',
      endpoint: `webhook ${event}`,
      requestParams: {
        delivery: deliveryId,
        action: typeof payload.action === 'string' ? payload.action : null,
      },
      scope: repository?.toLowerCase() ?? 'github',
      sourceIds: [deliveryId],
      etag: null,
      httpStatus: 200,
      fetchedAt: new Date(),
      payload,
    });
    if (repository !== undefined && applied.includes(event)) {
      const rejected = await apply(
        manager,
        deps,
        { event, deliveryId },
        repository,
        payload,
        stored.id,
      );
      for (const record of rejected) {
        await quarantineRecord(manager, {
          source: 'github',
          kind: record.kind,
          sourceId: record.sourceId,
          reason: record.reason,
          rawPayloadId: stored.id,
        });
      }
    }
    return { status: 202, applied: event };
  });
}

async function apply(
  manager: EntityManager,
  deps: GithubWebhookDeps,
  { event, deliveryId }: { event: string; deliveryId: string },
  repository: string,
  payload: Record<string, unknown>,
  rawPayloadId: string,
): Promise<RejectedRecord[]> {
  const rules = agentRules(deps.agentLogins);
  switch (event) {
    case 'pull_request': {
      const { records, rejected } = extractRestPullRequest(repository, payload.pull_request);
      await writePullRequests(manager, records, rawPayloadId, rules);
      return rejected;
    }
    case 'pull_request_review': {
      const pr = extractRestPullRequest(repository, payload.pull_request);
      const review = extractRestReview(payload.review);
      const pullRequest = pr.records[0];
      if (pullRequest !== undefined) {
        await writePullRequests(manager, pr.records, rawPayloadId, rules);
        await writeIdentities(
          manager,
          review.records.map((record) => record.author),
          rawPayloadId,
        );
        await upsertRows(
          manager,
          'pull_request_review',
          review.records.map((record) => ({
            id: reviewId(record.nodeId),
            pull_request_id: pullRequestId(repository, pullRequest.number),
            author_login: record.author?.login.toLowerCase() ?? null,
            state: record.state,
            body: record.body,
            submitted_at: record.submittedAt,
            raw_payload_id: rawPayloadId,
          })),
        );
      }
      return [...pr.rejected, ...review.rejected];
    }
    case 'deployment_status': {
      const { records, rejected } = extractRestDeployment(
        repository,
        payload.deployment,
        payload.deployment_status,
      );
      await writeDeployments(manager, records, rawPayloadId);
      return rejected;
    }
    case 'release': {
      const { records, rejected } = extractReleases(repository, [payload.release]);
      await writeReleases(manager, records, rawPayloadId);
      return rejected;
    }
    case 'issues': {
      const { records, rejected } = extractIssues(repository, [payload.issue]);
      await writeIncidents(manager, records, deps.incidentLabels ?? ['incident'], rawPayloadId);
      return rejected;
    }
    case 'push': {
      // Every push is recorded, so direct pushes to the default branch that no PR carried show.
      const { records, rejected } = extractPush(payload);
      for (const record of records)
        await writePush(manager, record, deliveryId, rawPayloadId, new Date());
      return rejected;
    }
    default:
      return [];
  }
}
