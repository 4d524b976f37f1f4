import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { demoStatusSchema, type DemoStatus } from '@rework-radar/shared';
import { DEMO_STATUS } from '../../app.tokens';
import { openApiSchema } from '../../http/openapi';
import type { DemoStatusTracker } from './demo-status.tracker';
import { Access } from '../../auth/access';

@ApiTags('demo')
@Controller('demo')
export class DemoStatusController {
  constructor(@Inject(DEMO_STATUS) private readonly tracker: DemoStatusTracker) {}

  @Get('status')
  @Access('public')
  @ApiOperation({ summary: 'Whether the demo organisation is in use, and how far its load got' })
  @ApiOkResponse({ schema: openApiSchema(demoStatusSchema) })
  status(): DemoStatus {
    return this.tracker.snapshot();
  }
}
