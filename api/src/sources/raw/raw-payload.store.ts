import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  RawPayload,
  type JsonDocument,
  type RequestParams,
  type SourceSystem,
} from './raw-payload.entity';

export interface RawPayloadInput {
  source: SourceSystem;
  endpoint: string;
  requestParams: RequestParams;
  scope: string;
  sourceIds: string[];
  etag: string | null;
  httpStatus: number;
  fetchedAt: Date;
  payload: JsonDocument;
}

/** JSON with object keys sorted, so equal values always hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function requestKeyOf(endpoint: string, requestParams: RequestParams): string {
  return sha256(`${endpoint}\n${canonicalJson(requestParams)}`);
}

/**
 * Stores a response as fetched. An identical response to the same request is stored once:
 * the existing row's id comes back with `inserted: false`.
 */
export async function storeRawPayload(
  manager: EntityManager,
  input: RawPayloadInput,
): Promise<{ id: string; inserted: boolean }> {
  const requestKey = requestKeyOf(input.endpoint, input.requestParams);
  const contentHash = sha256(canonicalJson(input.payload));
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(RawPayload)
    .values({ ...input, requestKey, contentHash })
    .orIgnore()
    .returning(['id'])
    .execute();
  const insertedRow = inserted.raw as { id: string }[];
  if (insertedRow[0] !== undefined) return { id: insertedRow[0].id, inserted: true };
  const existing = await manager.findOneOrFail(RawPayload, {
    select: { id: true },
    where: { source: input.source, requestKey, contentHash },
  });
  return { id: existing.id, inserted: false };
}
