import { richTextToPlain } from './adf-to-text';
import type { JiraFieldCatalog } from './field-discovery';
import type { JiraHistoryRecord, JiraIssueRecord, JiraUserRecord } from './jira-issue.record';
import { issueSchema, type JiraHistoryPayload, type JiraUserPayload } from './jira-payload.schemas';

/**
 * Extract step: one issue of a raw search page (plus any changelog pages fetched for it) ->
 * a typed `JiraIssueRecord`. Reads payloads only; a malformed issue throws
 * `IssueExtractionError` with a reason, which the caller quarantines.
 */
export class IssueExtractionError extends Error {
  constructor(
    readonly issueRef: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'IssueExtractionError';
  }
}

export interface ExtraHistories {
  histories: JiraHistoryPayload[];
  rawPayloadId: string;
}

export function toUserRecord(user: JiraUserPayload | null | undefined): JiraUserRecord | null {
  const externalId = user?.accountId ?? user?.key ?? user?.name;
  if (user === null || user === undefined || externalId === undefined) return null;
  return {
    externalId,
    displayName: user.displayName ?? null,
    email: user.emailAddress?.trim().toLowerCase() || null,
    isBot: user.accountType === 'app',
  };
}

function historyRecord(history: JiraHistoryPayload, rawPayloadId: string): JiraHistoryRecord {
  return {
    id: history.id,
    author: toUserRecord(history.author),
    created: history.created,
    items: history.items.map((item) => ({
      field: item.field,
      fieldId: item.fieldId ?? null,
      from: item.from ?? null,
      fromString: item.fromString ?? null,
      to: item.to ?? null,
      toString: item.toString ?? null,
    })),
    rawPayloadId,
  };
}

/** Sprint ids from the sprint field: Cloud objects (`{ id }`) or Data Center strings (`...[id=12,...]`). */
export function sprintIdsOf(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  const ids: number[] = [];
  for (const entry of value) {
    if (typeof entry === 'string') {
      const match = /\bid=(\d+)/.exec(entry);
      if (match?.[1] !== undefined) ids.push(Number(match[1]));
    } else if (entry !== null && typeof entry === 'object') {
      const id: unknown = (entry as { id?: unknown }).id;
      if (typeof id === 'number') ids.push(id);
    }
  }
  return ids;
}

function issueRefOf(raw: unknown): string {
  if (raw !== null && typeof raw === 'object') {
    const record = raw as { key?: unknown; id?: unknown };
    if (typeof record.key === 'string') return record.key;
    if (typeof record.id === 'string') return record.id;
  }
  return '(unknown)';
}

/** How many histories the search payload carried, and how many the issue has (to spot overflow). */
export function changelogCoverage(
  raw: unknown,
): { key: string; returned: number; total: number } | null {
  const parsed = issueSchema.pick({ key: true, changelog: true }).safeParse(raw);
  if (!parsed.success || parsed.data.changelog === undefined) return null;
  return {
    key: parsed.data.key,
    returned: parsed.data.changelog.histories.length,
    total: parsed.data.changelog.total,
  };
}

export function extractIssue(
  raw: unknown,
  fields: JiraFieldCatalog,
  rawPayloadId: string,
  extra: ExtraHistories[] = [],
): JiraIssueRecord {
  const ref = issueRefOf(raw);
  const parsed = issueSchema.safeParse(raw);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(issue)'}: ${issue.message}`)
      .join('; ');
    throw new IssueExtractionError(ref, reason);
  }
  const issue = parsed.data;
  const f = issue.fields;
  const custom = (id: string | null): unknown => (id === null ? undefined : f[id]);
  let descriptionText: string | null;
  let criteriaText: string | null;
  try {
    descriptionText = richTextToPlain(f.description);
    criteriaText = richTextToPlain(custom(fields.ids.acceptanceCriteria));
  } catch (error) {
    throw new IssueExtractionError(ref, error instanceof Error ? error.message : String(error));
  }
  const points = custom(fields.ids.storyPoints);
  if (points !== undefined && points !== null && typeof points !== 'number') {
    throw new IssueExtractionError(
      ref,
      `story points field ${fields.ids.storyPoints ?? ''} is not a number`,
    );
  }
  const epic = custom(fields.ids.epicLink);

  const histories = new Map<string, JiraHistoryRecord>();
  for (const history of issue.changelog?.histories ?? [])
    histories.set(history.id, historyRecord(history, rawPayloadId));
  for (const page of extra)
    for (const history of page.histories)
      histories.set(history.id, historyRecord(history, page.rawPayloadId));

  return {
    issueId: issue.id,
    key: issue.key,
    projectKey: f.project.key,
    issueType: f.issuetype.name,
    isSubtask: f.issuetype.subtask ?? false,
    statusId: f.status.id,
    statusName: f.status.name,
    statusCategory: f.status.statusCategory.key,
    created: f.created,
    updated: f.updated,
    resolvedAt: f.resolutiondate ?? null,
    resolution: f.resolution?.name ?? null,
    summary: f.summary,
    descriptionText,
    acceptanceCriteriaFieldText: criteriaText,
    storyPoints: typeof points === 'number' ? points : null,
    parentKey: f.parent?.key ?? null,
    epicKey: typeof epic === 'string' ? epic : null,
    labels: [...f.labels].sort(),
    components: f.components.map((component) => component.name).sort(),
    fixVersions: f.fixVersions.map((version) => version.name).sort(),
    sprintIds: sprintIdsOf(custom(fields.ids.sprint)),
    assignee: toUserRecord(f.assignee),
    reporter: toUserRecord(f.reporter),
    subtaskKeys: f.subtasks.map((subtask) => subtask.key),
    links: f.issuelinks.flatMap((link) => {
      const other = link.inwardIssue ?? link.outwardIssue;
      if (other === undefined) return [];
      const direction = link.inwardIssue !== undefined ? 'inward' : 'outward';
      return [
        {
          linkId: link.id,
          typeName: link.type.name,
          direction,
          relation: direction === 'inward' ? link.type.inward : link.type.outward,
          otherKey: other.key,
        },
      ];
    }),
    comments: (f.comment?.comments ?? []).map((comment) => ({
      id: comment.id,
      author: toUserRecord(comment.author),
      bodyText: richTextToPlain(comment.body) ?? '',
      created: comment.created,
      updated: comment.updated ?? comment.created,
    })),
    histories: [...histories.values()].sort(
      (a, b) => Date.parse(a.created) - Date.parse(b.created) || Number(a.id) - Number(b.id),
    ),
    rawPayloadId,
  };
}
