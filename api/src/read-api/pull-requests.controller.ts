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
  pullRequestListPageSchema,
  pullRequestParamsSchema,
  pullRequestSchema,
  pullRequestListQuerySchema,
  type PullRequestListPage,
  type PullRequestParams,
  type PullRequestView,
} from '@rework-radar/shared';
import { openApiSchema } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { orNotFound } from './not-found';
import { ApiPageQueries } from './page-queries';
import {
  pullRequestListRequestSchema,
  type PullRequestListRequest,
} from './pull-request-list.request';
import { PullRequestReadService } from './pull-request-read.service';
import { Access } from '../auth/access';

const invalid = {
  description: 'An invalid field (named in `issues`), e.g. repo format, limit, a tampered cursor',
  schema: openApiSchema(apiErrorSchema),
};

@ApiTags('pull-requests')
@Controller('pull-requests')
export class PullRequestsController {
  constructor(private readonly pullRequests: PullRequestReadService) {}

  @Get()
  @Access('read')
  @ApiOperation({
    summary: 'Pull requests, ordered by repository then number, one page at a time',
    description:
      'An unknown repository answers an empty list. Pass `nextCursor` back as `cursor` with the same filters; it is null on the last page.',
  })
  @ApiQuery({
    name: 'repo',
    required: false,
    description: 'owner/name (case-insensitive); absent = every synced repository',
    schema: { type: 'string', example: 'octo-org/octo-repo' },
  })
  @ApiQuery({
    name: 'state',
    required: false,
    description: '`all` or absent = every state',
    schema: openApiSchema(pullRequestListQuerySchema.shape.state),
  })
  @ApiPageQueries()
  @ApiOkResponse({ schema: openApiSchema(pullRequestListPageSchema) })
  @ApiBadRequestResponse(invalid)
  list(
    @Query(new ZodValidationPipe(pullRequestListRequestSchema)) request: PullRequestListRequest,
  ): Promise<PullRequestListPage> {
    return this.pullRequests.list(request);
  }

  @Get(':owner/:name/:number')
  @Access('read')
  @ApiOperation({ summary: 'One pull request' })
  @ApiParam({ name: 'owner', example: 'octo-org' })
  @ApiParam({ name: 'name', example: 'octo-repo' })
  @ApiParam({ name: 'number', example: 42 })
  @ApiOkResponse({ schema: openApiSchema(pullRequestSchema) })
  @ApiBadRequestResponse(invalid)
  @ApiNotFoundResponse({
    description: 'No such pull request has been synced',
    schema: openApiSchema(apiErrorSchema),
  })
  async get(
    @Param(new ZodValidationPipe(pullRequestParamsSchema)) params: PullRequestParams,
  ): Promise<PullRequestView> {
    return orNotFound(
      await this.pullRequests.get(params),
      `Pull request ${params.owner}/${params.name}#${params.number}`,
    );
  }
}
