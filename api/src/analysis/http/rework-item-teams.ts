import type { EntityManager } from 'typeorm';

/**
 * The teams a rework item belongs to, by the metrics' team rule (shared/src/metrics/team-scoping.ts):
 * the team of an origin PR's author when it was opened, or of an origin work item's assignee when
 * work started (else when it was created). Used to let engineering managers see their teams' items.
 */
export async function teamsOfReworkItem(
  manager: EntityManager,
  params: Record<string, string>,
): Promise<string[]> {
  const rows: { team_slug: string }[] = await manager.query(
    `SELECT m.team_slug FROM rework_item r
       JOIN pull_request op ON op.id = ANY(r.origin_pull_request_ids)
       JOIN identity i ON i.id = 'github:' || lower(op.author_login)
       JOIN team_membership m ON m.person_id = i.person_id
        AND (m.from_at IS NULL OR m.from_at <= op.created_at) AND (m.to_at IS NULL OR op.created_at < m.to_at)
      WHERE r.id = $1
     UNION
     SELECT m.team_slug FROM rework_item r
       JOIN work_item ow ON ow.key = ANY(r.origin_work_item_keys)
       JOIN identity i ON i.id = ow.assignee_identity_id
       LEFT JOIN work_item_context c ON c.work_item_id = ow.id
       JOIN team_membership m ON m.person_id = i.person_id
        AND (m.from_at IS NULL OR m.from_at <= coalesce(c.started_at, ow.created_at))
        AND (m.to_at IS NULL OR coalesce(c.started_at, ow.created_at) < m.to_at)
      WHERE r.id = $1`,
    [params.id ?? ''],
  );
  return rows.map((row) => row.team_slug);
}
