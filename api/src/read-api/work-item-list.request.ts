import { type StatusCategoryKey, workItemListQuerySchema } from '@rework-radar/shared';
import { z } from 'zod';
import { cursorScope, decodeCursor } from './cursor';

/** Position in the list order: (project key, key number, key). */
export const workItemSortKeySchema = z.tuple([
  z.string().min(1),
  z.number().int().nonnegative(),
  z.string().min(1),
]);
export type WorkItemSortKey = z.infer<typeof workItemSortKeySchema>;

export interface WorkItemListRequest {
  project: string | null;
  /** Status name, lower-cased: compared case-insensitively. */
  status: string | null;
  statusCategory: StatusCategoryKey | null;
  limit: number;
  after: WorkItemSortKey | null;
  scope: string;
}

/** The shared query schema plus the cursor read for these filters (400 on `cursor` otherwise). */
export const workItemListRequestSchema = workItemListQuerySchema.transform(
  (query, context): WorkItemListRequest => {
    const project = query.project ?? null;
    const status = query.status?.toLowerCase() ?? null;
    const statusCategory = query.statusCategory ?? null;
    const scope = cursorScope('work-items', {
      project: project ?? undefined,
      status: status ?? undefined,
      statusCategory: statusCategory ?? undefined,
    });
    let after: WorkItemSortKey | null = null;
    if (query.cursor !== undefined) {
      const key = workItemSortKeySchema.safeParse(decodeCursor(scope, query.cursor));
      if (!key.success) {
        context.addIssue({
          code: 'custom',
          path: ['cursor'],
          message: 'cursor is not one this api handed out for these filters',
        });
        return z.NEVER;
      }
      after = key.data;
    }
    return { project, status, statusCategory, limit: query.limit, after, scope };
  },
);
