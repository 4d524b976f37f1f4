import { reworkListQuerySchema } from '@rework-radar/shared';
import { z } from 'zod';

/**
 * The rework list query with what this API adds to the shared contract: a server-side sort and
 * a CSV answer. `sort` names a field, `-` first for descending; the default (newest rework
 * first) is `-occurredAt`. Every order ends on the item id, so keyset pages stay stable.
 */
export const reworkSorts = [
  'occurredAt',
  '-occurredAt',
  'detectedAt',
  '-detectedAt',
  'confidence',
  '-confidence',
  'effort',
  '-effort',
] as const;
export type ReworkSort = (typeof reworkSorts)[number];

export const reworkListRequestSchema = reworkListQuerySchema.extend({
  sort: z.enum(reworkSorts).default('-occurredAt'),
  format: z.enum(['json', 'csv']).optional(),
});
export type ReworkListRequest = z.infer<typeof reworkListRequestSchema>;

export function wantsCsv(format: 'json' | 'csv' | undefined, accept: string | undefined): boolean {
  return (
    format === 'csv' || (format === undefined && (accept ?? '').toLowerCase().includes('text/csv'))
  );
}
