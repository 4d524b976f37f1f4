import { ConflictException, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { syncEnqueuedSchema, syncStatusSchema, type SyncStatus } from '@rework-radar/shared';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import { openApiSchema } from '../http/openapi';
import { JobQueueHolder } from './job-queue.holder';
import { enqueueSync, syncRequestsFor } from './sync-scheduler';
import { SECRET_KEY_RING } from '../connections/connections.tokens';
import { withStoredConnections } from '../connections/effective-config';
import type { KeyRing } from '../secrets/secret-box';
import { readSyncStatus } from './sync-status';
import { Access } from '../auth/access';

@ApiTags('sync')
@Controller('sync')
export class SyncJobsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueueHolder,
    @Inject(SECRET_KEY_RING) private readonly ring: KeyRing,
  ) {}

  @Post()
  @Access('admin')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Queues a sync of the configured GitHub and Jira now (workers run it); scopes already waiting are not queued twice',
  })
  @ApiAcceptedResponse({ schema: openApiSchema(syncEnqueuedSchema) })
  @ApiConflictResponse({ description: 'Neither GitHub nor Jira is configured' })
  async enqueue(): Promise<{ jobs: { queue: string; scope: string; id: string | null }[] }> {
    const config = await withStoredConnections(this.config, this.dataSource.manager, this.ring);
    if (syncRequestsFor(config).length === 0) {
      throw new ConflictException({
        code: 'nothing_to_sync',
        message: 'Neither GitHub nor Jira is configured: nothing to sync',
      });
    }
    return { jobs: await enqueueSync(await this.queue.get(), config) };
  }

  @Get('status')
  @Access('admin')
  @ApiOperation({
    summary:
      'Job counts per queue and state, and the latest jobs with their state, retries and last error',
  })
  @ApiOkResponse({ schema: openApiSchema(syncStatusSchema) })
  status(): Promise<SyncStatus> {
    return readSyncStatus(this.dataSource);
  }
}
