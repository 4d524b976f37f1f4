import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { APP_CONFIG, APP_LOGGER } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import { handleGithubWebhook } from '../sources/github/webhook/github-webhook.handler';
import type { WithRawBody } from './raw-body';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /** GitHub deliveries: 202 applied, 200 duplicate delivery, 401 bad signature, 400 malformed. */
  @Post('github')
  @HttpCode(202)
  @ApiOperation({
    summary: 'GitHub webhook deliveries',
    description: 'Verified with X-Hub-Signature-256 and GITHUB_WEBHOOK_SECRET; applied once per X-GitHub-Delivery.',
  })
  async github(@Req() request: Request & WithRawBody, @Res({ passthrough: true }) response: Response): Promise<object> {
    const secret = this.config.githubWebhookSecret;
    if (secret === undefined) {
      response.status(401);
      return { error: 'GITHUB_WEBHOOK_SECRET is not set: deliveries cannot be verified' };
    }
    const result = await handleGithubWebhook(
      { dataSource: this.dataSource, secret, logger: this.logger },
      { headers: request.headers, rawBody: request.rawBody?.toString('utf8') ?? '' },
    );
    response.status(result.status);
    return result;
  }
}
