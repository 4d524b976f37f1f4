import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import { parseConfig } from '../config/app-config';
import { silentLogger } from '../testing/silent-logger';
import { bearerHeaders } from '../testing/test-auth';

export interface RunningApp {
  app: INestApplication;
  baseUrl: string;
  dataSource: DataSource;
  /** An admin's API token header: every route but health and webhooks needs sign-in. */
  auth: { Authorization: string };
  close(): Promise<void>;
}

/**
 * The whole api, listening on 127.0.0.1 on a free port, over an existing database. It only queues
 * jobs (WORKER_IN_API=false unless `env` says otherwise): the suites run their worker processes.
 */
export async function startAppOn(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<RunningApp> {
  const config = parseConfig(
    {
      DATABASE_URL: databaseUrl,
      WEB_DIST_DIR: '/nonexistent',
      DEMO: 'false',
      LOG_LEVEL: 'fatal',
      WORKER_IN_API: 'false',
      ...env,
    },
    '/tmp',
  );
  const app = await createApp(
    config,
    { engine: 'external', url: databaseUrl, close: () => Promise.resolve() },
    silentLogger(),
  );
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as Server).address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataSource: app.get(DataSource),
    auth: await bearerHeaders(app, 'admin'),
    close: () => app.close(),
  };
}
