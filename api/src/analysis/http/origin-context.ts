import type { OriginContext } from '@rework-radar/shared';
import type { EntityManager } from 'typeorm';

/** The origin work items' context as it was when their work started (see `originContextSchema`). */
export async function originContexts(
  manager: EntityManager,
  workItemKeys: readonly string[],
): Promise<OriginContext[]> {
  if (workItemKeys.length === 0) return [];
  const rows = await manager.query<
    {
      work_item_key: string;
      started_at: Date;
      started_from: string;
      score: number;
      components: OriginContext['components'];
    }[]
  >(
    'SELECT work_item_key, started_at, started_from, score, components FROM work_item_context WHERE work_item_key = ANY($1::text[]) ORDER BY work_item_key',
    [workItemKeys],
  );
  return rows.map((row) => ({
    workItemKey: row.work_item_key,
    startedAt: row.started_at.toISOString(),
    startedFrom: row.started_from,
    score: row.score,
    components: row.components.map((component) => ({
      name: component.name,
      points: component.points,
      max: component.max,
      reason: component.reason,
    })),
  }));
}
