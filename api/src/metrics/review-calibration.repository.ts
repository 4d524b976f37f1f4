import {
  defaultMetricOptions,
  type ReviewCalibrationPoint,
  type ReviewCalibrationQuery,
  type ReviewCalibrationResponse,
} from '@rework-radar/shared';
import type { EntityManager } from 'typeorm';
import { pullRequestUrl, type LinkBase } from '../analysis/detection/detected-rework';
import { instant } from '../teams/team-members.resolve';

/** Risk vs depth of merged, scored PRs; a team's PRs are those its members opened while in it. */

interface Row {
  id: string;
  full_name: string;
  number: number;
  title: string;
  author_login: string | null;
  is_agent: boolean;
  merged_at: Date;
  risk: number;
  depth: number;
  rubber_stamp: boolean;
  over_review: boolean;
  /** With a sample: every row of the range, counted before the sample's limit. */
  total?: string;
}

export class InvalidCursorError extends Error {}

const encode = (at: Date, id: string): string =>
  Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');

function decode(cursor: string): { at: Date; id: string } {
  const [at, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (Number.isNaN(date.getTime()) || rest.length === 0)
    throw new InvalidCursorError('cursor is not one this API gave');
  return { at: date, id: rest.join('|') };
}

export function riskBucketOf(risk: number): ReviewCalibrationPoint['riskBucket'] {
  return risk <= defaultMetricOptions.lowRiskMax
    ? 'low'
    : risk >= defaultMetricOptions.highRiskMin
      ? 'high'
      : 'medium';
}

/**
 * Oldest merge first, by (merged_at, id): a stable order for the cursor. With `sample`, the
 * pull requests whose id hashes lowest instead: spread over the whole range (the first page of a
 * large organisation's quarter holds only its first days), the same ones on every call.
 */
export async function listReviewCalibration(
  manager: EntityManager,
  query: ReviewCalibrationQuery,
  links: LinkBase,
): Promise<ReviewCalibrationResponse> {
  const where = ['p.merged_at IS NOT NULL'];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (query.from !== undefined) add((n) => `p.merged_at >= ${n}`, instant(query.from));
  if (query.to !== undefined) add((n) => `p.merged_at < ${n}`, instant(query.to));
  if (query.repo !== undefined)
    add((n) => `p.repository_id = ${n}`, `github:${query.repo.toLowerCase()}`);
  if (query.flag === 'rubber-stamp') where.push('s.rubber_stamp');
  if (query.flag === 'over-review') where.push('s.over_review');
  if (query.team !== undefined) {
    add(
      (n) => `EXISTS (SELECT 1 FROM identity i JOIN team_membership m ON m.person_id = i.person_id
        WHERE i.id = 'github:' || lower(p.author_login) AND m.team_slug = ${n}
          AND (m.from_at IS NULL OR m.from_at <= p.created_at) AND (m.to_at IS NULL OR p.created_at < m.to_at))`,
      query.team,
    );
  }
  if (query.cursor !== undefined) {
    const cursor = decode(query.cursor);
    params.push(cursor.at, cursor.id);
    where.push(`(p.merged_at, p.id) > ($${params.length - 1}, $${params.length})`);
  }
  const columns = `p.id, r.full_name, p.number, p.title, p.author_login, p.is_agent, p.merged_at, s.risk, s.depth, s.rubber_stamp, s.over_review`;
  const from = `pull_request p JOIN pull_request_review_score s ON s.pull_request_id = p.id JOIN repository r ON r.id = p.repository_id
     WHERE ${where.join(' AND ')}`;
  if (query.sample !== undefined) {
    params.push(query.sample);
    const sampled = await manager.query<Row[]>(
      `SELECT * FROM (SELECT ${columns}, count(*) OVER () AS total FROM ${from}
         ORDER BY md5(p.id), p.id LIMIT $${params.length}) picked
       ORDER BY merged_at, id`,
      params,
    );
    return {
      items: sampled.map((row) => calibrationPoint(row, links)),
      nextCursor: null,
      total: Number(sampled[0]?.total ?? 0),
    };
  }
  params.push(query.limit + 1);
  const rows = await manager.query<Row[]>(
    `SELECT ${columns} FROM ${from} ORDER BY p.merged_at, p.id LIMIT $${params.length}`,
    params,
  );
  const last = rows[query.limit - 1];
  return {
    items: rows.slice(0, query.limit).map((row) => calibrationPoint(row, links)),
    nextCursor:
      rows.length > query.limit && last !== undefined ? encode(last.merged_at, last.id) : null,
  };
}

function calibrationPoint(row: Row, links: LinkBase): ReviewCalibrationPoint {
  return {
    pullRequestId: row.id,
    repo: row.full_name,
    number: row.number,
    title: row.title,
    url: pullRequestUrl(links, row.full_name, row.number),
    author: row.author_login,
    isAgent: row.is_agent,
    mergedAt: row.merged_at.toISOString(),
    risk: row.risk,
    depth: row.depth,
    riskBucket: riskBucketOf(row.risk),
    rubberStamp: row.rubber_stamp,
    overReview: row.over_review,
  };
}
