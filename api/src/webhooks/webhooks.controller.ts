import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { APP_CONFIG, APP_LOGGER } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import { handleGithubWebhook } from '../sources/github/webhook/github-webhook.handler';
import { handleJiraWebhook } from '../sources/jira/jira-webhook';
import type { WithRawBody } from './raw-body';
import { Access } from '../auth/access';
import { SECRET_KEY_RING } from '../connections/connections.tokens';
import { withStoredConnections } from '../connections/effective-config';
import type { KeyRing } from '../secrets/secret-box';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(SECRET_KEY_RING) private readonly ring: KeyRing,
  ) {}

  /** Webhook secrets from the environment, else as saved in settings (read per delivery, so a change applies at once). */
  private secrets() {
    return withStoredConnections(this.config, this.dataSource.manager, this.ring);
  }

  /** GitHub deliveries: 202 applied, 200 duplicate delivery, 401 bad signature, 400 malformed. */
  @Post('github')
  @Access('public')
  @HttpCode(202)
  @ApiOperation({
    summary: 'GitHub webhook deliveries',
    description:
      'Verified with X-Hub-Signature-256 and GITHUB_WEBHOOK_SECRET (or the secret saved in settings); applied once per X-GitHub-Delivery.',
  })
  async github(
    @Req() request: Request & WithRawBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    const secret = (await this.secrets()).githubWebhookSecret;
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

  /** Jira deliveries: 200 applied or ignored, 401 bad or missing secret, 400 malformed. */
  @Post('jira')
  @Access('public')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Jira webhook deliveries',
    description:
      'Verified with JIRA_WEBHOOK_SECRET: an X-Hub-Signature HMAC or ?secret= in the URL (JIRA_WEBHOOK_VERIFICATION).',
  })
  async jira(
    @Req() request: Request & WithRawBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    const result = await handleJiraWebhook(
      {
        dataSource: this.dataSource,
        logger: this.logger,
        secret: (await this.secrets()).jiraWebhookSecret,
        verification: this.config.jiraWebhookVerification,
      },
      {
        headers: request.headers,
        query: stringQuery(request.query),
        rawBody: request.rawBody ?? '',
      },
    );
    response.status(result.httpStatus);
    return result;
  }
}

function stringQuery(query: Request['query']): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(query))
    result[name] = typeof value === 'string' ? value : undefined;
  return result;
}
