import JiraApi from 'jira-client';
import type { Logger } from 'pino';
import type { JiraConnection } from '../../config/app-config';
import type { RequestParams } from '../raw/raw-payload.entity';
import { createFetchTransport, type JiraClientRequestOptions } from './jira-http.transport';
import { defaultRetryPolicy, withJiraRetries, type RetryPolicy } from './jira-retry';

export type JiraDeployment = 'cloud' | 'datacenter';

/** One answered request: what raw storage needs (the operation, its parameters, the body). */
export interface JiraResponse {
  endpoint: string;
  requestParams: RequestParams;
  body: unknown;
}

export interface JiraApiClientOptions {
  logger: Logger;
  retryPolicy?: RetryPolicy;
  timeoutMs?: number;
}

/**
 * The Jira REST calls the connector makes, through jira-client (its helpers where they fit, its
 * generic request path for Cloud's `search/jql` and the paged changelog), with the fetch
 * transport that keeps status codes and the retry policy around every call.
 */
export class JiraApiClient {
  private readonly client: JiraApi;
  private readonly baseUrl: string;

  constructor(
    connection: JiraConnection,
    private readonly options: JiraApiClientOptions,
  ) {
    const url = new URL(connection.baseUrl);
    this.baseUrl = connection.baseUrl.replace(/\/+$/, '');
    const auth =
      connection.auth.kind === 'pat'
        ? { bearer: connection.auth.token }
        : { username: connection.auth.email, password: connection.auth.apiToken };
    this.client = new JiraApi({
      protocol: url.protocol.replace(':', ''),
      host: url.hostname,
      ...(url.port === '' ? {} : { port: url.port }),
      base: url.pathname.replace(/\/+$/, ''),
      apiVersion: '2',
      strictSSL: true,
      ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
      request: createFetchTransport(options.timeoutMs),
      ...auth,
    });
  }

  private retrying<T>(label: string, call: () => Promise<T>): Promise<T> {
    return withJiraRetries(
      label,
      call,
      this.options.logger,
      this.options.retryPolicy ?? defaultRetryPolicy,
    );
  }

  /** jira-client's generic request path (private in its typings, public in its code). */
  private generic(
    path: string,
    init: { method: 'GET' | 'POST'; query?: RequestParams; body?: unknown },
  ): Promise<unknown> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(init.query ?? {}))
      if (value !== null) url.searchParams.set(name, String(value));
    // The typings declare makeRequestHeader's options as URI options; the code spreads any
    // request option (method, body) into the request, which is what we rely on.
    const makeHeader = this.client['makeRequestHeader'].bind(this.client) as (
      uri: string,
      options: Omit<JiraClientRequestOptions, 'uri'>,
    ) => JiraClientRequestOptions;
    const header = makeHeader(url.toString(), {
      method: init.method,
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    return this.client['doRequest'](header);
  }

  async serverInfo(): Promise<JiraResponse> {
    const body = await this.retrying(
      'serverInfo',
      () => this.client.getServerInfo() as Promise<unknown>,
    );
    return { endpoint: 'GET /rest/api/2/serverInfo', requestParams: {}, body };
  }

  /** The API user; its time zone is the one Jira reads JQL dates in. */
  async myself(): Promise<JiraResponse> {
    const body = await this.retrying(
      'myself',
      () => this.client.getCurrentUser() as Promise<unknown>,
    );
    return { endpoint: 'GET /rest/api/2/myself', requestParams: {}, body };
  }

  async fields(): Promise<JiraResponse> {
    const body = await this.retrying('fields', () => this.client.listFields() as Promise<unknown>);
    return { endpoint: 'GET /rest/api/2/field', requestParams: {}, body };
  }

  async statuses(): Promise<JiraResponse> {
    const body = await this.retrying(
      'statuses',
      () => this.client.listStatus() as Promise<unknown>,
    );
    return { endpoint: 'GET /rest/api/2/status', requestParams: {}, body };
  }

  /** Cloud: `POST /rest/api/3/search/jql` paged by nextPageToken (no total). */
  async searchCloud(
    jql: string,
    nextPageToken: string | null,
    maxResults: number,
  ): Promise<JiraResponse> {
    const requestParams: RequestParams = { jql, nextPageToken, maxResults, expand: 'changelog' };
    const body = await this.retrying('search/jql', () =>
      this.generic('/rest/api/3/search/jql', {
        method: 'POST',
        body: {
          jql,
          maxResults,
          fields: ['*all'],
          expand: 'changelog',
          ...(nextPageToken === null ? {} : { nextPageToken }),
        },
      }),
    );
    return { endpoint: 'POST /rest/api/3/search/jql', requestParams, body };
  }

  /** Data Center: `POST /rest/api/2/search` paged by startAt/total (jira-client's searchJira). */
  async searchDataCenter(jql: string, startAt: number, maxResults: number): Promise<JiraResponse> {
    const body = await this.retrying(
      'search',
      () =>
        this.client.searchJira(jql, {
          startAt,
          maxResults,
          fields: ['*all'],
          expand: ['changelog'],
        }) as Promise<unknown>,
    );
    return {
      endpoint: 'POST /rest/api/2/search',
      requestParams: { jql, startAt, maxResults, expand: 'changelog' },
      body,
    };
  }

  async changelog(
    deployment: JiraDeployment,
    issueKey: string,
    startAt: number,
    maxResults = 100,
  ): Promise<JiraResponse> {
    const version = deployment === 'cloud' ? 3 : 2;
    const query = { startAt, maxResults };
    const body = await this.retrying('changelog', () =>
      this.generic(`/rest/api/${version}/issue/${encodeURIComponent(issueKey)}/changelog`, {
        method: 'GET',
        query,
      }),
    );
    return {
      endpoint: `GET /rest/api/${version}/issue/{key}/changelog`,
      requestParams: { issueKey, ...query },
      body,
    };
  }

  async boards(startAt: number): Promise<JiraResponse> {
    const body = await this.retrying(
      'boards',
      () => this.client.getAllBoards(startAt, 50) as Promise<unknown>,
    );
    return {
      endpoint: 'GET /rest/agile/1.0/board',
      requestParams: { startAt, maxResults: 50 },
      body,
    };
  }

  async sprints(boardId: number, startAt: number): Promise<JiraResponse> {
    const body = await this.retrying(
      'sprints',
      () => this.client.getAllSprints(String(boardId), startAt, 50) as Promise<unknown>,
    );
    return {
      endpoint: 'GET /rest/agile/1.0/board/{boardId}/sprint',
      requestParams: { boardId, startAt, maxResults: 50 },
      body,
    };
  }
}
