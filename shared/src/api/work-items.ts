import { z } from 'zod';
import { pageCursorSchema, pageLimitSchema, paginated } from './pagination.js';

const projectKeyPattern = /^[A-Za-z][A-Za-z0-9_]*$/;
const workItemKeyPattern = /^([A-Za-z][A-Za-z0-9_]*)-(\d{1,15})$/;

/** A Jira project key; Jira keys are upper case, so `eng` means `ENG`. */
export const projectKeySchema = z
  .string()
  .regex(projectKeyPattern, 'expected a Jira project key, e.g. ENG')
  .transform((key) => key.toUpperCase());

/** A Jira issue key (`ENG-42`), upper-cased. */
export const workItemKeySchema = z
  .string()
  .regex(workItemKeyPattern, 'expected a Jira issue key, e.g. ENG-42')
  .transform((key) => key.toUpperCase());

/**
 * Jira's status category key. `undefined` is Jira's own key for "No Category" (rare, but real
 * sites have statuses without a category).
 */
export const statusCategorySchema = z.enum(['new', 'indeterminate', 'done', 'undefined']);
export type StatusCategoryKey = z.infer<typeof statusCategorySchema>;

/** `GET /api/work-items`: no `project` lists every synced project. */
export const workItemListQuerySchema = z.object({
  project: projectKeySchema
    .optional()
    .describe('Jira project key (case-insensitive); absent = every synced project'),
  status: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe('only work items in this status (its name, case-insensitive)'),
  statusCategory: statusCategorySchema
    .optional()
    .describe('only work items whose status is in this category'),
  limit: pageLimitSchema.describe('items per page, 1..500 (default 100)'),
  cursor: pageCursorSchema
    .optional()
    .describe('nextCursor of the previous page, with the same filters'),
});
export type WorkItemListQuery = z.infer<typeof workItemListQuerySchema>;

/** `GET /api/work-items/:key`. */
export const workItemParamsSchema = z.object({ key: workItemKeySchema });
export type WorkItemParams = z.infer<typeof workItemParamsSchema>;

const utc = z.iso.datetime();

/** One work item (Jira issue) as the read API answers it; each field means what Jira means by it. */
export const workItemSchema = z.object({
  key: z.string(),
  project: z.string().describe('Jira project key'),
  type: z
    .string()
    .describe('issue type name as Jira shows it (Story, Bug, Task, Epic, Sub-task...)'),
  summary: z.string(),
  status: z.string().describe('status name as Jira shows it'),
  statusCategory: statusCategorySchema.describe("the status's category key in Jira"),
  createdAt: utc,
  resolvedAt: utc.nullable().describe("Jira's resolutiondate; null while unresolved"),
  storyPoints: z
    .number()
    .nullable()
    .describe("the site's story points field (discovered by name/type); null when unset or absent"),
  reopenCount: z
    .number()
    .int()
    .nonnegative()
    .describe(
      'status changes in the changelog from a done-category status to one that is not done',
    ),
  contextScore: z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .describe(
      'context score (0-100) of the item as it was when work started, from the analysis; null until analysed',
    ),
});
export type WorkItemView = z.infer<typeof workItemSchema>;

export const workItemListPageSchema = paginated(workItemSchema);
export type WorkItemListPage = z.infer<typeof workItemListPageSchema>;

/** `ENG-42` -> `{ project: 'ENG', number: 42 }`; null for text that is not an issue key. */
export function parseWorkItemKey(key: string): { project: string; number: number } | null {
  const match = workItemKeyPattern.exec(key);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { project: match[1].toUpperCase(), number: Number(match[2]) };
}

/** The read API's order for keys: by project, then by number (ENG-2 before ENG-10). */
export function compareWorkItemKeys(a: string, b: string): number {
  const left = parseWorkItemKey(a);
  const right = parseWorkItemKey(b);
  if (left === null || right === null) return a < b ? -1 : a > b ? 1 : 0;
  if (left.project !== right.project) return left.project < right.project ? -1 : 1;
  return left.number - right.number || (a < b ? -1 : a > b ? 1 : 0);
}
