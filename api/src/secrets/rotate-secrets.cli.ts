import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { ConfigError, loadConfig } from '../config/app-config';
import { resealConnectionSecrets } from '../connections/connection.store';
import { openDatabase } from '../database/database-connection';
import { dataSourceOptions } from '../database/data-source-options';
import { runMigrations } from '../database/migration-runner';
import { createLogger } from '../logging/logger';
import { loadKeyRing } from './key-ring.loader';

/**
 * `npm run secrets:rotate -w api`: after putting the new key first in SECRETS_KEY (the old one
 * after it), seals every stored credential with the new key; then the old key can be dropped.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger('warn', process.stderr);
  const database = await openDatabase(config, logger);
  const dataSource = new DataSource(dataSourceOptions(database.url));
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const ring = loadKeyRing(config);
    const resealed = await dataSource.transaction(async (manager) => {
      const count = await resealConnectionSecrets(manager, ring);
      await recordAudit(manager, {
        actor: 'system',
        action: 'secrets.rotated',
        target: 'connection_setting',
        details: { resealed: count, keyId: ring.current.id },
      });
      return count;
    });
    process.stdout.write(
      `${resealed} stored credential set(s) now sealed with key ${ring.current.id}; older keys can be removed from SECRETS_KEY.\n`,
    );
    return 0;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      error instanceof ConfigError
        ? `${error.message}\n`
        : `Rotation failed, nothing changed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
