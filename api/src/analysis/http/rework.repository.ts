import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  parsePullRequestId,
  type ReworkDetail,
  type ReworkItemView,
  type ReworkListQuery,
  type ReworkListResponse,
  type ReworkOverrideRequest,
  type ReworkSort,
  type SourceLink,
} from '@rework-radar/shared';
import type { ReworkDetection } from '../storage/rework-item.entity';
import { originContexts } from './origin-context';
import { pullRequestUrl, workItemUrl, type LinkBase } from '../detection/detected-rework';
import {
  afterCursor,
  decodeReworkCursor,
  encodeReworkCursor,
  orderBy,
  sortPlan,
} from './rework-sort';
import type { StoredEvidence } from '../storage/cause-attribution.entity';

/** Reads rework items with their model answer and latest override; writes overrides (never touched by re-analysis). */
interface Row {
  id: string;
  kind: ReworkItemView['kind'];
  repository_id: string | null;
  occurred_at: Date;
  detected_at: Date;
  rework_pull_request_ids: string[];
  rework_work_item_keys: string[];
  incident_id: string | null;
  origin_pull_request_ids: string[];
  origin_work_item_keys: string[];
  detection_rule: string;
  detection: ReworkDetection;
  effort_pull_requests: number;
  effort_lines: number;
  effort_cycle_hours: number | null;
  model_version: number;
  cause: ReworkItemView['cause'] | null;
  confidence: number | null;
  score_missing_context: number | null;
  score_execution: number | null;
  reason: string | null;
  evidence: StoredEvidence[] | null;
  o_cause: ReworkItemView['cause'] | null;
  o_reason: string | null;
  o_by: string | null;
  o_at: Date | null;
  /** The sort column's value as PostgreSQL prints it (full precision for the cursor). */
  sort_value?: string;
}

const select = `SELECT r.*, a.cause, a.confidence, a.score_missing_context, a.score_execution, a.reason, a.evidence,
  o.cause AS o_cause, o.reason AS o_reason, o.overridden_by AS o_by, o.overridden_at AS o_at
  FROM rework_item r
  LEFT JOIN cause_attribution a ON a.rework_item_id = r.id AND a.model_version = r.model_version
  LEFT JOIN LATERAL (SELECT * FROM cause_override c WHERE c.rework_item_id = r.id ORDER BY c.overridden_at DESC, c.id DESC LIMIT 1) o ON true`;

function view(row: Row): ReworkItemView {
  const modelCause = row.cause ?? 'unknown';
  const override =
    row.o_cause === null || row.o_at === null
      ? null
      : {
          cause: row.o_cause,
          reason: row.o_reason ?? '',
          by: row.o_by ?? '',
          at: row.o_at.toISOString(),
        };
  return {
    id: row.id,
    kind: row.kind,
    repo: row.repository_id === null ? null : row.repository_id.replace(/^github:/, ''),
    occurredAt: row.occurred_at.toISOString(),
    detectedAt: row.detected_at.toISOString(),
    rework: {
      pullRequests: row.rework_pull_request_ids,
      workItems: row.rework_work_item_keys,
      incident: row.incident_id,
    },
    origin: { pullRequests: row.origin_pull_request_ids, workItems: row.origin_work_item_keys },
    detection: { rule: row.detection_rule, ...row.detection },
    effort: {
      pullRequests: row.effort_pull_requests,
      lines: row.effort_lines,
      cycleHours: row.effort_cycle_hours,
    },
    cause: override?.cause ?? modelCause,
    model: {
      version: row.model_version,
      cause: modelCause,
      confidence: row.confidence ?? 0,
      scores: {
        missing_context: row.score_missing_context ?? 0,
        execution: row.score_execution ?? 0,
      },
      reason: row.reason ?? 'not_attributed',
    },
    confidence: row.confidence ?? 0,
    evidence: row.evidence ?? [],
    override,
  };
}

export class InvalidCursorError extends Error {}

/**
 * The metrics' team rule (shared/src/metrics/team-scoping.ts), so a list and its chart agree: an
 * item is a team's when an origin PR was opened by a member at that time, or an origin work item
 * was assigned to a member when it started (else when it was created).
 */
const inTeam = (team: string): string => `(
  EXISTS (SELECT 1 FROM pull_request op
    JOIN identity i ON i.id = 'github:' || lower(op.author_login)
    JOIN team_membership m ON m.person_id = i.person_id AND m.team_slug = ${team}
    WHERE op.id = ANY(r.origin_pull_request_ids)
      AND (m.from_at IS NULL OR m.from_at <= op.created_at) AND (m.to_at IS NULL OR op.created_at < m.to_at))
  OR EXISTS (SELECT 1 FROM work_item ow
    JOIN identity i ON i.id = ow.assignee_identity_id
    JOIN team_membership m ON m.person_id = i.person_id AND m.team_slug = ${team}
    LEFT JOIN work_item_context c ON c.work_item_id = ow.id
    WHERE ow.key = ANY(r.origin_work_item_keys)
      AND (m.from_at IS NULL OR m.from_at <= coalesce(c.started_at, ow.created_at))
      AND (m.to_at IS NULL OR coalesce(c.started_at, ow.created_at) < m.to_at)))`;

/**
 * One page in the requested order (newest rework first by default); every order ends on the id,
 * so a cursor never skips or repeats an item.
 */
export async function listRework(
  manager: EntityManager,
  query: Omit<ReworkListQuery, 'sort'> & { sort?: ReworkSort },
): Promise<ReworkListResponse> {
  const sort = query.sort ?? '-occurredAt';
  const plan = sortPlan(sort);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (query.from !== undefined) add((p) => `r.occurred_at >= ${p}`, new Date(query.from));
  if (query.to !== undefined) add((p) => `r.occurred_at < ${p}`, new Date(query.to));
  if (query.kind !== undefined) add((p) => `r.kind = ${p}`, query.kind);
  if (query.repo !== undefined)
    add((p) => `r.repository_id = ${p}`, `github:${query.repo.toLowerCase()}`);
  if (query.cause !== undefined)
    // The override when set, else the model's answer: kept on the row (see its migration) so it is indexed.
    add((p) => `r.effective_cause = ${p}`, query.cause);
  if (query.minConfidence !== undefined)
    add((p) => `coalesce(a.confidence, 0) >= ${p}`, query.minConfidence);
  if (query.team !== undefined) add(inTeam, query.team);
  if (query.cursor !== undefined) {
    const cursor = decodeReworkCursor(query.cursor, sort);
    if (cursor === null)
      throw new InvalidCursorError('cursor is not one this API gave for this sort');
    params.push(cursor.value, cursor.id);
    where.push(afterCursor(plan, `$${params.length - 1}`, `$${params.length}`));
  }
  params.push(query.limit + 1);
  const selectWithKey = select.replace(
    'SELECT r.*,',
    `SELECT r.*, (${plan.column.sql})::text AS sort_value,`,
  );
  const rows = await manager.query<Row[]>(
    `${selectWithKey} ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ${orderBy(plan)} LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(view),
    nextCursor:
      rows.length > query.limit && last !== undefined
        ? encodeReworkCursor({ sort, value: last.sort_value ?? '', id: last.id })
        : null,
  };
}

/** Web addresses of the PRs and work items an item names, so the explorer links each of them. */
export function sourceLinksOf(item: ReworkItemView, links: LinkBase): SourceLink[] {
  const refs = new Set([
    ...item.rework.pullRequests,
    ...item.origin.pullRequests,
    ...item.rework.workItems,
    ...item.origin.workItems,
  ]);
  return [...refs].flatMap((ref) => {
    const pr = parsePullRequestId(ref);
    const url = pr === null ? workItemUrl(links, ref) : pullRequestUrl(links, pr.repo, pr.number);
    return url === undefined ? [] : [{ ref, url }];
  });
}

export async function findRework(
  manager: EntityManager,
  id: string,
  links: LinkBase,
): Promise<ReworkDetail | null> {
  const rows = await manager.query<Row[]>(`${select} WHERE r.id = $1`, [id]);
  const row = rows[0];
  if (row === undefined) return null;
  const history = await manager.query<
    { cause: ReworkItemView['cause']; reason: string; overridden_by: string; overridden_at: Date }[]
  >(
    'SELECT cause, reason, overridden_by, overridden_at FROM cause_override WHERE rework_item_id = $1 ORDER BY overridden_at DESC, id DESC',
    [id],
  );
  const item = view(row);
  return {
    ...item,
    originContexts: await originContexts(manager, row.origin_work_item_keys),
    sourceLinks: sourceLinksOf(item, links),
    overrides: history.map((entry) => ({
      cause: entry.cause,
      reason: entry.reason,
      by: entry.overridden_by,
      at: entry.overridden_at.toISOString(),
    })),
  };
}

/** Records a manager's cause with the model's answer at that moment; returns null for an unknown item. */
export async function overrideCause(
  manager: EntityManager,
  id: string,
  request: ReworkOverrideRequest,
  by: string,
  links: LinkBase,
): Promise<ReworkDetail | null> {
  const current = await findRework(manager, id, links);
  if (current === null) return null;
  await manager.query(
    'INSERT INTO cause_override (id, rework_item_id, cause, reason, overridden_by, overridden_at, model_cause, model_version) VALUES ($1, $2, $3, $4, $5, now(), $6, $7)',
    [
      randomUUID(),
      id,
      request.cause,
      request.reason.trim(),
      by,
      current.model.cause,
      current.model.version,
    ],
  );
  return findRework(manager, id, links);
}
