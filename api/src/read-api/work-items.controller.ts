import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import {
  apiErrorSchema,
  statusCategorySchema,
  workItemListPageSchema,
  workItemParamsSchema,
  workItemSchema,
  type WorkItemListPage,
  type WorkItemParams,
  type WorkItemView,
} from '@rework-radar/shared';
import { openApiSchema } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { orNotFound } from './not-found';
import { ApiPageQueries } from './page-queries';
import { workItemListRequestSchema, type WorkItemListRequest } from './work-item-list.request';
import { WorkItemReadService } from './work-item-read.service';
import { Access } from '../auth/access';

const invalid = {
  description: 'An invalid field (named in `issues`), e.g. project key, limit, a tampered cursor',
  schema: openApiSchema(apiErrorSchema),
};

@ApiTags('work-items')
@Controller('work-items')
export class WorkItemsController {
  constructor(private readonly workItems: WorkItemReadService) {}

  @Get()
  @Access('read')
  @ApiOperation({
    summary: 'Work items (Jira issues), ordered by project then key number, one page at a time',
    description:
      'An unknown project answers an empty list. Pass `nextCursor` back as `cursor` with the same filters; it is null on the last page.',
  })
  @ApiQuery({
    name: 'project',
    required: false,
    description: 'Jira project key; absent = every synced project',
    schema: { type: 'string', example: 'ENG' },
  })
  @ApiQuery({
    name: 'status',
    required: false,
    description: 'status name, case-insensitive',
    schema: { type: 'string', example: 'In Progress' },
  })
  @ApiQuery({
    name: 'statusCategory',
    required: false,
    schema: openApiSchema(statusCategorySchema),
  })
  @ApiPageQueries()
  @ApiOkResponse({ schema: openApiSchema(workItemListPageSchema) })
  @ApiBadRequestResponse(invalid)
  list(
    @Query(new ZodValidationPipe(workItemListRequestSchema)) request: WorkItemListRequest,
  ): Promise<WorkItemListPage> {
    return this.workItems.list(request);
  }

  @Get(':key')
  @Access('read')
  @ApiOperation({ summary: 'One work item by its Jira key' })
  @ApiParam({ name: 'key', example: 'ENG-42' })
  @ApiOkResponse({ schema: openApiSchema(workItemSchema) })
  @ApiBadRequestResponse(invalid)
  @ApiNotFoundResponse({
    description: 'No work item with this key has been synced',
    schema: openApiSchema(apiErrorSchema),
  })
  async get(
    @Param(new ZodValidationPipe(workItemParamsSchema)) params: WorkItemParams,
  ): Promise<WorkItemView> {
    return orNotFound(await this.workItems.get(params.key), `Work item ${params.key}`);
  }
}
