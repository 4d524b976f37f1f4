import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  teamSlugSchema,
  teamsConfigSchema,
  teamsResponseSchema,
  teamUpdateSchema,
  type TeamsConfig,
  type TeamsResponse,
  type TeamUpdate,
} from '@rework-radar/shared';
import type { DataSource } from 'typeorm';
import { openApiSchema } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { RollupRefreshQueue } from '../jobs/rollup-refresh.queue';
import { recordAudit } from '../audit/record-audit';
import { CurrentPrincipal } from '../auth/current-principal';
import type { Principal } from '../auth/principal';
import { applyTeamsConfig, listTeams, reresolveTeams, updateTeam } from './teams.store';
import { Access } from '../auth/access';

/**
 * Teams and their members over time. A change answers with the members resolved (accounts a
 * member names joined into one person) and queues a rollup refresh for a worker: at a million
 * PRs a refresh takes minutes, too long for a request.
 */
@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rollups: RollupRefreshQueue,
  ) {}

  @Get()
  @Access('signed-in')
  @ApiOperation({
    summary:
      'Every team with its members (persons, their GitHub and Jira identities, from/to dates), repositories and Jira projects',
  })
  @ApiOkResponse({ schema: openApiSchema(teamsResponseSchema) })
  async list(): Promise<TeamsResponse> {
    return { teams: await listTeams(this.dataSource.manager) };
  }

  @Put()
  @Access('admin')
  @ApiOperation({
    summary:
      'Replaces every team (same shape as the TEAMS_FILE YAML); teams not listed are removed',
  })
  @ApiOkResponse({ schema: openApiSchema(teamsResponseSchema) })
  @ApiBadRequestResponse({ description: 'Invalid fields, named' })
  async replace(
    @Body(new ZodValidationPipe(teamsConfigSchema)) body: TeamsConfig,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TeamsResponse> {
    await this.dataSource.transaction(async (manager) => {
      await applyTeamsConfig(manager, body);
      await recordAudit(manager, {
        actor: principal,
        action: 'teams.replaced',
        target: 'all teams',
        details: { teams: body.teams.map((team) => team.slug) },
      });
      // The accounts the members name are joined now, so the answer shows them resolved.
      await reresolveTeams(manager);
    });
    await this.rollups.request('team change');
    return this.list();
  }

  @Put(':slug')
  @Access('admin')
  @ApiOperation({
    summary:
      'Creates or replaces one team: name, members with from/to dates (a move = to in one team, from in the other), repositories, Jira projects',
  })
  @ApiOkResponse({ schema: openApiSchema(teamsResponseSchema) })
  @ApiBadRequestResponse({ description: 'Invalid fields, named' })
  async put(
    @Param('slug', new ZodValidationPipe(teamSlugSchema)) slug: string,
    @Body(new ZodValidationPipe(teamUpdateSchema)) body: TeamUpdate,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TeamsResponse> {
    await this.dataSource.transaction(async (manager) => {
      await updateTeam(manager, slug, body);
      await recordAudit(manager, {
        actor: principal,
        action: 'team.updated',
        target: slug,
        details: { ...body },
      });
      // The accounts the members name are joined now, so the answer shows them resolved.
      await reresolveTeams(manager);
    });
    await this.rollups.request('team change');
    return this.list();
  }
}
