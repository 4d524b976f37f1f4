import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkItemListRequest } from './work-item-list.request';

export interface WorkItemReadRow {
  key: string;
  project_key: string;
  key_number: string;
  issue_type: string;
  summary: string;
  status: string;
  status_category: string;
  created_at: Date;
  resolved_at: Date | null;
  story_points: number | null;
  reopen_count: number;
  context_score: number | null;
}

const keyNumber = `coalesce(substring(w.key FROM '-([0-9]+)$')::bigint, 0)`;

/** `context_score` comes from the analysis table when it exists, else it is null (never made up). */
const selectFrom = (withContext: boolean): string => `
  SELECT w.key, w.project_key, ${keyNumber}::text AS key_number, w.issue_type, w.summary, w.status,
         w.status_category, w.created_at, w.resolved_at, w.story_points, w.reopen_count,
         ${withContext ? 'c.score' : 'NULL::integer'} AS context_score
    FROM work_item w
    ${withContext ? 'LEFT JOIN work_item_context c ON c.work_item_id = w.id' : ''}`;

@Injectable()
export class WorkItemReadRepository {
  /** Tables are not dropped at run time: once seen, the analysis table is assumed present. */
  private contextTableSeen = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Whether the analysis has its `work_item_context` table in this database (one catalog lookup). */
  async hasContextTable(): Promise<boolean> {
    if (this.contextTableSeen) return true;
    const [row] = await this.dataSource.query<{ present: boolean }[]>(
      `SELECT to_regclass('work_item_context') IS NOT NULL AS present`,
    );
    this.contextTableSeen = row?.present === true;
    return this.contextTableSeen;
  }

  /**
   * Up to `limit + 1` work items after the cursor, ordered by (project key, number in the key,
   * key), byte order, so ENG-2 comes before ENG-10 on every server.
   */
  async listAfter(request: WorkItemListRequest): Promise<WorkItemReadRow[]> {
    const where: string[] = [];
    const parameters: (string | number)[] = [];
    const parameter = (value: string | number): string => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    if (request.project !== null) where.push(`w.project_key = ${parameter(request.project)}`);
    if (request.status !== null) where.push(`lower(w.status) = ${parameter(request.status)}`);
    if (request.statusCategory !== null)
      where.push(`w.status_category = ${parameter(request.statusCategory)}`);
    if (request.after !== null) {
      const [project, number, key] = request.after;
      where.push(
        `(w.project_key COLLATE "C", ${keyNumber}, w.key COLLATE "C") > (${parameter(project)}, ${parameter(number)}::bigint, ${parameter(key)})`,
      );
    }
    const sql = `${selectFrom(await this.hasContextTable())}
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY w.project_key COLLATE "C", ${keyNumber}, w.key COLLATE "C"
      LIMIT ${parameter(request.limit + 1)}`;
    return this.dataSource.query<WorkItemReadRow[]>(sql, parameters);
  }

  async findByKey(key: string): Promise<WorkItemReadRow | null> {
    const rows = await this.dataSource.query<WorkItemReadRow[]>(
      `${selectFrom(await this.hasContextTable())} WHERE w.key = $1`,
      [key],
    );
    return rows[0] ?? null;
  }
}
