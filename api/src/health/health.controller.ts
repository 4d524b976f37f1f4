import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { healthResponseSchema, type HealthResponse } from '@rework-radar/shared';
import type { Response } from 'express';
import { openApiSchema } from '../http/openapi';
import { HealthService } from './health.service';
import { Access } from '../auth/access';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Access('public')
  @ApiOperation({ summary: 'Status, database engine and migration state' })
  @ApiOkResponse({ schema: openApiSchema(healthResponseSchema) })
  @ApiServiceUnavailableResponse({
    description: 'The database is unreachable',
    schema: openApiSchema(healthResponseSchema),
  })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const report = await this.health.check();
    if (report.status === 'down') response.status(503);
    return report;
  }
}
