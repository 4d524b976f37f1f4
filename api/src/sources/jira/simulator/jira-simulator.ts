import { findIssue } from './issue-index';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseJql } from './jql-subset';
import { renderHistory, renderIssue, type RenderContext, type SimDeployment } from './issue.render';
import type { JiraSimulatorDataset, SimIssue } from './simulator-dataset';

/**
 * A local Jira (Cloud or Data Center) over node:http, answering with the real response shapes:
 * serverInfo, fields, statuses, both search styles (Cloud `search/jql` + nextPageToken; Data
 * Center `search` + startAt/total; the old search answers 410 on Cloud), paged changelogs, agile
 * boards and sprints. Faults (5xx, 429 bursts with Retry-After, slow and malformed bodies) are
 * injected from a seeded generator, and every request is counted.
 */
export interface SimulatorFaults {
  /** Share of requests (0..1) that fail with one of the enabled fault kinds. */
  rate?: number;
  kinds?: ('server-error' | 'slow' | 'malformed-body')[];
  slowMs?: number;
  /** Every n-th request starts a burst of `rateLimitBurstLength` 429 answers. */
  rateLimitBurstEvery?: number;
  rateLimitBurstLength?: number;
  retryAfterSeconds?: number;
  seed?: number;
}

export interface SimulatorOptions {
  deployment: SimDeployment;
  dataset: JiraSimulatorDataset;
  auth: { email: string; apiToken: string } | { pat: string };
  faults?: SimulatorFaults;
  /** Histories that search returns per issue before the client must page the changelog. */
  searchChangelogLimit?: number | null;
  /** The API user's time zone, in which Jira reads JQL dates (default UTC). */
  userTimeZone?: string;
  /** Cap on maxResults for search. */
  searchMaxResults?: number;
}

export interface SimulatorRequest {
  method: string;
  path: string;
  status: number;
  /** The fault injected into this answer, if any. */
  fault: 'server-error' | 'rate-limit' | 'slow' | 'malformed-body' | null;
}

export interface JiraSimulator {
  baseUrl: string;
  requests: SimulatorRequest[];
  /** Replaces the fault settings (e.g. turn faults off after a test phase). */
  setFaults(faults: SimulatorFaults | undefined): void;
  close(): Promise<void>;
}

/** An answer; an Error so that route code can throw it. */
class HttpAnswer extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpAnswer(400, { errorMessages: ['Invalid JSON body'] });
  }
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

function intParam(value: unknown, fallback: number): number {
  const parsed =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? Number.parseInt(value, 10)
        : Number.NaN;
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}

export async function startJiraSimulator(options: SimulatorOptions): Promise<JiraSimulator> {
  const { deployment, dataset } = options;
  const requests: SimulatorRequest[] = [];
  let faults = options.faults;
  let random = seeded(faults?.seed ?? 7);
  let burstLeft = 0;
  const changelogLimit =
    options.searchChangelogLimit === undefined
      ? deployment === 'cloud'
        ? 100
        : null
      : options.searchChangelogLimit;
  const searchCap = options.searchMaxResults ?? (deployment === 'cloud' ? 100 : 1000);

  // Filled in once the port is known.
  const context: RenderContext = {
    dataset,
    deployment,
    baseUrl: 'http://127.0.0.1',
    usersById: new Map(),
  };

  const authorised = (request: IncomingMessage): boolean => {
    const header = request.headers.authorization ?? '';
    if ('pat' in options.auth) return header === `Bearer ${options.auth.pat}`;
    const expected = Buffer.from(`${options.auth.email}:${options.auth.apiToken}`).toString(
      'base64',
    );
    return header === `Basic ${expected}`;
  };

  // Each search page re-runs the JQL over the whole dataset (tests edit issues between pages), so
  // dates are parsed once per issue, not inside the sort's comparator: at 150,000 issues that
  // comparator parsed millions of dates per page and a backfill took most of an hour.
  const matching = (jql: string): SimIssue[] => {
    const filter = parseJql(jql, options.userTimeZone ?? 'UTC');
    const projects = filter.projectKeys === null ? null : new Set(filter.projectKeys);
    const keys = filter.issueKeys === null ? null : new Set(filter.issueKeys);
    const found: Array<{ issue: SimIssue; updated: number; id: number }> = [];
    for (const issue of dataset.issues) {
      if (projects !== null && !projects.has(issue.projectKey)) continue;
      if (keys !== null && !keys.has(issue.key)) continue;
      const updated = Date.parse(issue.updated);
      // Jira compares with minute precision: anything updated in the bound's minute matches.
      if (filter.updatedFrom !== null && updated < filter.updatedFrom) continue;
      found.push({ issue, updated, id: Number(issue.id) });
    }
    return found.sort((a, b) => a.updated - b.updated || a.id - b.id).map((entry) => entry.issue);
  };

  const searchParams = async (
    request: IncomingMessage,
    url: URL,
  ): Promise<Record<string, unknown>> =>
    request.method === 'POST'
      ? asRecord(await readBody(request))
      : Object.fromEntries(url.searchParams.entries());

  async function route(request: IncomingMessage, url: URL): Promise<HttpAnswer> {
    const path = url.pathname;
    const method = request.method ?? 'GET';
    if (!authorised(request))
      return new HttpAnswer(401, { errorMessages: ['You are not authenticated.'] });

    if (method === 'GET' && /^\/rest\/api\/[23]\/serverInfo$/.test(path)) {
      return new HttpAnswer(200, {
        baseUrl: context.baseUrl,
        version: deployment === 'cloud' ? '1001.0.0-SNAPSHOT' : '9.12.4',
        versionNumbers: deployment === 'cloud' ? [1001, 0, 0] : [9, 12, 4],
        deploymentType: deployment === 'cloud' ? 'Cloud' : 'Server',
        buildNumber: 100240,
        serverTitle: 'Jira',
      });
    }
    if (method === 'GET' && /^\/rest\/api\/[23]\/myself$/.test(path)) {
      return new HttpAnswer(200, {
        displayName: 'Sync Bot',
        timeZone: options.userTimeZone ?? 'UTC',
        active: true,
      });
    }
    if (method === 'GET' && /^\/rest\/api\/[23]\/field$/.test(path)) {
      const system = [
        'summary',
        'status',
        'description',
        'labels',
        'components',
        'fixVersions',
        'assignee',
        'reporter',
        'parent',
      ].map((id) => ({
        id,
        key: id,
        name: `${id.charAt(0).toUpperCase()}${id.slice(1)}`,
        custom: false,
        orderable: true,
        navigable: true,
        searchable: true,
        clauseNames: [id],
        schema: { type: 'string', system: id },
      }));
      const custom = dataset.fields.map((field) => ({
        id: field.id,
        key: field.id,
        name: field.name,
        custom: true,
        orderable: true,
        navigable: true,
        searchable: true,
        clauseNames: [`cf[${field.id.replace('customfield_', '')}]`, field.name],
        schema: {
          type: field.schemaType,
          custom: field.customType,
          customId: Number(field.id.replace('customfield_', '')),
          ...(field.schemaType === 'array' ? { items: 'json' } : {}),
        },
      }));
      return new HttpAnswer(200, [...system, ...custom]);
    }
    if (method === 'GET' && /^\/rest\/api\/[23]\/status$/.test(path)) {
      const ids = { new: 2, indeterminate: 4, done: 3 } as const;
      return new HttpAnswer(
        200,
        dataset.statuses.map((status) => ({
          id: status.id,
          name: status.name,
          statusCategory: { id: ids[status.category], key: status.category, name: status.category },
        })),
      );
    }
    if (/^\/rest\/api\/3\/search\/jql$/.test(path) && (method === 'POST' || method === 'GET')) {
      if (deployment !== 'cloud') return new HttpAnswer(404, { errorMessages: ['Not found'] });
      const params = await searchParams(request, url);
      const jql = typeof params.jql === 'string' ? params.jql : '';
      const token = typeof params.nextPageToken === 'string' ? params.nextPageToken : undefined;
      const offset =
        token === undefined
          ? 0
          : intParam(Buffer.from(token, 'base64url').toString('utf8').replace('offset:', ''), -1);
      if (offset < 0) return new HttpAnswer(400, { errorMessages: ['Invalid nextPageToken'] });
      const size = Math.min(intParam(params.maxResults, 50), searchCap);
      const all = matching(jql);
      const page = all.slice(offset, offset + size);
      const withChangelog =
        typeof params.expand === 'string' && params.expand.includes('changelog');
      const next =
        offset + size < all.length
          ? Buffer.from(`offset:${offset + size}`).toString('base64url')
          : undefined;
      return new HttpAnswer(200, {
        issues: page.map((issue) =>
          renderIssue(context, issue, withChangelog ? changelogLimit : 0),
        ),
        ...(next === undefined ? {} : { nextPageToken: next }),
        isLast: next === undefined,
      });
    }
    if (/^\/rest\/api\/[23]\/search$/.test(path) && (method === 'POST' || method === 'GET')) {
      if (deployment === 'cloud') {
        return new HttpAnswer(410, {
          errorMessages: [
            'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.',
          ],
        });
      }
      const params = await searchParams(request, url);
      const jql = typeof params.jql === 'string' ? params.jql : '';
      const startAt = intParam(params.startAt, 0);
      const size = Math.min(intParam(params.maxResults, 50), searchCap);
      const all = matching(jql);
      const expand = Array.isArray(params.expand)
        ? params.expand.join(',')
        : typeof params.expand === 'string'
          ? params.expand
          : '';
      return new HttpAnswer(200, {
        expand: 'schema,names',
        startAt,
        maxResults: size,
        total: all.length,
        issues: all
          .slice(startAt, startAt + size)
          .map((issue) =>
            renderIssue(context, issue, expand.includes('changelog') ? changelogLimit : 0),
          ),
      });
    }
    const changelog = /^\/rest\/api\/[23]\/issue\/([^/]+)\/changelog$/.exec(path);
    if (method === 'GET' && changelog?.[1] !== undefined) {
      const idOrKey = decodeURIComponent(changelog[1]);
      const issue = findIssue(dataset, idOrKey);
      if (issue === undefined)
        return new HttpAnswer(404, {
          errorMessages: ['Issue does not exist or you do not have permission to see it.'],
        });
      const startAt = intParam(url.searchParams.get('startAt'), 0);
      const size = Math.min(intParam(url.searchParams.get('maxResults'), 100), 100);
      const values = issue.histories.slice(startAt, startAt + size);
      return new HttpAnswer(200, {
        self: `${context.baseUrl}${path}`,
        maxResults: size,
        startAt,
        total: issue.histories.length,
        isLast: startAt + size >= issue.histories.length,
        values: values.map((history) => renderHistory(context, history)),
      });
    }
    if (method === 'GET' && path === '/rest/agile/1.0/board') {
      const startAt = intParam(url.searchParams.get('startAt'), 0);
      const size = Math.min(intParam(url.searchParams.get('maxResults'), 50), 50);
      const project = url.searchParams.get('projectKeyOrId');
      const all = dataset.boards.filter(
        (board) => project === null || board.projectKey === project,
      );
      return new HttpAnswer(200, {
        maxResults: size,
        startAt,
        total: all.length,
        isLast: startAt + size >= all.length,
        values: all.slice(startAt, startAt + size).map((board) => ({
          id: board.id,
          self: `${context.baseUrl}/rest/agile/1.0/board/${board.id}`,
          name: board.name,
          type: board.type,
          location: {
            projectKey: board.projectKey,
            displayName: board.projectKey,
            projectTypeKey: 'software',
          },
        })),
      });
    }
    const boardSprints = /^\/rest\/agile\/1\.0\/board\/(\d+)\/sprint$/.exec(path);
    if (method === 'GET' && boardSprints?.[1] !== undefined) {
      const boardId = Number(boardSprints[1]);
      if (!dataset.boards.some((board) => board.id === boardId))
        return new HttpAnswer(404, { errorMessages: ['Board does not exist'] });
      const startAt = intParam(url.searchParams.get('startAt'), 0);
      const size = Math.min(intParam(url.searchParams.get('maxResults'), 50), 50);
      const all = dataset.sprints.filter((sprint) => sprint.boardId === boardId);
      return new HttpAnswer(200, {
        maxResults: size,
        startAt,
        isLast: startAt + size >= all.length,
        values: all.slice(startAt, startAt + size).map((sprint) => ({
          id: sprint.id,
          self: `${context.baseUrl}/rest/agile/1.0/sprint/${sprint.id}`,
          state: sprint.state,
          name: sprint.name,
          ...(sprint.startDate === null ? {} : { startDate: sprint.startDate }),
          ...(sprint.endDate === null ? {} : { endDate: sprint.endDate }),
          ...(sprint.completeDate === null ? {} : { completeDate: sprint.completeDate }),
          originBoardId: sprint.boardId,
          ...(sprint.goal === null ? {} : { goal: sprint.goal }),
        })),
      });
    }
    return new HttpAnswer(404, { errorMessages: [`No route for ${method} ${path}`] });
  }

  function injectedFault(): HttpAnswer | 'slow' | 'malformed' | undefined {
    if (faults === undefined) return undefined;
    if (burstLeft > 0) {
      burstLeft -= 1;
      return new HttpAnswer(
        429,
        { errorMessages: ['Rate limit exceeded.'] },
        { 'retry-after': String(faults.retryAfterSeconds ?? 1) },
      );
    }
    if (
      faults.rateLimitBurstEvery !== undefined &&
      requests.length % faults.rateLimitBurstEvery === faults.rateLimitBurstEvery - 1
    ) {
      burstLeft = (faults.rateLimitBurstLength ?? 3) - 1;
      return new HttpAnswer(
        429,
        { errorMessages: ['Rate limit exceeded.'] },
        { 'retry-after': String(faults.retryAfterSeconds ?? 1) },
      );
    }
    if (random() >= (faults.rate ?? 0)) return undefined;
    const kinds = faults.kinds ?? ['server-error', 'slow', 'malformed-body'];
    const kind = kinds[Math.floor(random() * kinds.length)];
    if (kind === 'server-error')
      return new HttpAnswer(random() < 0.5 ? 503 : 500, {
        errorMessages: ['Internal server error'],
      });
    return kind === 'slow' ? 'slow' : kind === 'malformed-body' ? 'malformed' : undefined;
  }

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', context.baseUrl);
    const fault = injectedFault();
    const send = (answer: HttpAnswer, malformed = false): void => {
      const injected: SimulatorRequest['fault'] =
        fault instanceof HttpAnswer
          ? fault.status === 429
            ? 'rate-limit'
            : 'server-error'
          : fault === 'slow'
            ? 'slow'
            : fault === 'malformed'
              ? 'malformed-body'
              : null;
      requests.push({
        method: request.method ?? 'GET',
        path: url.pathname,
        status: answer.status,
        fault: injected,
      });
      const text = JSON.stringify(answer.body);
      response.writeHead(answer.status, {
        'content-type': 'application/json;charset=UTF-8',
        ...answer.headers,
      });
      // A malformed body is a response cut short: valid status, truncated JSON.
      response.end(malformed ? text.slice(0, Math.max(1, Math.floor(text.length / 2))) : text);
    };
    if (fault instanceof HttpAnswer) {
      request.resume();
      send(fault);
      return;
    }
    const delay = fault === 'slow' ? (faults?.slowMs ?? 300) : 0;
    route(request, url)
      .then((answer) => setTimeout(() => send(answer, fault === 'malformed'), delay))
      .catch((error: unknown) =>
        send(
          error instanceof HttpAnswer
            ? error
            : new HttpAnswer(500, { errorMessages: [String(error)] }),
        ),
      );
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  Object.assign(context, {
    dataset,
    deployment,
    baseUrl,
    usersById: new Map(dataset.users.map((user) => [user.id, user])),
  });

  return {
    baseUrl,
    requests,
    setFaults(next) {
      faults = next;
      random = seeded(next?.seed ?? 7);
      burstLeft = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
