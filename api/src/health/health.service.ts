import { Inject, Injectable } from '@nestjs/common';
import type { HealthResponse } from '@rework-radar/shared';
import { DataSource } from 'typeorm';
import { DATABASE_CONNECTION } from '../app.tokens';
import type { DatabaseConnection } from '../database/database-connection';
import { readMigrationState } from '../database/migration-runner';

const startedAt = Date.now();
const appVersion = process.env.npm_package_version ?? '0.1.0';

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_CONNECTION) private readonly database: DatabaseConnection,
  ) {}

  async check(): Promise<HealthResponse> {
    const base = {
      version: appVersion,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 100) / 10,
      checkedAt: new Date().toISOString(),
    };
    try {
      const [row] =
        await this.dataSource.query<{ server_version: string }[]>('SHOW server_version');
      const migrations = await readMigrationState(this.dataSource);
      return {
        ...base,
        status: migrations.upToDate ? 'ok' : 'degraded',
        database: {
          engine: this.database.engine,
          reachable: true,
          serverVersion: row === undefined ? null : `PostgreSQL ${row.server_version}`,
          migrations,
        },
      };
    } catch {
      return {
        ...base,
        status: 'down',
        database: {
          engine: this.database.engine,
          reachable: false,
          serverVersion: null,
          migrations: null,
        },
      };
    }
  }
}
