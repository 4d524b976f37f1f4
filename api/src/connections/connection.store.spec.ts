import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { keyRing, SecretBoxError } from '../secrets/secret-box';
import { createMigratedDataSource } from '../testing/test-database';
import type { TestDatabase } from '../testing/test-database';
import {
  loadStoredConnections,
  resealConnectionSecrets,
  saveGithubConnection,
} from './connection.store';

describe('stored connection secrets and key rotation', () => {
  let dataSource: DataSource;
  let database: TestDatabase;
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  beforeAll(async () => {
    ({ dataSource, database } = await createMigratedDataSource());
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('re-seals with the new key, after which the old key is no longer needed', async () => {
    await saveGithubConnection(
      dataSource.manager,
      keyRing([oldKey]),
      { apiUrl: 'https://ghe.acme.test/api/v3', token: 'ghp_rotate_me', repos: ['acme/api'] },
      'admin@acme.test',
    );
    await expect(loadStoredConnections(dataSource.manager, keyRing([newKey]))).rejects.toThrow(
      SecretBoxError,
    );

    const rotating = keyRing([newKey, oldKey]);
    const reseal = () =>
      dataSource.transaction((manager) => resealConnectionSecrets(manager, rotating));
    expect(await reseal()).toBe(1);
    expect(await reseal()).toBe(0);

    const opened = await loadStoredConnections(dataSource.manager, keyRing([newKey]));
    expect(opened.github?.connection).toMatchObject({
      apiUrl: 'https://ghe.acme.test/api/v3',
      auth: { kind: 'token', token: 'ghp_rotate_me' },
      repos: ['acme/api'],
    });
  });

  it('refuses a sealed value copied into another row', async () => {
    const ring = keyRing([newKey]);
    await dataSource.query(
      `INSERT INTO connection_setting (system, settings, secrets, updated_at, updated_by)
       SELECT 'jira', '{"baseUrl":"https://jira.acme.test","projects":["ACME"]}', secrets, now(), 'attacker'
       FROM connection_setting WHERE system = 'github'`,
    );
    await expect(loadStoredConnections(dataSource.manager, ring)).rejects.toThrow(
      /does not authenticate/,
    );
  });
});
