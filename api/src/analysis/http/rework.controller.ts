import { resolveTeamMembers } from '../../teams/teams.store';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  reworkDetailSchema,
  reworkListQuerySchema,
  reworkListResponseSchema,
  reworkOverrideRequestSchema,
  type ReworkDetail,
  type ReworkListQuery,
  type ReworkListResponse,
  type ReworkOverrideRequest,
} from '@rework-radar/shared';
import type { DataSource } from 'typeorm';
import { openApiSchema } from '../../http/openapi';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { findRework, InvalidCursorError, listRework, overrideCause } from './rework.repository';
import { recordAudit } from '../../audit/record-audit';
import { CurrentPrincipal } from '../../auth/current-principal';
import type { Principal } from '../../auth/principal';
import { reworkCsv } from './rework-csv';
import { wantsCsv } from './rework-list-query';
import { Access } from '../../auth/access';
import { TeamsOfResource } from '../../auth/team-scope';
import { teamsOfReworkItem } from './rework-item-teams';
import { RollupRefreshQueue } from '../../jobs/rollup-refresh.queue';
import { APP_CONFIG } from '../../app.tokens';
import type { AppConfig } from '../../config/app-config';
import { linkBaseOf } from '../link-base';
import type { LinkBase } from '../detection/detected-rework';

@ApiTags('rework')
@Controller('rework')
export class ReworkController {
  private readonly links: LinkBase;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rollups: RollupRefreshQueue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.links = linkBaseOf(config);
  }

  @Get()
  @Access('read')
  @ApiOperation({
    summary: 'Rework items, newest first, with origin, cause, confidence and evidence',
    description:
      'Filters: from/to (ISO 8601, on when the rework happened), kind, cause (the override when set, else the model), repo (owner/name), minConfidence. `team` (a team slug) keeps the items whose origin PR or work item belongs to a member of the team at that time; an unknown slug answers 400. `sort`: occurredAt, detectedAt, confidence or effort (lines), `-` first for descending (default -occurredAt). Paginated with cursor/nextCursor (a cursor belongs to its sort); limit 1-500 (default 50). CSV with `?format=csv` or `Accept: text/csv` (RFC 4180, one row per item; the next page cursor in the X-Next-Cursor header).',
  })
  @ApiOkResponse({ schema: openApiSchema(reworkListResponseSchema) })
  @ApiBadRequestResponse({
    description: 'Invalid query fields, an unknown team, or a cursor this API did not give',
  })
  @ApiProduces('application/json', 'text/csv')
  async list(
    @Query(new ZodValidationPipe(reworkListQuerySchema)) query: ReworkListQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReworkListResponse | string> {
    const page = await this.listOrReject(query);
    if (!wantsCsv(query.format, accept)) return page;
    response.type('text/csv; charset=utf-8');
    if (page.nextCursor !== null) response.setHeader('X-Next-Cursor', page.nextCursor);
    return reworkCsv(page.items);
  }

  @Get(':id')
  @Access('read')
  @TeamsOfResource(teamsOfReworkItem)
  @ApiOperation({
    summary: 'One rework item with its origin, evidence, the model answer and the override history',
  })
  @ApiOkResponse({ schema: openApiSchema(reworkDetailSchema) })
  @ApiNotFoundResponse({ description: 'No rework item with this id' })
  async detail(@Param('id') id: string): Promise<ReworkDetail> {
    return found(await findRework(this.dataSource.manager, id, this.links));
  }

  @Post(':id/override')
  @Access('override')
  @TeamsOfResource(teamsOfReworkItem)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sets the cause of a rework item with a reason; kept with who (the signed-in account) and when, and written to the audit log',
    description:
      'The metrics by cause follow once a worker has refreshed the rollups, queued after the change (one refresh for a burst of overrides).',
  })
  @ApiOkResponse({ schema: openApiSchema(reworkDetailSchema) })
  @ApiBadRequestResponse({ description: 'Unknown cause or empty reason' })
  @ApiNotFoundResponse({ description: 'No rework item with this id' })
  async override(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(reworkOverrideRequestSchema)) body: ReworkOverrideRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReworkDetail> {
    const overridden = found(
      await this.dataSource.transaction(async (manager) => {
        const detail = await overrideCause(manager, id, body, principal.email, this.links);
        if (detail !== null) {
          await recordAudit(manager, {
            actor: principal,
            action: 'rework.override',
            target: id,
            details: {
              cause: body.cause,
              reason: body.reason.trim(),
              modelCause: detail.model.cause,
            },
          });
        }
        return detail;
      }),
    );
    // After the commit, so the refresh reads the new effective cause.
    await this.rollups.request(`override of ${id}`);
    return overridden;
  }

  private async listOrReject(query: ReworkListQuery): Promise<ReworkListResponse> {
    if (
      query.team !== undefined &&
      (await resolveTeamMembers(this.dataSource.manager, query.team)) === null
    ) {
      throw new BadRequestException({
        code: 'invalid_input',
        message: 'unknown team',
        issues: [{ field: 'team', message: `no team with the slug ${query.team}` }],
      });
    }
    try {
      return await listRework(this.dataSource.manager, query);
    } catch (error) {
      if (error instanceof InvalidCursorError)
        throw new BadRequestException({
          code: 'invalid_input',
          message: error.message,
          issues: [{ field: 'cursor', message: error.message }],
        });
      throw error;
    }
  }
}

function found<T>(value: T | null): T {
  if (value === null)
    throw new NotFoundException({ code: 'not_found', message: 'No rework item with this id' });
  return value;
}
