import type { EntityManager } from 'typeorm';
import type { JsonDocument } from '../raw/raw-payload.entity';
import { QuarantinedRecord } from './quarantined-record.entity';
import { SyncCheckpoint } from './sync-checkpoint.entity';

export interface StreamKey {
  source: string;
  scope: string;
  stream: string;
}

export async function readCheckpoint(
  manager: EntityManager,
  key: StreamKey,
): Promise<JsonDocument | undefined> {
  const row = await manager.findOneBy(SyncCheckpoint, key);
  return row?.cursor;
}

/** Call inside the transaction that stores the page the cursor points after. */
export async function saveCheckpoint(
  manager: EntityManager,
  key: StreamKey,
  cursor: JsonDocument,
): Promise<void> {
  await manager.upsert(SyncCheckpoint, { ...key, cursor, updatedAt: new Date() }, [
    'source',
    'scope',
    'stream',
  ]);
}

export async function quarantineRecord(
  manager: EntityManager,
  record: {
    source: string;
    kind: string;
    sourceId: string;
    reason: string;
    rawPayloadId: string | null;
  },
): Promise<void> {
  await manager.upsert(
    QuarantinedRecord,
    {
      id: `${record.source}:${record.kind}:${record.sourceId}`,
      ...record,
      quarantinedAt: new Date(),
    },
    ['id'],
  );
}
