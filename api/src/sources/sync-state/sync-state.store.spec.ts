import type { DataSource } from 'typeorm';
import { createMigratedDataSource, type TestDatabase } from '../../testing/test-database';
import { QuarantinedRecord } from './quarantined-record.entity';
import { quarantineRecord, readCheckpoint, saveCheckpoint } from './sync-state.store';

describe('sync state', () => {
  let dataSource: DataSource;
  let database: TestDatabase;
  beforeAll(async () => ({ dataSource, database } = await createMigratedDataSource()));
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const key = { source: 'github', scope: 'acme/api', stream: 'pull-requests' };

  it('reads back the latest checkpoint of a stream', async () => {
    expect(await readCheckpoint(dataSource.manager, key)).toBeUndefined();
    await saveCheckpoint(dataSource.manager, key, {
      updatedAt: '2026-01-01T00:00:00Z',
      after: 'c1',
    });
    await saveCheckpoint(dataSource.manager, key, {
      updatedAt: '2026-01-02T00:00:00Z',
      after: 'c2',
    });
    expect(await readCheckpoint(dataSource.manager, key)).toEqual({
      updatedAt: '2026-01-02T00:00:00Z',
      after: 'c2',
    });
  });

  it('loses the checkpoint with the page when the transaction fails', async () => {
    const other = { ...key, stream: 'deployments' };
    await expect(
      dataSource.transaction(async (manager) => {
        await saveCheckpoint(manager, other, { page: 2 });
        throw new Error('crash after the checkpoint was written');
      }),
    ).rejects.toThrow('crash');
    expect(await readCheckpoint(dataSource.manager, other)).toBeUndefined();
  });

  it('keeps one quarantine row per record, with the latest reason', async () => {
    const record = { source: 'jira', kind: 'issue', sourceId: 'ENG-1', rawPayloadId: null };
    await quarantineRecord(dataSource.manager, { ...record, reason: 'fields.status missing' });
    await quarantineRecord(dataSource.manager, {
      ...record,
      reason: 'fields.created is not a date',
    });
    const rows = await dataSource.manager.findBy(QuarantinedRecord, { source: 'jira' });
    expect(rows.map((row) => row.reason)).toEqual(['fields.created is not a date']);
  });
});
