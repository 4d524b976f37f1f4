import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { APP_CONFIG, APP_LOGGER, DATABASE_CONNECTION, DEMO_STATUS } from './app.tokens';
import { DemoStatusModule } from './demo/status/demo-status.module';
import type { DemoStatusTracker } from './demo/status/demo-status.tracker';
import type { AppConfig } from './config/app-config';
import type { DatabaseConnection } from './database/database-connection';
import { dataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { ReworkModule } from './analysis/http/rework.module';
import { ReadApiModule } from './read-api/read-api.module';
import { MetricsModule } from './metrics/metrics.module';
import { TeamsModule } from './teams/teams.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { JobModule } from './jobs/job.module';
import { AuthModule } from './auth/auth.module';
import { ConnectionsModule } from './connections/connections.module';
import { ExportModule } from './export/export.module';
import { IdentityHttpModule } from './identity/http/identity-http.module';
import { SettingsModule } from './settings/settings.module';

export interface AppModuleOptions {
  config: AppConfig;
  database: DatabaseConnection;
  logger: Logger;
  demoStatus: DemoStatusTracker;
}

/** Values made before Nest starts, available to every module. */
@Global()
@Module({})
class CoreModule {
  static register({ config, database, logger, demoStatus }: AppModuleOptions): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: DATABASE_CONNECTION, useValue: database },
      { provide: APP_LOGGER, useValue: logger },
      { provide: DEMO_STATUS, useValue: demoStatus },
    ];
    return { module: CoreModule, providers, exports: providers };
  }
}

/** The built web app, served by the api in production so one port serves everything. */
export function webDistDir(config: AppConfig): string {
  return config.webDistDir ?? resolve(__dirname, '..', '..', 'web', 'dist');
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    const webDir = webDistDir(options.config);
    return {
      module: AppModule,
      imports: [
        CoreModule.register(options),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(options.database.url),
          // Fail fast with the driver's message instead of retrying for half a minute.
          retryAttempts: 2,
          retryDelay: 1000,
        }),
        ...(existsSync(webDir)
          ? [ServeStaticModule.forRoot({ rootPath: webDir, exclude: ['/api/{*path}'] })]
          : []),
        HealthModule,
        WebhooksModule,
        DemoStatusModule,
        ReworkModule,
        ReadApiModule,
        TeamsModule,
        MetricsModule,
        JobModule,
        AuthModule,
        ConnectionsModule,
        ExportModule,
        IdentityHttpModule,
        SettingsModule,
      ],
    };
  }
}
