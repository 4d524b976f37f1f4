import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PullRequestListRequest } from './pull-request-list.request';

/** One pull request with what the read API derives from its reviews and links. */
export interface PullRequestReadRow {
  repository_id: string;
  repo: string;
  number: number;
  title: string;
  author: string | null;
  state: 'open' | 'merged' | 'closed';
  created_at: Date;
  merged_at: Date | null;
  closed_at: Date | null;
  first_review_at: Date | null;
  review_count: number;
  additions: number;
  deletions: number;
  work_item_keys: string[];
}

/*
 * - repo: owner and name as GitHub spelled them (`repository.full_name` is lower case).
 * - author: `author_login` is stored lower case; the GitHub identity keeps the login as GitHub
 *   shows it (bots as `name[bot]`).
 * - reviews: read from the review rows, not `pull_request.first_review_at`, so reviews that came
 *   on later pages or by webhook count. A submitted review has a submittedAt and is not PENDING.
 *   The first review excludes the author's own (a self-review is not a review of the change);
 *   the count includes it, as GitHub's review list does.
 * - keys: every key the linking found, also those whose work item is not synced yet.
 */
/** The columns of the pull requests in `chosen` (a subquery of ids), with reviews and keys. */
const selectFor = (chosen: string): string => `
  SELECT p.repository_id,
         coalesce(r.owner || '/' || r.name, substring(p.repository_id FROM 8)) AS repo,
         p.number, p.title,
         CASE WHEN p.author_login IS NULL THEN NULL ELSE coalesce(i.display_name, p.author_login) END AS author,
         p.state, p.created_at, p.merged_at, p.closed_at,
         rv.first_review_at, rv.review_count, p.additions, p.deletions,
         coalesce(wk.keys, '{}') AS work_item_keys
    FROM (${chosen}) chosen
    JOIN pull_request p ON p.id = chosen.id
    LEFT JOIN repository r ON r.id = p.repository_id
    LEFT JOIN identity i ON i.id = 'github:' || p.author_login AND lower(i.display_name) = p.author_login
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS review_count,
             min(v.submitted_at) FILTER (
               WHERE v.author_login IS NULL OR p.author_login IS NULL OR v.author_login <> p.author_login
             ) AS first_review_at
        FROM pull_request_review v
       WHERE v.pull_request_id = p.id AND v.submitted_at IS NOT NULL AND v.state <> 'PENDING'
    ) rv ON true
    LEFT JOIN LATERAL (
      SELECT array_agg(DISTINCT k.work_item_key) AS keys FROM pull_request_work_item k WHERE k.pull_request_id = p.id
    ) wk ON true`;

@Injectable()
export class PullRequestReadRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Up to `limit + 1` pull requests after the cursor, ordered by (repository id, number), byte
   * order (`COLLATE "C"`) so the order is the same on every server whatever its locale. With one
   * repository the (repository_id, number) index serves the page directly.
   */
  async listAfter(request: PullRequestListRequest): Promise<PullRequestReadRow[]> {
    const where: string[] = [];
    const parameters: (string | number)[] = [];
    const parameter = (value: string | number): string => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    if (request.repositoryId !== null)
      where.push(`p.repository_id = ${parameter(request.repositoryId)}`);
    if (request.state !== null) where.push(`p.state = ${parameter(request.state)}`);
    let order: string;
    if (request.repositoryId !== null) {
      order = 'p.number';
      // The cursor's scope includes the repository, so its key is in this repository.
      if (request.after !== null) where.push(`p.number > ${parameter(request.after[1])}`);
    } else {
      order = 'p.repository_id COLLATE "C", p.number';
      if (request.after !== null) {
        where.push(
          `(p.repository_id COLLATE "C", p.number) > (${parameter(request.after[0])}, ${parameter(request.after[1])})`,
        );
      }
    }
    // The page's ids first, so reviews and links are read for its rows only, not the whole table.
    const chosen = `SELECT p.id FROM pull_request p
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order}
      LIMIT ${parameter(request.limit + 1)}`;
    return this.dataSource.query<PullRequestReadRow[]>(
      `${selectFor(chosen)} ORDER BY ${order}`,
      parameters,
    );
  }

  async findOne(repositoryId: string, number: number): Promise<PullRequestReadRow | null> {
    const chosen = 'SELECT id FROM pull_request WHERE repository_id = $1 AND number = $2';
    const rows = await this.dataSource.query<PullRequestReadRow[]>(selectFor(chosen), [
      repositoryId,
      number,
    ]);
    return rows[0] ?? null;
  }
}
