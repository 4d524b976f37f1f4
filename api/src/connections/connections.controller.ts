import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseEnumPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  connectionsResponseSchema,
  connectionTestResultSchema,
  githubConnectionInputSchema,
  jiraConnectionInputSchema,
  type ConnectionsResponse,
  type ConnectionSummary,
  type ConnectionSystem,
  type ConnectionTestResult,
  type GithubConnectionInput,
  type JiraConnectionInput,
} from '@rework-radar/shared';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, APP_LOGGER } from '../app.tokens';
import { recordAudit } from '../audit/record-audit';
import { Access } from '../auth/access';
import { CurrentPrincipal } from '../auth/current-principal';
import type { Principal } from '../auth/principal';
import type { AppConfig } from '../config/app-config';
import { openApiSchema } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import type { KeyRing } from '../secrets/secret-box';
import {
  describeGithub,
  describeJira,
  loadStoredConnections,
  saveGithubConnection,
  saveJiraConnection,
} from './connection.store';
import { SECRET_KEY_RING } from './connections.tokens';
import { withStoredConnections } from './effective-config';
import { checkGithub, checkJira } from './test-connection';

/**
 * GitHub and Jira connections as settings show them. Credentials go in encrypted and never come
 * out; environment variables, when set, win over what is saved here.
 */
@ApiTags('connections')
@Controller('connections')
@Access('admin')
export class ConnectionsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(SECRET_KEY_RING) private readonly ring: KeyRing,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Both connections: where each comes from, its URL and scope; never a secret',
  })
  @ApiOkResponse({ schema: openApiSchema(connectionsResponseSchema) })
  async list(): Promise<ConnectionsResponse> {
    const stored = await loadStoredConnections(this.dataSource.manager, this.ring);
    const github = summarise(
      'github',
      this.config.github && {
        connection: this.config.github,
        webhookSecret: this.config.githubWebhookSecret,
      },
      stored.github,
      describeGithub,
    );
    const jira = summarise(
      'jira',
      this.config.jira && {
        connection: this.config.jira,
        webhookSecret: this.config.jiraWebhookSecret,
      },
      stored.jira,
      describeJira,
    );
    return { connections: [github, jira] };
  }

  @Put('github')
  @ApiOperation({
    summary:
      'Saves the GitHub connection (token encrypted at rest); used when no GITHUB_* variables are set',
  })
  @ApiOkResponse({ schema: openApiSchema(connectionsResponseSchema) })
  @ApiConflictResponse({ description: 'The demo organisation is running (see DEMO)' })
  async saveGithub(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(githubConnectionInputSchema)) body: GithubConnectionInput,
  ): Promise<ConnectionsResponse> {
    this.refuseDuringDemo();
    await this.dataSource.transaction(async (manager) => {
      await saveGithubConnection(manager, this.ring, body, principal.email);
      await recordAudit(manager, {
        actor: principal,
        action: 'connection.updated',
        target: 'github',
        details: {
          apiUrl: body.apiUrl,
          org: body.org ?? null,
          repos: body.repos,
          webhookSecretSet: body.webhookSecret !== undefined,
        },
      });
    });
    return this.list();
  }

  @Put('jira')
  @ApiOperation({
    summary:
      'Saves the Jira connection (API token or PAT encrypted at rest); used when no JIRA_* variables are set',
  })
  @ApiOkResponse({ schema: openApiSchema(connectionsResponseSchema) })
  @ApiConflictResponse({ description: 'The demo organisation is running (see DEMO)' })
  async saveJira(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(jiraConnectionInputSchema)) body: JiraConnectionInput,
  ): Promise<ConnectionsResponse> {
    this.refuseDuringDemo();
    await this.dataSource.transaction(async (manager) => {
      await saveJiraConnection(manager, this.ring, body, principal.email);
      await recordAudit(manager, {
        actor: principal,
        action: 'connection.updated',
        target: 'jira',
        details: {
          baseUrl: body.baseUrl,
          projects: body.projects,
          jql: body.jql ?? null,
          credential: body.pat !== undefined ? 'pat' : 'api-token',
          webhookSecretSet: body.webhookSecret !== undefined,
        },
      });
    });
    return this.list();
  }

  /**
   * The demo's database holds the demo organisation: a connection saved into it would sync your
   * data in beside the demo's, and the next start would still be the demo (it is chosen by the
   * environment). So the demo asks for the switch to be made where it is decided.
   */
  private refuseDuringDemo(): void {
    if (!this.config.demo) return;
    throw new ConflictException({
      code: 'demo_running',
      message:
        'The demo organisation is running: a connection saved here would mix your data with the demo. ' +
        'Set GITHUB_TOKEN (with GITHUB_ORG or GITHUB_REPOS) and/or JIRA_BASE_URL with its credentials and restart, ' +
        'or restart with DEMO=false to connect from Settings.',
    });
  }

  @Post(':system/test')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Signs in to GitHub or Jira with the connection in force and says what it found',
  })
  @ApiOkResponse({ schema: openApiSchema(connectionTestResultSchema) })
  @ApiConflictResponse({ description: 'That connection is not configured' })
  async test(
    @Param('system', new ParseEnumPipe(['github', 'jira'])) system: ConnectionSystem,
  ): Promise<ConnectionTestResult> {
    const effective = await withStoredConnections(this.config, this.dataSource.manager, this.ring);
    const notConfigured = (name: string) =>
      new ConflictException({ code: 'not_configured', message: `${name} is not configured` });
    let check;
    if (system === 'github') {
      if (effective.github === undefined) throw notConfigured('GitHub');
      check = await checkGithub(effective.github);
    } else {
      if (effective.jira === undefined) throw notConfigured('Jira');
      check = await checkJira(effective.jira, this.logger);
    }
    return { ...check, checkedAt: new Date().toISOString() };
  }
}

/** One source as settings show it: the environment wins, then what was saved, else nothing. */
function summarise<Connection>(
  system: ConnectionSystem,
  fromEnvironment: { connection: Connection; webhookSecret: string | undefined } | undefined,
  saved:
    | { connection: Connection; webhookSecret: string | undefined; row: { updatedAt: Date } }
    | undefined,
  describe: (
    connection: Connection,
  ) => Pick<ConnectionSummary, 'baseUrl' | 'scope' | 'credentialKind'>,
): ConnectionSummary {
  const inForce = fromEnvironment ?? saved;
  if (inForce === undefined) {
    return {
      system,
      source: 'none',
      configured: false,
      baseUrl: null,
      scope: null,
      credentialKind: null,
      webhookSecretSet: false,
      updatedAt: null,
    };
  }
  return {
    system,
    source: fromEnvironment !== undefined ? 'environment' : 'settings',
    configured: true,
    ...describe(inForce.connection),
    webhookSecretSet: inForce.webhookSecret !== undefined,
    updatedAt: fromEnvironment !== undefined ? null : (saved?.row.updatedAt.toISOString() ?? null),
  };
}
