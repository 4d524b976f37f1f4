import type { EntityManager } from 'typeorm';

/**
 * Reads: the domain rows a sync wrote after the last analysis (every domain row carries the raw
 * payload it came from, and raw payload ids only grow), and PR-to-work-item links first seen
 * since then (the linking step writes those without a payload). Writes: nothing.
 */
export interface ChangedSubjects {
  pullRequestIds: string[];
  workItemIds: string[];
  incidentIds: string[];
  deploymentIds: string[];
}

export interface ChangeMark {
  /** The highest raw payload id the previous analysis saw. */
  rawPayloadId: string;
  /** When the previous analysis started: links first seen at or after it are new. */
  analysedAt: Date;
}

const ids = async (manager: EntityManager, sql: string, params: unknown[]): Promise<string[]> =>
  (await manager.query<{ id: string }[]>(sql, params)).map((row) => row.id).sort();

export async function changedSince(
  manager: EntityManager,
  mark: ChangeMark,
): Promise<ChangedSubjects> {
  const raw = [mark.rawPayloadId];
  return {
    pullRequestIds: await ids(
      manager,
      `SELECT id FROM pull_request WHERE raw_payload_id > $1
       UNION SELECT pull_request_id FROM pull_request_comment WHERE raw_payload_id > $1
       UNION SELECT pull_request_id FROM pull_request_review WHERE raw_payload_id > $1
       UNION SELECT pull_request_id FROM pull_request_commit WHERE raw_payload_id > $1
       UNION SELECT pull_request_id FROM pull_request_file WHERE raw_payload_id > $1
       UNION SELECT pull_request_id FROM pull_request_work_item WHERE first_seen_at >= $2`,
      [mark.rawPayloadId, mark.analysedAt],
    ),
    workItemIds: await ids(
      manager,
      `SELECT id FROM work_item WHERE raw_payload_id > $1
       UNION SELECT work_item_id FROM work_item_change WHERE raw_payload_id > $1
       UNION SELECT work_item_id FROM work_item_comment WHERE raw_payload_id > $1
       UNION SELECT work_item_id FROM work_item_link WHERE raw_payload_id > $1`,
      raw,
    ),
    incidentIds: await ids(manager, 'SELECT id FROM incident WHERE raw_payload_id > $1', raw),
    deploymentIds: await ids(manager, 'SELECT id FROM deployment WHERE raw_payload_id > $1', raw),
  };
}
