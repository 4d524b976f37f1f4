import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import { seededRandom } from './dataset-generator';
import type { GithubDataset, SimRepository } from './github-dataset';
import { serveGitHttpBackend, tokenFromAuthorization } from './git-http-backend';
import { verifyAppJwt, type SimApp } from './app-jwt';
import { githubSchema } from './github-schema';
import { graphqlPointCost } from './graphql-cost';
import { GraphqlViews } from './graphql-views';
import { restIssue, restRelease, restRepository, type RestBody } from './rest-views';

export type FaultKind =
  | 'server-error'
  | 'secondary-limit'
  | 'too-many-requests'
  | 'slow'
  | 'connection-reset'
  | 'truncated-json';

export interface FaultPlan {
  /** Share of requests (0..1) that fail with one of `kinds`, drawn from a seeded PRNG. */
  probability: number;
  kinds: FaultKind[];
  seed?: number;
  /** Retry-After (seconds) sent with secondary-limit and 429 answers. */
  retryAfterSeconds?: number;
  slowMs?: number;
  /** Secondary-limit bursts: starting at each of these request numbers, `burstLength` requests answer 403. */
  burstsAt?: number[];
  burstLength?: number;
}

export interface RateLimitPlan {
  /** Points (GraphQL) and requests (REST) per window. GitHub: 5000 per hour. */
  graphqlPoints: number;
  restRequests: number;
  windowMs: number;
}

export interface SimulatorCounters {
  requests: number;
  graphqlRequests: number;
  restRequests: number;
  graphqlPoints: number;
  notModified: number;
  faults: number;
  rateLimited: number;
  /** Smart HTTP git requests (info/refs, upload-pack), counted apart from the API. */
  gitRequests: number;
  /** Requests refused for a missing or unknown token. */
  unauthorized: number;
}

interface Budget {
  used: number;
  resetAt: number;
}

/**
 * A local GitHub: REST (`/…` and GitHub Enterprise's `/api/v3/…`) and GraphQL (`/graphql`,
 * `/api/graphql`) over an in-memory dataset. Every GraphQL document is validated against GitHub's
 * published schema and executed; an invalid one is answered the way GitHub answers it and
 * recorded in `validationErrors`, so a test can fail on a field GitHub does not have.
 */
export class GithubSimulator {
  counters: SimulatorCounters = this.zeroCounters();
  readonly validationErrors: string[] = [];
  faults: FaultPlan | undefined;
  /**
   * Tokens the API and git accept. Undefined: any token is accepted (most tests do not care);
   * set it to test credentials. Installation tokens the simulator issues are added to it.
   */
  acceptedTokens: Set<string> | undefined;
  /** GitHub Apps that may ask for installation tokens. */
  readonly apps: SimApp[] = [];
  /** Installation tokens issued, newest last. */
  readonly issuedTokens: { installationId: number; token: string }[] = [];
  private random: () => number = Math.random;
  private readonly budgets: { graphql: Budget; rest: Budget };
  private server: Server | undefined;
  private baseUrl = '';

  constructor(
    public dataset: GithubDataset,
    private readonly limits: RateLimitPlan = {
      graphqlPoints: 5000,
      restRequests: 5000,
      windowMs: 3_600_000,
    },
  ) {
    const resetAt = Date.now() + limits.windowMs;
    this.budgets = { graphql: { used: 0, resetAt }, rest: { used: 0, resetAt } };
  }

  async start(): Promise<this> {
    githubSchema();
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: error instanceof Error ? error.message : 'error' }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  /** REST base URL in GitHub Enterprise form; GraphQL is derived from it as `/api/graphql`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/v3`;
  }

  get rootUrl(): string {
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  /** An App whose JWTs (RS256, signed with the private key of `publicKey`) are honoured. */
  registerApp(app: SimApp): void {
    this.apps.push(app);
  }

  /** Only these tokens (and installation tokens issued from now on) are accepted. */
  requireTokens(...tokens: string[]): void {
    this.acceptedTokens = new Set(tokens);
  }

  private accepts(authorization: string | undefined): boolean {
    const token = tokenFromAuthorization(authorization);
    if (token === undefined) return false;
    return this.acceptedTokens === undefined || this.acceptedTokens.has(token);
  }

  setFaults(plan: FaultPlan | undefined): void {
    this.faults = plan;
    this.random = seededRandom(plan?.seed ?? 7);
  }

  resetCounters(): void {
    this.counters = this.zeroCounters();
  }

  private zeroCounters(): SimulatorCounters {
    return {
      requests: 0,
      graphqlRequests: 0,
      restRequests: 0,
      graphqlPoints: 0,
      notModified: 0,
      faults: 0,
      rateLimited: 0,
      gitRequests: 0,
      unauthorized: 0,
    };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    // Git lives on the web host (`/owner/name.git/...`), never under `/api/v3`; its bodies are binary.
    const gitRoute = /^\/([^/]+)\/([^/]+?)\.git(\/.*)?$/.exec(url.pathname);
    if (gitRoute !== null) {
      this.git(
        request,
        response,
        gitRoute[1] ?? '',
        gitRoute[2] ?? '',
        gitRoute[3] ?? '',
        url.search.slice(1),
      );
      return;
    }
    const body = await readBody(request);
    this.counters.requests += 1;
    const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '');
    const isGraphql = path === '/graphql' || path === '/api/graphql';
    if (isGraphql) this.counters.graphqlRequests += 1;
    else this.counters.restRequests += 1;

    const installationRoute = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
    if (request.method === 'POST' && installationRoute !== null) {
      this.issueInstallationToken(request, response, Number(installationRoute[1]));
      return;
    }
    if (request.headers.authorization === undefined) {
      this.counters.unauthorized += 1;
      sendJson(response, 401, { message: 'Requires authentication' }, {});
      return;
    }
    if (!this.accepts(request.headers.authorization)) {
      this.counters.unauthorized += 1;
      sendJson(response, 401, { message: 'Bad credentials' }, {});
      return;
    }
    const fault = this.drawFault();
    if (fault !== undefined) {
      this.counters.faults += 1;
      const retryAfter = String(this.faults?.retryAfterSeconds ?? 1);
      switch (fault) {
        case 'server-error': {
          sendJson(response, 502, { message: 'Server Error' }, {});
          return;
        }
        case 'secondary-limit': {
          sendJson(
            response,
            403,
            {
              message:
                'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            },
            { 'retry-after': retryAfter },
          );
          return;
        }
        case 'too-many-requests': {
          sendJson(response, 429, { message: 'Too many requests' }, { 'retry-after': retryAfter });
          return;
        }
        case 'connection-reset':
          request.socket.destroy();
          return;
        case 'slow':
          await new Promise((resolve) => setTimeout(resolve, this.faults?.slowMs ?? 300));
          break;
        case 'truncated-json':
          break;
      }
    }
    const truncate = fault === 'truncated-json';
    if (isGraphql) {
      this.graphql(body, response, truncate);
      return;
    }
    this.rest(request, url, path, response, truncate);
  }

  /** GitHub's exchange: an App JWT for a one-hour installation token that the API and git accept. */
  private issueInstallationToken(
    request: IncomingMessage,
    response: ServerResponse,
    installationId: number,
  ): void {
    const jwt = /^bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const verdict =
      jwt === undefined
        ? { ok: false as const, reason: 'A JSON web token could not be decoded' }
        : verifyAppJwt(jwt, this.apps, Date.now());
    if (!verdict.ok) {
      this.counters.unauthorized += 1;
      sendJson(response, 401, { message: verdict.reason }, {});
      return;
    }
    if (!verdict.app.installations.includes(installationId)) {
      sendJson(response, 404, { message: 'Not Found' }, {});
      return;
    }
    const token = `ghs_${randomBytes(18).toString('base64url')}`;
    this.acceptedTokens?.add(token);
    this.issuedTokens.push({ installationId, token });
    sendJson(
      response,
      201,
      {
        token,
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        permissions: { contents: 'read', pull_requests: 'read', metadata: 'read' },
        repository_selection: 'all',
      },
      {},
    );
  }

  private git(
    request: IncomingMessage,
    response: ServerResponse,
    owner: string,
    name: string,
    subPath: string,
    query: string,
  ): void {
    this.counters.gitRequests += 1;
    if (!this.accepts(request.headers.authorization)) {
      this.counters.unauthorized += 1;
      // Git asks for credentials on a 401 that names a realm; with prompts off it gives up.
      response.writeHead(401, {
        'www-authenticate': 'Basic realm="GitHub"',
        'content-type': 'text/plain',
      });
      response.end('Invalid username or token.');
      return;
    }
    const repo = this.findRepository(owner, name);
    if (repo?.gitDir === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Repository not found.');
      return;
    }
    serveGitHttpBackend(request, response, { gitDir: repo.gitDir, subPath, query });
  }

  private findRepository(owner: string, name: string): SimRepository | undefined {
    return this.dataset.repositories.find(
      (candidate) =>
        candidate.owner.toLowerCase() === owner.toLowerCase() &&
        candidate.name.toLowerCase() === name.toLowerCase(),
    );
  }

  private drawFault(): FaultKind | undefined {
    const plan = this.faults;
    if (plan === undefined) return undefined;
    const inBurst = (plan.burstsAt ?? []).some(
      (startAt) =>
        this.counters.requests >= startAt &&
        this.counters.requests < startAt + (plan.burstLength ?? 3),
    );
    if (inBurst) return 'secondary-limit';
    if (plan.kinds.length === 0 || this.random() >= plan.probability) return undefined;
    return plan.kinds[Math.floor(this.random() * plan.kinds.length)];
  }

  private budget(kind: 'graphql' | 'rest'): Budget {
    const budget = this.budgets[kind];
    if (Date.now() >= budget.resetAt) {
      budget.used = 0;
      budget.resetAt = Date.now() + this.limits.windowMs;
    }
    return budget;
  }

  private rateHeaders(kind: 'graphql' | 'rest'): Record<string, string> {
    const budget = this.budget(kind);
    const limit = kind === 'graphql' ? this.limits.graphqlPoints : this.limits.restRequests;
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - budget.used)),
      'x-ratelimit-used': String(budget.used),
      'x-ratelimit-reset': String(Math.ceil(budget.resetAt / 1000)),
      'x-ratelimit-resource': kind === 'graphql' ? 'graphql' : 'core',
    };
  }

  private graphql(body: string, response: ServerResponse, truncate: boolean): void {
    const request = JSON.parse(body || '{}') as {
      query?: string;
      variables?: Record<string, unknown>;
    };
    let document: DocumentNode;
    try {
      document = parse(request.query ?? '');
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : 'parse error';
      this.validationErrors.push(message);
      sendJson(response, 200, { errors: [{ message }] }, this.rateHeaders('graphql'));
      return;
    }
    const errors = validate(githubSchema(), document);
    if (errors.length > 0) {
      this.validationErrors.push(...errors.map((error) => error.message));
      sendJson(
        response,
        200,
        { errors: errors.map((error) => ({ message: error.message, locations: error.locations })) },
        this.rateHeaders('graphql'),
      );
      return;
    }
    const variables = request.variables ?? {};
    const cost = graphqlPointCost(document, variables);
    const budget = this.budget('graphql');
    if (budget.used + cost > this.limits.graphqlPoints) {
      this.counters.rateLimited += 1;
      sendJson(
        response,
        200,
        {
          errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for installation.' }],
        },
        { ...this.rateHeaders('graphql'), 'x-ratelimit-remaining': '0' },
      );
      return;
    }
    budget.used += cost;
    this.counters.graphqlPoints += cost;
    const root = {
      ...new GraphqlViews(this.dataset, this.baseUrl).root(),
      rateLimit: {
        cost,
        limit: this.limits.graphqlPoints,
        remaining: this.limits.graphqlPoints - budget.used,
        used: budget.used,
        resetAt: new Date(budget.resetAt).toISOString(),
        nodeCount: 0,
      },
    };
    const result = execute({
      schema: githubSchema(),
      document,
      rootValue: root,
      variableValues: variables,
    });
    if ('then' in result) throw new Error('resolvers are synchronous');
    const payload =
      result.errors === undefined
        ? { data: result.data }
        : {
            data: result.data,
            errors: result.errors.map((error) => ({ message: error.message, path: error.path })),
          };
    if (result.errors !== undefined)
      this.validationErrors.push(...result.errors.map((error) => `execution: ${error.message}`));
    sendJson(response, 200, payload, this.rateHeaders('graphql'), truncate);
  }

  private rest(
    request: IncomingMessage,
    url: URL,
    path: string,
    response: ServerResponse,
    truncate: boolean,
  ): void {
    const budget = this.budget('rest');
    if (budget.used >= this.limits.restRequests) {
      this.counters.rateLimited += 1;
      sendJson(
        response,
        403,
        { message: 'API rate limit exceeded for installation.' },
        { ...this.rateHeaders('rest'), 'x-ratelimit-remaining': '0' },
      );
      return;
    }
    const list = this.restList(path, url);
    if (list === undefined) {
      sendJson(response, 404, { message: 'Not Found' }, this.rateHeaders('rest'));
      return;
    }
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const body: RestBody = Array.isArray(list)
      ? list.slice((page - 1) * perPage, page * perPage)
      : list;
    const text = JSON.stringify(body);
    const etag = `W/"${createHash('sha1').update(text).digest('hex')}"`;
    if (request.headers['if-none-match'] === etag) {
      // GitHub does not count a 304 against the primary limit.
      this.counters.notModified += 1;
      response.writeHead(304, { etag, ...this.rateHeaders('rest') });
      response.end();
      return;
    }
    budget.used += 1;
    const headers: Record<string, string> = { etag, ...this.rateHeaders('rest') };
    if (Array.isArray(list)) {
      const lastPage = Math.max(1, Math.ceil(list.length / perPage));
      const link = (n: number, rel: string): string => {
        const next = new URL(url);
        next.searchParams.set('page', String(n));
        next.searchParams.set('per_page', String(perPage));
        return `<${next.toString()}>; rel="${rel}"`;
      };
      const links = [
        ...(page < lastPage ? [link(page + 1, 'next'), link(lastPage, 'last')] : []),
        ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
      ];
      if (links.length > 0) headers.link = links.join(', ');
    }
    sendJson(response, 200, body, headers, truncate, text);
  }

  private restList(path: string, url: URL): RestBody | undefined {
    const dataset = this.dataset;
    // The authenticated user (GET /user), as settings' "test connection" asks for it.
    if (path === '/user')
      return { login: 'rework-radar-sync', id: 1, type: 'User', site_admin: false };
    const org = /^\/orgs\/([^/]+)$/.exec(path);
    if (org !== null) {
      const known = dataset.repositories.some(
        (repo) => repo.owner.toLowerCase() === org[1]?.toLowerCase(),
      );
      return known ? { login: org[1] ?? '', id: 2, type: 'Organization' } : undefined;
    }
    const orgRepos = /^\/orgs\/([^/]+)\/repos$/.exec(path);
    if (orgRepos !== null) {
      return dataset.repositories
        .filter((repo) => repo.owner.toLowerCase() === orgRepos[1]?.toLowerCase())
        .map((repo) => restRepository(repo, this.baseUrl));
    }
    const repoRoute = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    if (repoRoute === null) return undefined;
    const repo = this.findRepository(repoRoute[1] ?? '', repoRoute[2] ?? '');
    if (repo === undefined) return undefined;
    const rest = repoRoute[3] ?? '';
    if (rest === '') return restRepository(repo, this.baseUrl);
    if (rest === '/releases') {
      return [...repo.releases]
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
        .map((release) => restRelease(dataset, repo, release));
    }
    if (rest === '/issues') {
      const labels = (url.searchParams.get('labels') ?? '')
        .split(',')
        .filter((label) => label !== '');
      const state = url.searchParams.get('state') ?? 'open';
      const since = url.searchParams.get('since');
      return repo.issues
        .filter((issue) => labels.every((label) => issue.labels.includes(label)))
        .filter((issue) => state === 'all' || issue.state === state)
        .filter((issue) => since === null || issue.updatedAt >= since)
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
        .map((issue) => restIssue(dataset, repo, issue));
    }
    return undefined;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
  truncate = false,
  text = JSON.stringify(body),
): void {
  if (truncate) {
    // A body cut short on the wire: no Content-Length, so the client sees a complete but broken document.
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(text.slice(0, Math.floor(text.length / 2)));
    return;
  }
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}
