import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../app.tokens';
import type { AppConfig } from '../../config/app-config';
import { openApiSchema } from '../../http/openapi';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import {
  activateModelVersion,
  listModelVersions,
  ModelError,
  refitModel,
  rollbackModelVersion,
  type ModelChange,
  type ModelVersionView,
  type RefitOutcome,
} from '../models/refit-model';
import {
  activateRequestSchema,
  modelChangeSchema,
  modelListSchema,
  refitRequestSchema,
  refitResponseSchema,
  versionParamSchema,
  type ActivateRequest,
  type RefitRequest,
} from './model.schemas';
import { Access } from '../../auth/access';
import { RollupRefreshQueue } from '../../jobs/rollup-refresh.queue';

@ApiTags('analysis models')
@Controller('analysis/models')
export class ModelsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rollups: RollupRefreshQueue,
  ) {}

  @Get()
  @Access('signed-in')
  @ApiOperation({
    summary:
      'Cause model versions, newest first: weights, held-back precision/recall of re-fits, and where each is active',
  })
  @ApiOkResponse({ schema: openApiSchema(modelListSchema) })
  async list(): Promise<{ items: ModelVersionView[] }> {
    return { items: await listModelVersions(this.dataSource.manager) };
  }

  @Post('refit')
  @Access('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Re-fits the signal weights from the overrides of a scope (global or a team), activates the new version and re-attributes',
    description:
      'Body: `{ "scope": "global" | { "team": "<slug>" }, "minPerClass"?: n }`. The answer carries the new version and its precision/recall on held-back overrides next to the previous model\'s.',
  })
  @ApiOkResponse({ schema: openApiSchema(refitResponseSchema) })
  @ApiBadRequestResponse({ description: 'Invalid body' })
  @ApiNotFoundResponse({ description: 'Unknown team' })
  @ApiConflictResponse({
    description: 'Too few overrides per cause to re-fit; the message says how many there are',
  })
  refit(
    @Body(new ZodValidationPipe(refitRequestSchema)) body: RefitRequest,
  ): Promise<RefitOutcome> {
    return this.thenRefresh(
      'model refit',
      refitModel(this.dataSource, {
        scope: body.scope,
        config: this.config.analysis,
        ...(body.minPerClass === undefined ? {} : { minPerClass: body.minPerClass }),
      }),
    );
  }

  @Post('rollback')
  @Access('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Goes back to the version the scope used before the current one, and re-attributes',
  })
  @ApiOkResponse({ schema: openApiSchema(modelChangeSchema) })
  @ApiNotFoundResponse({ description: 'Unknown team' })
  @ApiConflictResponse({ description: 'The scope has no previous version' })
  rollback(
    @Body(new ZodValidationPipe(activateRequestSchema)) body: ActivateRequest,
  ): Promise<ModelChange> {
    return this.thenRefresh(
      'model rollback',
      rollbackModelVersion(this.dataSource, { scope: body.scope, config: this.config.analysis }),
    );
  }

  @Post(':version/activate')
  @Access('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Makes a model version the active one of a scope (default global), and re-attributes every item it covers',
  })
  @ApiOkResponse({ schema: openApiSchema(modelChangeSchema) })
  @ApiBadRequestResponse({
    description: 'The version is not a positive integer, or the body is invalid',
  })
  @ApiNotFoundResponse({ description: 'Unknown version or team' })
  activate(
    @Param('version') version: string,
    @Body(new ZodValidationPipe(activateRequestSchema)) body: ActivateRequest,
  ): Promise<ModelChange> {
    const parsed = versionParamSchema.safeParse(version);
    if (!parsed.success)
      throw new BadRequestException({
        code: 'invalid_input',
        message: 'The request has invalid fields',
        issues: [{ field: 'version', message: 'must be a positive integer' }],
      });
    return this.thenRefresh(
      `activation of model version ${parsed.data}`,
      activateModelVersion(this.dataSource, {
        scope: body.scope,
        version: parsed.data,
        config: this.config.analysis,
      }),
    );
  }

  /**
   * A model change re-attributes items in its own transaction: once it has committed, the rollups
   * by cause are refreshed by a worker (a failed change moved nothing, so queues nothing).
   */
  private async thenRefresh<T>(change: string, work: Promise<T>): Promise<T> {
    const outcome = await mapped(work);
    await this.rollups.request(change);
    return outcome;
  }
}

/** Domain errors to HTTP, in one place. */
async function mapped<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    switch (error.code) {
      case 'unknown_team':
      case 'unknown_version':
        throw new NotFoundException({ code: 'not_found', message: error.message });
      case 'not_enough_labels':
      case 'nothing_to_roll_back':
        throw new ConflictException({ code: error.code, message: error.message });
    }
  }
}
