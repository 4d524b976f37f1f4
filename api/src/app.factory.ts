import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import cookieParser from 'cookie-parser';
import { json } from 'express';
import { keepRawBody } from './webhooks/raw-body';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import type { DatabaseConnection } from './database/database-connection';
import { runMigrations } from './database/migration-runner';
import { DemoStatusTracker } from './demo/status/demo-status.tracker';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { answerBodyParseErrors } from './http/body-parse-errors';
import { securityHeaders } from './http/security-headers';
import { setupOpenApi } from './http/openapi';
import { PinoNestLogger } from './logging/logger';

const appVersion = process.env.npm_package_version ?? '0.1.0';

/** Builds the whole app (used by `main.ts` and by the HTTP specs) and migrates its database. */
export async function createApp(
  config: AppConfig,
  database: DatabaseConnection,
  logger: Logger,
  demoStatus = new DemoStatusTracker(false),
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ config, database, logger, demoStatus }),
    {
      logger: new PinoNestLogger(logger),
      bodyParser: false,
    },
  );
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  // Webhooks keep their exact bytes for signature checks, and GitHub sends up to 25 MB.
  app.use('/api/webhooks', json({ limit: '26mb', verify: keepRawBody }));
  app.use(json({ limit: '1mb' }));
  app.use(answerBodyParseErrors);
  app.use(cookieParser());
  app.use(
    pinoHttp({
      logger,
      // Static assets and health polls would drown the log.
      autoLogging: {
        ignore: (request) => !request.url?.startsWith('/api/') || request.url === '/api/health',
      },
    }),
  );
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ApiExceptionFilter());
  setupOpenApi(app, appVersion);

  const applied = await runMigrations(app.get(DataSource));
  if (applied.length > 0) logger.info({ applied }, 'database migrated');
  return app;
}
