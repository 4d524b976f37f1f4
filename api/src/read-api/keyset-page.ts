import type { Paginated } from '@rework-radar/shared';
import { encodeCursor, type SortKey } from './cursor';

/**
 * Repositories fetch `limit + 1` rows after the cursor: the extra row only says a next page
 * exists, so the last page answers `nextCursor: null` instead of sending clients to an empty one.
 */
export function keysetPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  scope: string,
  keyOf: (row: Row) => SortKey,
  toItem: (row: Row) => Item,
): Paginated<Item> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const nextCursor =
    rows.length > limit && last !== undefined ? encodeCursor(scope, keyOf(last)) : null;
  return { items: shown.map(toItem), nextCursor };
}

/** Timestamps leave the api as ISO 8601 in UTC (`…Z`), whatever the database session's zone. */
export const isoUtc = (value: Date): string => value.toISOString();
export const isoUtcOrNull = (value: Date | null): string | null =>
  value === null ? null : value.toISOString();
