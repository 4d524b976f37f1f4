import type { DataSource } from 'typeorm';
import { createMigratedDataSource, type TestDatabase } from '../../testing/test-database';
import { RawPayload } from './raw-payload.entity';
import { requestKeyOf, storeRawPayload, type RawPayloadInput } from './raw-payload.store';

describe('storeRawPayload', () => {
  let dataSource: DataSource;
  let database: TestDatabase;
  beforeAll(async () => ({ dataSource, database } = await createMigratedDataSource()));
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const page = (payload: RawPayloadInput['payload']): RawPayloadInput => ({
    source: 'github',
    endpoint: 'GET /repos/{owner}/{repo}/deployments',
    requestParams: { owner: 'acme', repo: 'api', page: 1 },
    scope: 'acme/api',
    sourceIds: ['1'],
    etag: 'W/"abc"',
    httpStatus: 200,
    fetchedAt: new Date('2026-11-01T10:00:00Z'),
    payload,
  });

  it('stores a response once however often the same answer is fetched again', async () => {
    const first = await storeRawPayload(dataSource.manager, page([{ id: 1, sha: 'a' }]));
    const again = await storeRawPayload(dataSource.manager, page([{ sha: 'a', id: 1 }]));
    expect(first.inserted).toBe(true);
    expect(again).toEqual({ id: first.id, inserted: false });
    const changed = await storeRawPayload(dataSource.manager, page([{ id: 1, sha: 'b' }]));
    expect(changed.inserted).toBe(true);
    expect(await dataSource.manager.countBy(RawPayload, { scope: 'acme/api' })).toBe(2);
  });

  it('keeps the payload untouched, with its request and ETag', async () => {
    const stored = await storeRawPayload(
      dataSource.manager,
      page({ nested: { list: [1, 'two', null] } }),
    );
    const row = await dataSource.manager.findOneByOrFail(RawPayload, { id: stored.id });
    expect(row.payload).toEqual({ nested: { list: [1, 'two', null] } });
    expect(row.requestParams).toEqual({ owner: 'acme', repo: 'api', page: 1 });
    expect(row.etag).toBe('W/"abc"');
  });

  it('gives the same request key whatever the order of parameters', () => {
    expect(requestKeyOf('GET /x', { a: 1, b: 2 })).toBe(requestKeyOf('GET /x', { b: 2, a: 1 }));
    expect(requestKeyOf('GET /x', { a: 1 })).not.toBe(requestKeyOf('GET /y', { a: 1 }));
  });
});
