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
import { startWorker, type RunningWorker } from './job-worker';
import { ReanalysisController } from './reanalysis.controller';
import { RollupRefreshQueue } from './rollup-refresh.queue';
import { SyncJobsController } from './sync-jobs.controller';
import { SYNC_STATUS_CHANGES, SyncEventsController } from './sync-events.controller';
import { readSyncStatus } from './sync-status';
import { syncStatusChanges } from './sync-status-stream';

/**
 * `POST /api/sync`, `POST /api/analysis/reanalyse`, `GET /api/sync/status`, `GET /api/sync/events` (live status, server-sent
 * events), `GET /api/sync/quarantine`, and the rollup refresh other modules queue. By default the
 * api also works the jobs and keeps the sources synced on schedule (`npm start` is the whole
 * product, on the embedded database or any other); WORKER_IN_API=false leaves both to separate
 * worker processes and the api only queues.
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
      provide: JobQueueHolder,
      inject: [DATABASE_CONNECTION, APP_CONFIG, APP_LOGGER],
      useFactory: (database: DatabaseConnection, config: AppConfig, logger: Logger) =>
        new JobQueueHolder(database.url, config.jobs, logger),
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
    private readonly queue: JobQueueHolder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs.workerInApi) return;
    this.worker = await startWorker({
      config: this.config,
      databaseUrl: this.database.url,
      settings: this.config.jobs,
      logger: this.logger,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.stop();
    await this.queue.stop();
  }
}
