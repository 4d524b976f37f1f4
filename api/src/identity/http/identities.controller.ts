import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  unmatchedPageSchema,
  unmatchedQuerySchema,
  type UnmatchedPage,
  type UnmatchedQuery,
} from '@rework-radar/shared';
import type { DataSource } from 'typeorm';
import { Access } from '../../auth/access';
import { openApiSchema } from '../../http/openapi';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { listUnmatchedIdentities, UnmatchedCursorError } from './unmatched-identities.repository';

@ApiTags('identities')
@Controller('identities')
export class IdentitiesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('unmatched')
  @Access('admin')
  @ApiOperation({
    summary:
      'Identities that need mapping: their person is in no team (not_in_team), or a GitHub account has no Jira account merged (no_jira_identity); bots left out; cursor-paginated by id',
  })
  @ApiOkResponse({ schema: openApiSchema(unmatchedPageSchema) })
  @ApiBadRequestResponse({ description: 'Invalid filters or a cursor from other filters' })
  async unmatched(
    @Query(new ZodValidationPipe(unmatchedQuerySchema)) query: UnmatchedQuery,
  ): Promise<UnmatchedPage> {
    try {
      return await listUnmatchedIdentities(this.dataSource, query);
    } catch (error) {
      if (error instanceof UnmatchedCursorError)
        throw new BadRequestException({ code: 'invalid_cursor', message: error.message });
      throw error;
    }
  }
}
