import type { EntityManager } from 'typeorm';
import type { AnalysisConfig } from '../core';
import { upsertChanged } from '../store/upsert-changed';
import { countClarifyingQuestions, type TalkComment } from './count-clarifications';

/**
 * Reads: pull requests with their review bodies and comments, one repository at a time, and work
 * items with their comments, a page at a time (memory stays bounded at any organisation size).
 * Writes: `pull_request_clarification` and `work_item_clarification`, only rows that changed.
 * `scope` limits the work to the subjects a sync changed; `'all'` recounts everything and drops
 * rows of subjects that no longer exist.
 */
export interface ClarificationScope {
  pullRequestIds: readonly string[] | 'all';
  workItemIds: readonly string[] | 'all';
}

export interface ClarificationCounts {
  pullRequests: number;
  workItems: number;
  written: number;
  removed: number;
}

interface PrRow {
  id: string;
  author_login: string | null;
  merged_at: Date | null;
}

interface TalkRow {
  subject_id: string;
  author_login: string | null;
  body: string;
  at: Date;
}

interface PrCountRow {
  id: string;
  questions: number;
  before: number;
  first: Date | null;
}

interface WorkItemCountRow extends PrCountRow {
  key: string;
}

const workItemPage = 2000;
const idChunk = 5000;

function grouped(rows: readonly TalkRow[]): Map<string, TalkComment[]> {
  const map = new Map<string, TalkComment[]>();
  for (const row of rows) {
    const list = map.get(row.subject_id) ?? [];
    list.push({ authorLogin: row.author_login, body: row.body, at: row.at });
    map.set(row.subject_id, list);
  }
  return map;
}

const prTalkSql = (filter: string): string =>
  `SELECT c.pull_request_id AS subject_id, c.author_login, c.body, c.created_at AS at FROM pull_request_comment c JOIN pull_request p ON p.id = c.pull_request_id WHERE ${filter}
   UNION ALL SELECT r.pull_request_id, r.author_login, r.body, r.submitted_at FROM pull_request_review r JOIN pull_request p ON p.id = r.pull_request_id
   WHERE ${filter} AND r.body <> '' AND r.submitted_at IS NOT NULL`;

async function countPullRequests(
  manager: EntityManager,
  filter: string,
  param: unknown,
  agents: ReadonlySet<string>,
): Promise<PrCountRow[]> {
  const prs = await manager.query<PrRow[]>(
    `SELECT p.id, p.author_login, p.merged_at FROM pull_request p WHERE ${filter}`,
    [param],
  );
  const talk = grouped(await manager.query<TalkRow[]>(prTalkSql(filter), [param]));
  return prs.map((pr) => {
    const count = countClarifyingQuestions(
      talk.get(pr.id) ?? [],
      { authorLogin: pr.author_login, before: pr.merged_at },
      agents,
    );
    return {
      id: pr.id,
      questions: count.questions,
      before: count.questionsBefore,
      first: count.firstAskedAt,
    };
  });
}

async function countWorkItems(
  manager: EntityManager,
  items: ReadonlyArray<{ id: string; key: string }>,
  agents: ReadonlySet<string>,
): Promise<WorkItemCountRow[]> {
  const ids = items.map((item) => item.id);
  const talk = grouped(
    await manager.query<TalkRow[]>(
      `SELECT c.work_item_id AS subject_id, NULL AS author_login, c.body_text AS body, c.created_at AS at FROM work_item_comment c WHERE c.work_item_id = ANY($1::text[])`,
      [ids],
    ),
  );
  return items.map((item) => {
    const count = countClarifyingQuestions(
      talk.get(item.id) ?? [],
      { authorLogin: null, before: null },
      agents,
    );
    return {
      id: item.id,
      key: item.key,
      questions: count.questions,
      before: count.questionsBefore,
      first: count.firstAskedAt,
    };
  });
}

const writePrs = (manager: EntityManager, rows: readonly PrCountRow[]): Promise<number> =>
  upsertChanged<PrCountRow>(
    manager,
    {
      table: 'pull_request_clarification',
      key: 'pull_request_id',
      columns: [
        ['pull_request_id', (row) => row.id],
        ['questions', (row) => row.questions],
        ['questions_before_merge', (row) => row.before],
        ['first_asked_at', (row) => row.first],
      ],
    },
    rows,
  );

const writeWorkItems = (
  manager: EntityManager,
  rows: readonly WorkItemCountRow[],
): Promise<number> =>
  upsertChanged<WorkItemCountRow>(
    manager,
    {
      table: 'work_item_clarification',
      key: 'work_item_id',
      columns: [
        ['work_item_id', (row) => row.id],
        ['work_item_key', (row) => row.key],
        ['questions', (row) => row.questions],
        ['first_asked_at', (row) => row.first],
      ],
    },
    rows,
  );

export async function refreshClarifications(
  manager: EntityManager,
  config: AnalysisConfig,
  scope: ClarificationScope,
): Promise<ClarificationCounts> {
  const agents = new Set(config.agentLogins.map((login) => login.toLowerCase()));
  const counts: ClarificationCounts = { pullRequests: 0, workItems: 0, written: 0, removed: 0 };
  if (scope.pullRequestIds === 'all') {
    const repositories = await manager.query<{ id: string }[]>(
      'SELECT DISTINCT repository_id AS id FROM pull_request ORDER BY 1',
    );
    for (const repository of repositories) {
      const rows = await countPullRequests(manager, 'p.repository_id = $1', repository.id, agents);
      counts.pullRequests += rows.length;
      counts.written += await writePrs(manager, rows);
    }
    const result: unknown = await manager.query(
      'DELETE FROM pull_request_clarification c WHERE NOT EXISTS (SELECT 1 FROM pull_request p WHERE p.id = c.pull_request_id)',
    );
    counts.removed += Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  } else {
    for (let start = 0; start < scope.pullRequestIds.length; start += idChunk) {
      const chunk = scope.pullRequestIds.slice(start, start + idChunk);
      const rows = await countPullRequests(manager, 'p.id = ANY($1::text[])', chunk, agents);
      counts.pullRequests += rows.length;
      counts.written += await writePrs(manager, rows);
    }
  }
  if (scope.workItemIds === 'all') {
    let after = '';
    for (;;) {
      const page = await manager.query<{ id: string; key: string }[]>(
        'SELECT id, key FROM work_item WHERE id > $1 ORDER BY id LIMIT $2',
        [after, workItemPage],
      );
      if (page.length === 0) break;
      const rows = await countWorkItems(manager, page, agents);
      counts.workItems += rows.length;
      counts.written += await writeWorkItems(manager, rows);
      after = page[page.length - 1]?.id ?? after;
    }
    const result: unknown = await manager.query(
      'DELETE FROM work_item_clarification c WHERE NOT EXISTS (SELECT 1 FROM work_item w WHERE w.id = c.work_item_id)',
    );
    counts.removed += Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  } else {
    for (let start = 0; start < scope.workItemIds.length; start += workItemPage) {
      const page = await manager.query<{ id: string; key: string }[]>(
        'SELECT id, key FROM work_item WHERE id = ANY($1::text[]) ORDER BY id',
        [scope.workItemIds.slice(start, start + workItemPage)],
      );
      const rows = await countWorkItems(manager, page, agents);
      counts.workItems += rows.length;
      counts.written += await writeWorkItems(manager, rows);
    }
  }
  return counts;
}
