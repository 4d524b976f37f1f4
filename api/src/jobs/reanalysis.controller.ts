import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { syncEnqueuedSchema } from '@rework-radar/shared';
import { Access } from '../auth/access';
import { openApiSchema } from '../http/openapi';
import type { EnqueuedJob } from './job-queue';
import { JobQueueHolder } from './job-queue.holder';

@ApiTags('analysis')
@Controller('analysis')
export class ReanalysisController {
  constructor(private readonly queue: JobQueueHolder) {}

  @Post('reanalyse')
  @Access('admin')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Queues a full re-analysis and the metric rollups after it (after a rules change); not queued twice while one waits',
  })
  @ApiAcceptedResponse({ schema: openApiSchema(syncEnqueuedSchema) })
  async reanalyse(): Promise<{ jobs: EnqueuedJob[] }> {
    const queue = await this.queue.get();
    return { jobs: [await queue.enqueue({ queue: 'reanalyse', data: {} })] };
  }
}
