import type { EntityManager } from 'typeorm';
import { quarantineRecord } from '../sync-state/sync-state.store';
import { convertIssue, type ConvertContext, type ConvertedIssue } from './issue.converter';
import { extractIssue, IssueExtractionError, type ExtraHistories } from './issue.extractor';
import { writeConvertedIssues } from './domain/work-item.repository';
import type { StatusCategory } from './work-item-history';

/**
 * Extract + convert + write for a batch of raw issues from one payload. Used by the collector
 * (search pages), the webhook handler and the raw-layer replay, so all three produce the same rows.
 * A malformed issue is quarantined with its reason; the others are written.
 */
export interface ProcessedBatch {
  synced: string[];
  quarantined: { ref: string; reason: string }[];
  maxUpdated: string | null;
}

export function convertBatch(
  rawIssues: readonly unknown[],
  rawPayloadId: string,
  extras: ReadonlyMap<string, ExtraHistories[]>,
  context: ConvertContext,
): { converted: ConvertedIssue[]; quarantined: { ref: string; reason: string }[] } {
  const converted: ConvertedIssue[] = [];
  const quarantined: { ref: string; reason: string }[] = [];
  const categories = context.statusCategories as Map<string, StatusCategory>;
  for (const raw of rawIssues) {
    try {
      const key =
        raw !== null && typeof raw === 'object' && 'key' in raw && typeof raw.key === 'string'
          ? raw.key
          : '';
      const record = extractIssue(raw, context.fields, rawPayloadId, extras.get(key) ?? []);
      // Learn categories of statuses missing from /status (workflows added since).
      if (!categories.has(record.statusId)) {
        const category: StatusCategory =
          record.statusCategory === 'done'
            ? 'done'
            : record.statusCategory === 'new'
              ? 'new'
              : 'indeterminate';
        categories.set(record.statusId, category);
        categories.set(record.statusName, category);
      }
      converted.push(convertIssue(record, context));
    } catch (error) {
      if (!(error instanceof IssueExtractionError)) throw error;
      quarantined.push({ ref: error.issueRef, reason: error.message });
    }
  }
  return { converted, quarantined };
}

export async function processIssueBatch(
  manager: EntityManager,
  rawIssues: readonly unknown[],
  rawPayloadId: string,
  extras: ReadonlyMap<string, ExtraHistories[]>,
  context: ConvertContext,
): Promise<ProcessedBatch> {
  const { converted, quarantined } = convertBatch(rawIssues, rawPayloadId, extras, context);
  await writeConvertedIssues(manager, converted);
  for (const failure of quarantined) {
    await quarantineRecord(manager, {
      source: 'jira',
      kind: 'issue',
      sourceId: failure.ref,
      reason: failure.reason,
      rawPayloadId,
    });
  }
  const synced = converted.map((issue) => issue.workItem.key);
  // An issue that reads fine again leaves quarantine.
  if (synced.length > 0) {
    await manager.query(`DELETE FROM "quarantined_record" WHERE "id" = ANY($1::text[])`, [
      synced.map((key) => `jira:issue:${key}`),
    ]);
  }
  const maxUpdated = converted.reduce<string | null>((max, issue) => {
    const updated = issue.workItem.updatedAt.toISOString();
    return max === null || updated > max ? updated : max;
  }, null);
  return { synced, quarantined, maxUpdated };
}
