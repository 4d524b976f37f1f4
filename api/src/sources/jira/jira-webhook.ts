import { containsNulCharacter } from '../raw/json-nul';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { storeRawPayload } from '../raw/raw-payload.store';
import { quarantineRecord } from '../sync-state/sync-state.store';
import { sprintRowsOf, sprintSpec } from './agile.collector';
import { upsertRows } from './domain/upsert-rows';
import { deleteWorkItems, writeConvertedIssues } from './domain/work-item.repository';
import { discoverFields, type JiraFieldCatalog, type JiraFieldMap } from './field-discovery';
import { convertIssue, workItemIdOf } from './issue.converter';
import { extractIssue, IssueExtractionError, toUserRecord } from './issue.extractor';
import type { JiraHistoryRecord } from './jira-issue.record';
import { fieldListSchema, historyItemSchema, jiraUserSchema } from './jira-payload.schemas';
import { statusCategoriesOf } from './jira-setup.collector';
import type { StatusCategory } from './work-item-history';

/**
 * Pure webhook handler (the HTTP route is wired elsewhere): verifies the shared secret (Jira's
 * `X-Hub-Signature: sha256=<hmac of the body>` or `?secret=` in the URL), stores the delivery raw
 * (a redelivery of the same body adds nothing), and applies issue and sprint events through the
 * same extract/convert steps as the sync. The webhook carries one changelog entry: it is merged
 * with the history already stored, so the work item keeps its complete changelog.
 */
export interface JiraWebhookDeps {
  dataSource: DataSource;
  logger: Logger;
  /** Unset = webhooks refused. */
  secret: string | undefined;
  verification?: 'hmac' | 'query' | 'either';
  fieldOverrides?: Partial<JiraFieldMap>;
}

export interface JiraWebhookRequest {
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | string[] | undefined>;
  rawBody: Buffer | string;
}

export interface JiraWebhookResult {
  httpStatus: 200 | 400 | 401;
  outcome: 'applied' | 'duplicate' | 'stale' | 'ignored' | 'quarantined' | 'rejected';
  event: string | null;
  issueKey: string | null;
  reason?: string;
}

const envelopeSchema = z.object({
  webhookEvent: z.string(),
  timestamp: z.number().optional(),
  issue: z.object({ id: z.string(), key: z.string() }).loose().optional(),
  changelog: z.object({ id: z.string(), items: z.array(historyItemSchema) }).optional(),
  user: jiraUserSchema.optional(),
  sprint: z.object({ id: z.number() }).loose().optional(),
});

const header = (headers: JiraWebhookRequest['headers'], name: string): string | undefined => {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

const sameSecret = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export function verifyJiraWebhook(
  request: JiraWebhookRequest,
  secret: string,
  mode: 'hmac' | 'query' | 'either' = 'either',
): boolean {
  const signature = header(request.headers, 'x-hub-signature');
  const hmacOk =
    signature !== undefined &&
    sameSecret(
      signature,
      `sha256=${createHmac('sha256', secret).update(request.rawBody).digest('hex')}`,
    );
  const querySecret = Array.isArray(request.query.secret)
    ? request.query.secret[0]
    : request.query.secret;
  const queryOk = querySecret !== undefined && sameSecret(querySecret, secret);
  return mode === 'hmac' ? hmacOk : mode === 'query' ? queryOk : hmacOk || queryOk;
}

async function latestPayload(manager: EntityManager, endpoint: string): Promise<unknown> {
  const rows: { payload: unknown }[] = await manager.query(
    `SELECT payload FROM raw_payload WHERE source = 'jira' AND endpoint = $1 ORDER BY fetched_at DESC, id DESC LIMIT 1`,
    [endpoint],
  );
  return rows[0]?.payload;
}

/** Field map and status categories as the last sync read them (from the raw layer). */
export async function siteFactsFromRaw(
  manager: EntityManager,
  overrides: Partial<JiraFieldMap> | undefined,
): Promise<{ fields: JiraFieldCatalog; statusCategories: Map<string, StatusCategory> }> {
  const fields = await latestPayload(manager, 'GET /rest/api/2/field');
  const statuses = await latestPayload(manager, 'GET /rest/api/2/status');
  return {
    fields: discoverFields(fields === undefined ? [] : fieldListSchema.parse(fields), overrides),
    statusCategories:
      statuses === undefined ? new Map<string, StatusCategory>() : statusCategoriesOf(statuses),
  };
}

/** The changelog already stored for a work item, as history records. */
async function storedHistories(
  manager: EntityManager,
  workItemId: string,
): Promise<JiraHistoryRecord[]> {
  const rows: {
    history_id: string;
    field: string;
    field_id: string | null;
    from_value: string | null;
    from_string: string | null;
    to_value: string | null;
    to_string: string | null;
    author_identity_id: string | null;
    changed_at: Date;
    raw_payload_id: string;
    display_name: string | null;
    email: string | null;
    is_bot: boolean | null;
  }[] = await manager.query(
    `SELECT c.*, i.display_name, i.email, i.is_bot FROM work_item_change c LEFT JOIN identity i ON i.id = c.author_identity_id
       WHERE c.work_item_id = $1 ORDER BY c.changed_at, c.id`,
    [workItemId],
  );
  const histories = new Map<string, JiraHistoryRecord>();
  for (const row of rows) {
    const history = histories.get(row.history_id) ?? {
      id: row.history_id,
      author:
        row.author_identity_id === null
          ? null
          : {
              externalId: row.author_identity_id.replace(/^jira:/, ''),
              displayName: row.display_name,
              email: row.email,
              isBot: row.is_bot ?? false,
            },
      created: new Date(row.changed_at).toISOString(),
      items: [],
      rawPayloadId: row.raw_payload_id,
    };
    history.items.push({
      field: row.field,
      fieldId: row.field_id,
      from: row.from_value,
      fromString: row.from_string,
      to: row.to_value,
      toString: row.to_string,
    });
    histories.set(row.history_id, history);
  }
  return [...histories.values()];
}

export async function handleJiraWebhook(
  deps: JiraWebhookDeps,
  request: JiraWebhookRequest,
): Promise<JiraWebhookResult> {
  if (deps.secret === undefined || !verifyJiraWebhook(request, deps.secret, deps.verification)) {
    return {
      httpStatus: 401,
      outcome: 'rejected',
      event: null,
      issueKey: null,
      reason: 'bad or missing webhook secret',
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody.toString());
  } catch {
    return {
      httpStatus: 400,
      outcome: 'rejected',
      event: null,
      issueKey: null,
      reason: 'body is not JSON',
    };
  }
  if (containsNulCharacter(body)) {
    return {
      httpStatus: 400,
      outcome: 'rejected',
      event: null,
      issueKey: null,
      reason: 'body contains a NUL character (\\u0000), which cannot be stored',
    };
  }
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success)
    return {
      httpStatus: 400,
      outcome: 'rejected',
      event: null,
      issueKey: null,
      reason: 'not a Jira webhook payload',
    };
  const event = envelope.data.webhookEvent;
  const issueKey = envelope.data.issue?.key ?? null;

  return deps.dataSource.transaction(async (manager) => {
    const stored = await storeRawPayload(manager, {
      source: 'jira',
      endpoint: `webhook ${event}`,
      requestParams: {
        delivery: header(request.headers, 'x-atlassian-webhook-identifier') ?? null,
      },
      scope: 'webhook',
      sourceIds: issueKey === null ? [] : [issueKey],
      etag: null,
      httpStatus: 200,
      fetchedAt: new Date(),
      payload: body as object,
    });
    if (!stored.inserted)
      return { httpStatus: 200, outcome: 'duplicate', event, issueKey } as const;

    if (event === 'jira:issue_deleted' && envelope.data.issue !== undefined) {
      await deleteWorkItems(manager, [workItemIdOf(envelope.data.issue.id)]);
      return { httpStatus: 200, outcome: 'applied', event, issueKey } as const;
    }
    if (
      (event === 'jira:issue_created' || event === 'jira:issue_updated') &&
      envelope.data.issue !== undefined
    ) {
      const facts = await siteFactsFromRaw(manager, deps.fieldOverrides);
      try {
        const record = extractIssue(envelope.data.issue, facts.fields, stored.id);
        const workItemId = workItemIdOf(record.issueId);
        const [current]: { updated_at: Date }[] = await manager.query(
          `SELECT updated_at FROM work_item WHERE id = $1`,
          [workItemId],
        );
        if (
          current !== undefined &&
          new Date(current.updated_at).getTime() > Date.parse(record.updated)
        ) {
          return { httpStatus: 200, outcome: 'stale', event, issueKey } as const;
        }
        const histories = new Map(
          (await storedHistories(manager, workItemId)).map((history) => [history.id, history]),
        );
        for (const history of record.histories) histories.set(history.id, history);
        const change = envelope.data.changelog;
        if (change !== undefined && !histories.has(change.id)) {
          histories.set(change.id, {
            id: change.id,
            author: toUserRecord(envelope.data.user),
            created: new Date(envelope.data.timestamp ?? Date.parse(record.updated)).toISOString(),
            items: change.items.map((item) => ({
              field: item.field,
              fieldId: item.fieldId ?? null,
              from: item.from ?? null,
              fromString: item.fromString ?? null,
              to: item.to ?? null,
              toString: item.toString ?? null,
            })),
            rawPayloadId: stored.id,
          });
        }
        record.histories = [...histories.values()].sort(
          (a, b) => Date.parse(a.created) - Date.parse(b.created) || Number(a.id) - Number(b.id),
        );
        await writeConvertedIssues(manager, [convertIssue(record, facts)]);
        return { httpStatus: 200, outcome: 'applied', event, issueKey } as const;
      } catch (error) {
        if (!(error instanceof IssueExtractionError)) throw error;
        await quarantineRecord(manager, {
          source: 'jira',
          kind: 'issue',
          sourceId: error.issueRef,
          reason: error.message,
          rawPayloadId: stored.id,
        });
        deps.logger.warn(
          { issue: error.issueRef, reason: error.message },
          'Jira webhook issue quarantined',
        );
        return {
          httpStatus: 200,
          outcome: 'quarantined',
          event,
          issueKey,
          reason: error.message,
        } as const;
      }
    }
    if (event.startsWith('sprint_') && envelope.data.sprint !== undefined) {
      const sprint = envelope.data.sprint;
      if (event === 'sprint_deleted') {
        await manager.query(`DELETE FROM "sprint" WHERE "id" = $1`, [`jira:sprint:${sprint.id}`]);
      } else {
        const boardId = typeof sprint.originBoardId === 'number' ? sprint.originBoardId : 0;
        const rows = sprintRowsOf({ values: [sprint] }, boardId, stored.id);
        await upsertRows(manager, sprintSpec, rows);
      }
      return { httpStatus: 200, outcome: 'applied', event, issueKey } as const;
    }
    return { httpStatus: 200, outcome: 'ignored', event, issueKey } as const;
  });
}
