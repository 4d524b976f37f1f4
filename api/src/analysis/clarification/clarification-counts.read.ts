import type { EntityManager } from 'typeorm';

/**
 * What the metrics read: clarifying questions per pull request, as the last analysis counted
 * them. A PR missing from the answer was not analysed (null in a formula), which is not the
 * same as 0 (analysed, nobody asked).
 */
export interface ClarifyingQuestionCount {
  questions: number;
  questionsBeforeMerge: number;
}

export async function loadClarifyingQuestionCounts(
  manager: EntityManager,
  pullRequestIds: readonly string[],
): Promise<Map<string, ClarifyingQuestionCount>> {
  const counts = new Map<string, ClarifyingQuestionCount>();
  for (let start = 0; start < pullRequestIds.length; start += 10_000) {
    const rows = await manager.query<
      { pull_request_id: string; questions: number; questions_before_merge: number }[]
    >(
      'SELECT pull_request_id, questions, questions_before_merge FROM pull_request_clarification WHERE pull_request_id = ANY($1::text[])',
      [pullRequestIds.slice(start, start + 10_000)],
    );
    for (const row of rows)
      counts.set(row.pull_request_id, {
        questions: row.questions,
        questionsBeforeMerge: row.questions_before_merge,
      });
  }
  return counts;
}

/** The same per work item (ticket comments), by work item key. */
export async function loadWorkItemClarifyingQuestionCounts(
  manager: EntityManager,
  workItemKeys: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let start = 0; start < workItemKeys.length; start += 10_000) {
    const rows = await manager.query<{ work_item_key: string; questions: number }[]>(
      'SELECT work_item_key, questions FROM work_item_clarification WHERE work_item_key = ANY($1::text[])',
      [workItemKeys.slice(start, start + 10_000)],
    );
    for (const row of rows) counts.set(row.work_item_key, row.questions);
  }
  return counts;
}
