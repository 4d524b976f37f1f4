import type { INestApplication } from '@nestjs/common';
import { createApp } from '../app.factory';
import { parseConfig } from '../config/app-config';
import { silentLogger } from './silent-logger';

/**
 * The whole app, initialised but not listening, on a test database (for supertest). `env` adds
 * configuration; the built web app is never served, so specs do not depend on a web build. The
 * api only queues jobs here (WORKER_IN_API=false unless `env` says otherwise): specs that need
 * a job run start a worker themselves, so what a request queued stays visible.
 */
export async function startTestApp(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<INestApplication> {
  const config = parseConfig(
    {
      DATABASE_URL: databaseUrl,
      WEB_DIST_DIR: '/nonexistent',
      TRUST_PROXY: 'loopback',
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
  await app.init();
  return app;
}
