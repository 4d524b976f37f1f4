import {
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, APP_LOGGER, DATABASE_CONNECTION } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import type { DatabaseConnection } from '../database/database-connection';
import { JobQueueHolder } from './job-queue.holder';
import { parseJobsSettings, type JobsSettings } from './jobs-env';
import { startWorker, type RunningWorker } from './job-worker';
import { ReanalysisController } from './reanalysis.controller';
import { RollupRefreshQueue } from './rollup-refresh.queue';
import { SyncJobsController } from './sync-jobs.controller';
import { SYNC_STATUS_CHANGES, SyncEventsController } from './sync-events.controller';
import { readSyncStatus } from './sync-status';
import { syncStatusChanges } from './sync-status-stream';

const JOBS_SETTINGS = Symbol('JOBS_SETTINGS');

/**
 * `POST /api/sync`, `POST /api/analysis/reanalyse`, `GET /api/sync/status`, `GET /api/sync/events` (live status, server-sent
 * events), `GET /api/sync/quarantine`, and the rollup refresh other modules queue. The api works
 * jobs itself with WORKER_IN_API=true, the default on the embedded database (`npm start`: no
 * worker process can reach it); otherwise it only queues them for the workers.
 */
@Module({
  controllers: [SyncJobsController, SyncEventsController, ReanalysisController],
  providers: [
    {
      provide: SYNC_STATUS_CHANGES,
      inject: [getDataSourceToken(), APP_LOGGER],
      useFactory: (dataSource: DataSource, logger: Logger) =>
        syncStatusChanges(
          () => readSyncStatus(dataSource),
          1000,
          (error) => logger.warn({ err: error }, 'sync status poll failed'),
        ),
    },
    {
      provide: JOBS_SETTINGS,
      inject: [DATABASE_CONNECTION],
      useFactory: (database: DatabaseConnection): JobsSettings =>
        parseJobsSettings(process.env, database.engine),
    },
    {
      provide: JobQueueHolder,
      inject: [DATABASE_CONNECTION, JOBS_SETTINGS, APP_LOGGER],
      useFactory: (database: DatabaseConnection, settings: JobsSettings, logger: Logger) =>
        new JobQueueHolder(database.url, settings, logger),
    },
    RollupRefreshQueue,
  ],
  exports: [RollupRefreshQueue],
})
export class JobModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: RunningWorker | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_CONNECTION) private readonly database: DatabaseConnection,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(JOBS_SETTINGS) private readonly settings: JobsSettings,
    private readonly queue: JobQueueHolder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.workerInApi) return;
    this.worker = await startWorker({
      config: this.config,
      databaseUrl: this.database.url,
      settings: this.settings,
      logger: this.logger,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.stop();
    await this.queue.stop();
  }
}
