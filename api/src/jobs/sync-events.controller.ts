import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  type MessageEvent,
  Query,
  Sse,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  quarantinePageSchema,
  quarantineQuerySchema,
  type QuarantinePage,
  type QuarantineQuery,
  type SyncStatus,
} from '@rework-radar/shared';
import { interval, map, merge, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { Access } from '../auth/access';
import { openApiSchema } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { listQuarantine, QuarantineCursorError } from './quarantine.repository';

/** The shared, polled sync status stream of this process (see `syncStatusChanges`). */
export const SYNC_STATUS_CHANGES = Symbol('SYNC_STATUS_CHANGES');

/** Idle streams send this often a `heartbeat` event, so proxies do not close them. */
const heartbeatMs = 20_000;

@ApiTags('sync')
@Controller('sync')
export class SyncEventsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SYNC_STATUS_CHANGES) private readonly changes: Observable<SyncStatus>,
  ) {}

  @Sse('events')
  @Access('admin')
  @ApiOperation({
    summary:
      'Server-sent events: a `status` event with the GET /api/sync/status snapshot now and whenever it changes (polled every second), `heartbeat` every 20 s',
  })
  @ApiProduces('text/event-stream')
  events(): Observable<MessageEvent> {
    return merge(
      this.changes.pipe(map((status): MessageEvent => ({ type: 'status', data: status }))),
      interval(heartbeatMs).pipe(
        map((): MessageEvent => ({ type: 'heartbeat', data: { at: new Date().toISOString() } })),
      ),
    );
  }

  @Get('quarantine')
  @Access('admin')
  @ApiOperation({
    summary:
      'Records a sync could not read (malformed payloads), newest first, with the reason and the raw payload they came in; cursor-paginated',
  })
  @ApiOkResponse({ schema: openApiSchema(quarantinePageSchema) })
  @ApiBadRequestResponse({ description: 'Invalid filters or a cursor from other filters' })
  async quarantine(
    @Query(new ZodValidationPipe(quarantineQuerySchema)) query: QuarantineQuery,
  ): Promise<QuarantinePage> {
    try {
      return await listQuarantine(this.dataSource, query);
    } catch (error) {
      if (error instanceof QuarantineCursorError)
        throw new BadRequestException({ code: 'invalid_cursor', message: error.message });
      throw error;
    }
  }
}
