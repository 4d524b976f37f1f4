import {
  BadRequestException,
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Param,
  Query,
  Res,
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
  metricDefinitionsResponseSchema,
  metricExplainQuerySchema,
  metricExplainResponseSchema,
  metricsQuerySchema,
  metricsResponseSchema,
  quarterlyQuerySchema,
  quarterlyResponseSchema,
  reviewCalibrationQuerySchema,
  reviewCalibrationResponseSchema,
  type MetricDefinitionsResponse,
  type MetricExplainQuery,
  type MetricExplainResponse,
  type MetricsQuery,
  type QuarterlyQuery,
  type ReviewCalibrationQuery,
  type ReviewCalibrationResponse,
} from '@rework-radar/shared';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { linkBaseOf } from '../analysis/link-base';
import { Access } from '../auth/access';
import { APP_CONFIG } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import { openApiSchema } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { calibrationCsv, explainCsv, metricsCsv, quarterlyCsv, wantsCsv } from './csv-answer';
import {
  assertScope,
  definitionsResponse,
  explainMetric,
  MetricsInputError,
  readMetrics,
  readQuarterly,
} from './metrics.service';
import { InvalidCursorError, listReviewCalibration } from './review-calibration.repository';

const csvNote = 'CSV with `?format=csv` or `Accept: text/csv` (RFC 4180, one row per item).';

/** Thin edges: validate, call one function, answer JSON or CSV; domain errors become 400/404 naming the field. */
@ApiTags('metrics')
@Controller()
export class MetricsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('metrics')
  @Access('read')
  @ApiOperation({
    summary:
      'Metric values per period for the organisation, a team or a repository, with the previous period for deltas',
    description: `Reads the rollups (refreshed after each sync and analysis). ${csvNote}`,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ schema: openApiSchema(metricsResponseSchema) })
  @ApiBadRequestResponse({ description: 'Invalid fields, unknown team or repository' })
  async metrics(
    @Query(new ZodValidationPipe(metricsQuerySchema)) query: MetricsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const answer = await answerOrReject(() => readMetrics(this.dataSource.manager, query));
    return wantsCsv(query.format, accept)
      ? csv(response, metricsCsv(answer.value.values))
      : json(response, answer.json);
  }

  @Get('metrics/definitions')
  @Access('signed-in')
  @ApiOperation({
    summary: 'Every metric: id, name, definition, unit, direction of good, universe',
  })
  @ApiOkResponse({ schema: openApiSchema(metricDefinitionsResponseSchema) })
  definitions(): MetricDefinitionsResponse {
    return definitionsResponse;
  }

  @Get('metrics/:metricId/explain')
  @Access('read')
  @ApiOperation({
    summary:
      'The records behind one metric value (PRs, work items, rework items, deployments, incidents, sprints) with links',
    description: `Paginated (cursor, limit). ${csvNote}`,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ schema: openApiSchema(metricExplainResponseSchema) })
  @ApiBadRequestResponse({
    description: 'Invalid fields, unknown team or repository, no sprint at that start',
  })
  async explain(
    @Param('metricId') metricId: string,
    @Query(new ZodValidationPipe(metricExplainQuerySchema)) query: MetricExplainQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MetricExplainResponse | string> {
    const answer = await answerOrReject(() =>
      explainMetric(this.dataSource.manager, metricId, query, linkBaseOf(this.config)),
    );
    return wantsCsv(query.format, accept) ? csv(response, explainCsv(answer)) : answer;
  }

  @Get('review-calibration')
  @Access('read')
  @ApiOperation({
    summary:
      'Risk vs review depth of merged pull requests, with rubber-stamp and over-review flags',
    description: `Oldest merge first, paginated (cursor, limit). ${csvNote}`,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ schema: openApiSchema(reviewCalibrationResponseSchema) })
  @ApiBadRequestResponse({
    description: 'Invalid fields, unknown team or a cursor this API did not give',
  })
  async reviewCalibration(
    @Query(new ZodValidationPipe(reviewCalibrationQuerySchema)) query: ReviewCalibrationQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReviewCalibrationResponse | string> {
    const answer = await answerOrReject(async () => {
      await assertScope(this.dataSource.manager, query);
      return listReviewCalibration(this.dataSource.manager, query, linkBaseOf(this.config));
    });
    return wantsCsv(query.format, accept) ? csv(response, calibrationCsv(answer)) : answer;
  }

  @Get('quarterly')
  @Access('read')
  @ApiOperation({
    summary:
      'Quarter over quarter deltas of the headline metrics, judged by their direction of good, with highlights written from the data',
    description: csvNote,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ schema: openApiSchema(quarterlyResponseSchema) })
  @ApiBadRequestResponse({ description: 'Invalid quarter or unknown team' })
  async quarterly(
    @Query(new ZodValidationPipe(quarterlyQuerySchema)) query: QuarterlyQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const answer = await answerOrReject(() => readQuarterly(this.dataSource.manager, query));
    return wantsCsv(query.format, accept)
      ? csv(response, quarterlyCsv(answer.value))
      : json(response, answer.json);
  }
}

/** An answer serialised once and cached (see AnswerCache), sent as it is. */
function json(response: Response, body: string): string {
  response.type('application/json; charset=utf-8');
  return body;
}

function csv(response: Response, body: string): string {
  response.type('text/csv; charset=utf-8');
  return body;
}

async function answerOrReject<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MetricsInputError) {
      const body = {
        code: error.status === 404 ? 'not_found' : 'invalid_input',
        message: error.message,
        issues: [{ field: error.field, message: error.message }],
      };
      throw error.status === 404 ? new NotFoundException(body) : new BadRequestException(body);
    }
    if (error instanceof InvalidCursorError)
      throw new BadRequestException({
        code: 'invalid_input',
        message: error.message,
        issues: [{ field: 'cursor', message: error.message }],
      });
    throw error;
  }
}
