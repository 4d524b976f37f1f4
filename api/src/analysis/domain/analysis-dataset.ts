import type { EntityManager } from 'typeorm';
import { siteFactsFromRaw } from '../../sources/jira/jira-webhook';
import type { StatusCategory } from '../core';
import { push } from '../core/map-lists';

/**
 * Reads: the domain layer (repositories, merged pull requests and their work item links, work
 * items with their status and requirement changes, deployments, incidents). Writes: nothing.
 * Rows are trimmed to what the rules need (no PR bodies, files or comments: those are read per
 * candidate), so a 100,000-PR organisation stays in a few hundred MB.
 */
export interface PullRequestRecord {
  id: string;
  repositoryId: string;
  repo: string;
  number: number;
  title: string;
  labels: string[];
  headRef: string;
  authorLogin: string | null;
  isAgent: boolean;
  createdAt: Date;
  mergedAt: Date;
  additions: number;
  deletions: number;
  changedFiles: number;
  mergeCommitSha: string | null;
  workItemKeys: string[];
}

export interface WorkItemRecord {
  id: string;
  key: string;
  type: string;
  status: string;
  statusId: string;
  statusCategory: StatusCategory;
  summary: string;
  description: string | null;
  acceptanceCriteriaField: string | null;
  storyPoints: number | null;
  parentKey: string | null;
  labels: string[];
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface ChangeRecord {
  workItemId: string;
  fieldKey: string;
  fromValue: string | null;
  fromString: string | null;
  toValue: string | null;
  toString: string | null;
  changedAt: Date;
  authorIdentityId: string | null;
}

export interface LinkRecord {
  workItemId: string;
  linkType: string;
  direction: 'inward' | 'outward';
  relation: string;
  otherKey: string;
}

export interface DeploymentRow {
  id: string;
  repositoryId: string;
  sha: string;
  createdAt: Date;
  status: string | null;
}

export interface IncidentRow {
  id: string;
  repositoryId: string;
  repo: string;
  issueNumber: number;
  title: string;
  body: string;
  createdAt: Date;
  closedAt: Date | null;
}

export interface AnalysisDataset {
  repositories: Map<string, { id: string; fullName: string }>;
  pullRequests: Map<string, PullRequestRecord>;
  /** `<repository id>#<number>` -> PR id. */
  pullRequestByNumber: Map<string, string>;
  /** Work item key -> merged PR ids linked to it. */
  pullRequestsByWorkItem: Map<string, string[]>;
  workItems: Map<string, WorkItemRecord>;
  workItemByKey: Map<string, WorkItemRecord>;
  /** Work item id -> its status and requirement field changes, in time order. */
  changes: Map<string, ChangeRecord[]>;
  /** Work item id -> its links. */
  links: Map<string, LinkRecord[]>;
  deployments: DeploymentRow[];
  incidents: IncidentRow[];
  statusCategoryOf: (idOrName: string | null) => StatusCategory | undefined;
}

const analysedFields = [
  'status',
  'description',
  'acceptance_criteria',
  'story_points',
  'summary',
  'time_estimate',
  'original_estimate',
];

function asCategory(value: string): StatusCategory {
  return value === 'done' ? 'done' : value === 'new' ? 'new' : 'indeterminate';
}

/** Rows of a keyset-paged query, one page in memory at a time; `next` gets the last row of the page before. */
async function* pages<T>(
  pageSize: number,
  next: (after: T | undefined) => Promise<T[]>,
): AsyncGenerator<T> {
  let after: T | undefined;
  for (;;) {
    const page = await next(after);
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1];
  }
}

/** `pageSize`: rows per query of the large tables (smaller in specs, so that paging is exercised). */
export async function loadAnalysisDataset(
  manager: EntityManager,
  pageSize = 10_000,
): Promise<AnalysisDataset> {
  const repositories = new Map(
    (
      await manager.query<{ id: string; full_name: string }[]>(
        'SELECT id, full_name FROM repository',
      )
    ).map((row) => [row.id, { id: row.id, fullName: row.full_name }]),
  );
  const keysByPr = new Map<string, string[]>();
  for (const row of await manager.query<{ pull_request_id: string; key: string }[]>(
    'SELECT DISTINCT pull_request_id, work_item_key AS key FROM pull_request_work_item ORDER BY 1, 2',
  )) {
    push(keysByPr, row.pull_request_id, row.key);
  }
  const pullRequests = new Map<string, PullRequestRecord>();
  const pullRequestByNumber = new Map<string, string>();
  const pullRequestsByWorkItem = new Map<string, string[]>();
  type PrRow = {
    id: string;
    repository_id: string;
    number: number;
    title: string;
    labels: string[];
    head_ref: string;
    author_login: string | null;
    is_agent: boolean;
    created_at: Date;
    merged_at: Date;
    additions: number;
    deletions: number;
    changed_files: number;
    merge_commit_sha: string | null;
  };
  // Pages in (merged_at, id) order: the driver never holds every row at once beside the records.
  const prRows = pages<PrRow>(pageSize, (after) =>
    manager.query<PrRow[]>(
      `SELECT id, repository_id, number, title, labels, head_ref, author_login, is_agent, created_at, merged_at, additions, deletions, changed_files, merge_commit_sha
         FROM pull_request WHERE state = 'merged' AND merged_at IS NOT NULL
         AND ($1::timestamptz IS NULL OR (merged_at, id) > ($1::timestamptz, $2::text)) ORDER BY merged_at, id LIMIT ${pageSize}`,
      [after?.merged_at ?? null, after?.id ?? null],
    ),
  );
  for await (const row of prRows) {
    const record: PullRequestRecord = {
      id: row.id,
      repositoryId: row.repository_id,
      repo:
        repositories.get(row.repository_id)?.fullName ?? row.repository_id.replace(/^github:/, ''),
      number: row.number,
      title: row.title,
      labels: row.labels,
      headRef: row.head_ref,
      authorLogin: row.author_login,
      isAgent: row.is_agent,
      createdAt: row.created_at,
      mergedAt: row.merged_at,
      additions: row.additions,
      deletions: row.deletions,
      changedFiles: row.changed_files,
      mergeCommitSha: row.merge_commit_sha,
      workItemKeys: keysByPr.get(row.id) ?? [],
    };
    pullRequests.set(record.id, record);
    pullRequestByNumber.set(`${record.repositoryId}#${record.number}`, record.id);
    for (const key of record.workItemKeys) push(pullRequestsByWorkItem, key, record.id);
  }

  const facts = await siteFactsFromRaw(manager, undefined);
  const categories = new Map<string, StatusCategory>(facts.statusCategories);
  const workItems = new Map<string, WorkItemRecord>();
  const workItemByKey = new Map<string, WorkItemRecord>();
  type WorkItemRow = {
    id: string;
    key: string;
    issue_type: string;
    status: string;
    status_id: string;
    status_category: string;
    summary: string;
    description_text: string | null;
    acceptance_criteria_field_text: string | null;
    story_points: number | null;
    parent_key: string | null;
    epic_key: string | null;
    labels: string[];
    created_at: Date;
    resolved_at: Date | null;
  };
  // Paged like the PRs: at 1.5M work items one result would hold every description twice over.
  const workItemRows = pages<WorkItemRow>(pageSize, (after) =>
    manager.query<WorkItemRow[]>(
      `SELECT id, key, issue_type, status, status_id, status_category, summary, description_text, acceptance_criteria_field_text, story_points, parent_key, epic_key, labels, created_at, resolved_at
         FROM work_item WHERE ($1::text IS NULL OR id > $1) ORDER BY id LIMIT ${pageSize}`,
      [after?.id ?? null],
    ),
  );
  for await (const row of workItemRows) {
    const category = asCategory(row.status_category);
    if (!categories.has(row.status_id)) categories.set(row.status_id, category);
    if (!categories.has(row.status)) categories.set(row.status, category);
    const record: WorkItemRecord = {
      id: row.id,
      key: row.key,
      type: row.issue_type,
      status: row.status,
      statusId: row.status_id,
      statusCategory: category,
      summary: row.summary,
      description: row.description_text,
      acceptanceCriteriaField: row.acceptance_criteria_field_text,
      storyPoints: row.story_points,
      parentKey: row.parent_key ?? row.epic_key,
      labels: row.labels,
      createdAt: row.created_at,
      resolvedAt: row.resolved_at,
    };
    workItems.set(record.id, record);
    workItemByKey.set(record.key, record);
  }
  const changes = new Map<string, ChangeRecord[]>();
  type ChangeRow = {
    work_item_id: string;
    field_key: string;
    from_value: string | null;
    from_string: string | null;
    to_value: string | null;
    to_string: string | null;
    changed_at: Date;
    author_identity_id: string | null;
  };
  // A slice of work items at a time: description changes carry whole texts on both sides.
  const itemIds = [...workItems.keys()].sort();
  for (let start = 0; start < itemIds.length; start += pageSize) {
    for (const row of await manager.query<ChangeRow[]>(
      `SELECT work_item_id, field_key, from_value, from_string, to_value, to_string, changed_at, author_identity_id FROM work_item_change
       WHERE field_key = ANY($1::text[]) AND work_item_id = ANY($2::text[]) ORDER BY work_item_id, changed_at, id`,
      [analysedFields, itemIds.slice(start, start + pageSize)],
    )) {
      push(changes, row.work_item_id, {
        workItemId: row.work_item_id,
        fieldKey: row.field_key,
        fromValue: row.from_value,
        fromString: row.from_string,
        toValue: row.to_value,
        toString: row.to_string,
        changedAt: row.changed_at,
        authorIdentityId: row.author_identity_id,
      });
    }
  }
  const links = new Map<string, LinkRecord[]>();
  type LinkRow = {
    id: string;
    work_item_id: string;
    link_type: string;
    direction: 'inward' | 'outward';
    relation: string;
    other_key: string;
  };
  const linkRows = pages<LinkRow>(pageSize, (after) =>
    manager.query<LinkRow[]>(
      `SELECT id, work_item_id, link_type, direction, relation, other_key FROM work_item_link
         WHERE ($1::text IS NULL OR id > $1) ORDER BY id LIMIT ${pageSize}`,
      [after?.id ?? null],
    ),
  );
  for await (const row of linkRows) {
    push(links, row.work_item_id, {
      workItemId: row.work_item_id,
      linkType: row.link_type,
      direction: row.direction,
      relation: row.relation,
      otherKey: row.other_key,
    });
  }
  const deployments = (
    await manager.query<
      { id: string; repository_id: string; sha: string; created_at: Date; status: string | null }[]
    >(
      'SELECT id, repository_id, sha, created_at, status FROM deployment ORDER BY repository_id, created_at, id',
    )
  ).map((row) => ({
    id: row.id,
    repositoryId: row.repository_id,
    sha: row.sha,
    createdAt: row.created_at,
    status: row.status,
  }));
  const incidents = (
    await manager.query<
      {
        id: string;
        repository_id: string;
        issue_number: number;
        title: string;
        body: string;
        created_at: Date;
        closed_at: Date | null;
      }[]
    >(
      'SELECT id, repository_id, issue_number, title, body, created_at, closed_at FROM incident ORDER BY created_at, id',
    )
  ).map((row) => ({
    id: row.id,
    repositoryId: row.repository_id,
    repo:
      repositories.get(row.repository_id)?.fullName ?? row.repository_id.replace(/^github:/, ''),
    issueNumber: row.issue_number,
    title: row.title,
    body: row.body,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  }));
  return {
    repositories,
    pullRequests,
    pullRequestByNumber,
    pullRequestsByWorkItem,
    workItems,
    workItemByKey,
    changes,
    links,
    deployments,
    incidents,
    statusCategoryOf: (value) => (value === null ? undefined : categories.get(value)),
  };
}
