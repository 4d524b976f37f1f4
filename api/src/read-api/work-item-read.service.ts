import { Injectable } from '@nestjs/common';
import {
  statusCategorySchema,
  type StatusCategoryKey,
  type WorkItemListPage,
  type WorkItemView,
} from '@rework-radar/shared';
import { isoUtc, isoUtcOrNull, keysetPage } from './keyset-page';
import type { WorkItemListRequest } from './work-item-list.request';
import { WorkItemReadRepository, type WorkItemReadRow } from './work-item-read.repository';

/** Jira's key for "No Category" is `undefined`; anything unexpected is reported as that too. */
const categoryOf = (value: string): StatusCategoryKey => {
  const parsed = statusCategorySchema.safeParse(value);
  return parsed.success ? parsed.data : 'undefined';
};

export function toWorkItemView(row: WorkItemReadRow): WorkItemView {
  return {
    key: row.key,
    project: row.project_key,
    type: row.issue_type,
    summary: row.summary,
    status: row.status,
    statusCategory: categoryOf(row.status_category),
    createdAt: isoUtc(row.created_at),
    resolvedAt: isoUtcOrNull(row.resolved_at),
    storyPoints: row.story_points,
    reopenCount: row.reopen_count,
    contextScore: row.context_score,
  };
}

@Injectable()
export class WorkItemReadService {
  constructor(private readonly workItems: WorkItemReadRepository) {}

  async list(request: WorkItemListRequest): Promise<WorkItemListPage> {
    const rows = await this.workItems.listAfter(request);
    return keysetPage(
      rows,
      request.limit,
      request.scope,
      (row) => [row.project_key, Number(row.key_number), row.key],
      toWorkItemView,
    );
  }

  async get(key: string): Promise<WorkItemView | null> {
    const row = await this.workItems.findByKey(key);
    return row === null ? null : toWorkItemView(row);
  }
}
