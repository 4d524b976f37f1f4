import type { ReworkSort } from '@rework-radar/shared';

/**
 * The SQL of each sort, and its keyset cursor: the sort it was made for, the last row's sort
 * value and id. A cursor from another sort is refused rather than silently skipping items.
 */
interface SortColumn {
  /** The expression in the list query (`r` rework items, `a` the attribution). */
  sql: string;
  cast: 'timestamptz' | 'double precision';
}

const columns: Record<string, SortColumn> = {
  occurredAt: { sql: 'r.occurred_at', cast: 'timestamptz' },
  detectedAt: { sql: 'r.detected_at', cast: 'timestamptz' },
  confidence: { sql: 'coalesce(a.confidence, 0)', cast: 'double precision' },
  effort: { sql: 'r.effort_lines', cast: 'double precision' },
};

export interface SortPlan {
  column: SortColumn;
  descending: boolean;
}

export function sortPlan(sort: ReworkSort): SortPlan {
  const descending = sort.startsWith('-');
  const column = columns[descending ? sort.slice(1) : sort];
  if (column === undefined) throw new Error(`unknown sort ${sort}`);
  return { column, descending };
}

export function orderBy(plan: SortPlan): string {
  const direction = plan.descending ? 'DESC' : 'ASC';
  return `ORDER BY ${plan.column.sql} ${direction}, r.id ${direction}`;
}

/** The rows after the cursor's row in this order (`$value`, `$id` are the placeholders). */
export function afterCursor(plan: SortPlan, value: string, id: string): string {
  const operator = plan.descending ? '<' : '>';
  return `(${plan.column.sql}, r.id) ${operator} (${value}::${plan.column.cast}, ${id})`;
}

export interface ReworkCursor {
  sort: ReworkSort;
  value: string;
  id: string;
}

export function encodeReworkCursor(cursor: ReworkCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id]), 'utf8').toString(
    'base64url',
  );
}

/** Null when the text is not a cursor this API gave for this sort. */
export function decodeReworkCursor(text: string, sort: ReworkSort): ReworkCursor | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== sort ||
    typeof parsed[1] !== 'string' ||
    typeof parsed[2] !== 'string'
  )
    return null;
  const plan = sortPlan(sort);
  const valid =
    plan.column.cast === 'timestamptz'
      ? !Number.isNaN(new Date(parsed[1]).getTime())
      : Number.isFinite(Number(parsed[1])) && parsed[1].trim() !== '';
  return valid ? { sort, value: parsed[1], id: parsed[2] } : null;
}
