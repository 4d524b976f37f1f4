import type { QuarantinedRecordView, QuarantinePage, QuarantineQuery } from '@rework-radar/shared';
import type { DataSource } from 'typeorm';
import { cursorScope, decodeCursor } from '../read-api/cursor';
import { keysetPage } from '../read-api/keyset-page';

/** Decoding a cursor made for other filters, or damaged. */
export class QuarantineCursorError extends Error {}

interface Row {
  id: string;
  source: string;
  kind: string;
  source_id: string;
  reason: string;
  raw_payload_id: string | null;
  quarantined_at: Date;
  /** Microseconds since the epoch, as text: the exact sort key (a JS Date keeps milliseconds only). */
  at_us: string;
}

/** One page of quarantined records, ordered by (quarantined_at DESC, id). */
export async function listQuarantine(
  dataSource: DataSource,
  query: QuarantineQuery,
): Promise<QuarantinePage> {
  const scope = cursorScope('sync/quarantine', { source: query.source });
  const after = query.cursor === undefined ? null : decodeCursor(scope, query.cursor);
  if (query.cursor !== undefined && after === null)
    throw new QuarantineCursorError('cursor is not one this api handed out for these filters');
  const [afterUs, afterId] = after ?? [null, null];
  const params: unknown[] = [query.source ?? null];
  let keyset = '';
  if (afterUs !== null) {
    params.push(String(afterUs), String(afterId));
    keyset = `AND (q.at_us < $2::bigint OR (q.at_us = $2::bigint AND q.id > $3))`;
  }
  params.push(query.limit + 1);
  const rows = await dataSource.query<Row[]>(
    `SELECT * FROM (
       SELECT id, source, kind, source_id, reason, raw_payload_id::text AS raw_payload_id,
              quarantined_at, (extract(epoch FROM quarantined_at) * 1000000)::bigint AS at_us
       FROM quarantined_record WHERE ($1::text IS NULL OR source = $1)
     ) q WHERE true ${keyset}
     ORDER BY q.at_us DESC, q.id LIMIT $${params.length}`,
    params,
  );
  const total = await dataSource.query<{ count: string }[]>(
    `SELECT count(*)::text AS count FROM quarantined_record WHERE ($1::text IS NULL OR source = $1)`,
    [query.source ?? null],
  );
  const page = keysetPage(
    rows,
    query.limit,
    scope,
    (row) => [row.at_us, row.id],
    (row): QuarantinedRecordView => ({
      id: row.id,
      source: row.source,
      kind: row.kind,
      sourceId: row.source_id,
      reason: row.reason,
      rawPayloadId: row.raw_payload_id,
      quarantinedAt: row.quarantined_at.toISOString(),
    }),
  );
  return { ...page, total: Number(total[0]?.count ?? 0) };
}
