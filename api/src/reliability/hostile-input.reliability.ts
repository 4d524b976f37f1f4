import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadDemoOrganisation } from '../demo/demo-loader';
import { signWebhook } from '../sources/github/webhook/webhook-signature';
import { silentLogger } from '../testing/silent-logger';
import { createMigratedDataSource, type TestDatabase } from '../testing/test-database';
import type { DataSource } from 'typeorm';
import {
  encodeBody,
  hostileBody,
  hostileJson,
  hostileString,
  scriptPayloads,
  type HostileBody,
} from './hostile-arbitraries';
import { startAppOn, type RunningApp } from './in-process-app';
import { documentedRoutes, type DocumentedRoute } from './openapi-routes';
import { printFigure } from './queue-audit';
import { scratchDir } from './sync-run';
import { writeProbe } from './write-probe';

const runsPerRoute = Number(process.env.RELIABILITY_HOSTILE_RUNS ?? 60);
const githubSecret = 'hostile-github-secret';
const jiraSecret = 'hostile-jira-secret';

interface Answer {
  status: number;
  contentType: string;
  body: string;
  nosniff: boolean;
}

/**
 * Property-based hostile input on every route of the OpenAPI document and both webhooks:
 * never a 500, never a stored script rendered as HTML, nothing written when a request is refused.
 */
describe('hostile input on every documented route and both webhooks', () => {
  let running: RunningApp;
  let test: { dataSource: DataSource; database: TestDatabase };
  let routes: DocumentedRoute[];
  const scratch = scratchDir('rr-hostile-');
  const problems: string[] = [];
  let requests = 0;

  const send = async (
    method: string,
    path: string,
    body: { text: string | undefined; contentType: string | undefined },
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    requests += 1;
    const response = await fetch(`${running.baseUrl}${path}`, {
      method,
      // Signed in as an admin, so hostile input reaches the validation behind the access guard.
      headers: {
        ...running.auth,
        ...(body.contentType === undefined ? {} : { 'content-type': body.contentType }),
        ...headers,
      },
      ...(body.text === undefined || method === 'GET' ? {} : { body: body.text }),
    });
    const contentType = response.headers.get('content-type') ?? '';
    // A live event stream never ends: its status and headers are the answer.
    const text = contentType.startsWith('text/event-stream')
      ? await response.body?.cancel().then(() => '')
      : await response.text();
    return {
      status: response.status,
      contentType,
      body: text ?? '',
      nosniff: response.headers.get('x-content-type-options') === 'nosniff',
    };
  };

  /** The rules every answer must keep; a refused request must leave the database as it was. */
  const check = async (label: string, run: () => Promise<Answer>): Promise<Answer> => {
    const before = await writeProbe(test.dataSource);
    const answer = await run();
    // The export renders the built web app, which this in-process api does not serve: its 503
    // saying so is the documented answer, not a crash.
    const exportWithoutWebApp =
      answer.status === 503 && answer.body.includes('"code":"web_app_unavailable"');
    if (answer.status >= 500 && !exportWithoutWebApp)
      problems.push(`${label}: ${answer.status} ${answer.body.slice(0, 200)}`);
    if (
      answer.contentType.includes('html') &&
      scriptPayloads.some((script) => answer.body.includes(script))
    )
      problems.push(`${label}: a script rendered as HTML`);
    if (!answer.nosniff) problems.push(`${label}: no X-Content-Type-Options: nosniff`);
    const after = answer.status >= 400 ? await writeProbe(test.dataSource) : before;
    // Tables that vanished are pg-boss dropping its own partitions on schedule, not this request.
    const changed = after.split('|').filter((entry) => !before.split('|').includes(entry));
    if (changed.length > 0) {
      problems.push(`${label}: refused with ${answer.status} but ${changed.join(', ')} changed`);
    }
    return answer;
  };

  beforeAll(async () => {
    test = await createMigratedDataSource();
    // A small demo org so item routes find real rows to trip over.
    await loadDemoOrganisation({
      dataDir: join(scratch, 'data'),
      dataSource: test.dataSource,
      logger: silentLogger(),
      scale: { prs: 200 },
    });
    running = await startAppOn(test.database.url, {
      GITHUB_WEBHOOK_SECRET: githubSecret,
      JIRA_WEBHOOK_SECRET: jiraSecret,
    });
    const document: unknown = await (
      await fetch(`${running.baseUrl}/api/docs/openapi.json`)
    ).json();
    routes = documentedRoutes(document);
  }, 600_000);
  afterAll(async () => {
    await running.close();
    await test.dataSource.destroy();
    await test.database.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('finds the routes in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining([
        'POST /api/webhooks/github',
        'POST /api/webhooks/jira',
        'POST /api/sync',
        'GET /api/sync/status',
      ]),
    );
  });

  it('answers every documented route without a 500 whatever the path, query and body', async () => {
    const requestArbitrary = (route: DocumentedRoute) =>
      fc.record({
        pathValues: fc.array(hostileString, {
          minLength: route.pathParams.length,
          maxLength: route.pathParams.length,
        }),
        query: fc.dictionary(
          fc.oneof(fc.constantFrom(...route.queryParams, 'limit', 'cursor', 'team'), hostileString),
          fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 })),
          { maxKeys: 4 },
        ),
        body: hostileBody,
      });
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(route), async ({ pathValues, query, body }) => {
          let path = route.path;
          route.pathParams.forEach((name, index) => {
            path = path.replace(`{${name}}`, encodeURIComponent(pathValues[index] ?? ''));
          });
          const search = new URLSearchParams();
          for (const [name, value] of Object.entries(query))
            for (const one of Array.isArray(value) ? value : [value]) search.append(name, one);
          const url = `${path}${search.size > 0 ? `?${search.toString()}` : ''}`;
          const label = `${route.method} ${url} body=${JSON.stringify(encodeBody(body).text ?? '').slice(0, 120)}`;
          const answer = await check(label, () => send(route.method, url, encodeBody(body)));
          return answer.status < 500;
        }),
        { numRuns: runsPerRoute, seed: 424_242 },
      );
    }
    printFigure('hostile: routes from the OpenAPI document', routes.length);
    expect(problems).toEqual([]);
  });

  it('refuses unsigned or wrongly signed webhook deliveries without writing, and survives signed hostile ones', async () => {
    const delivery = fc.record({
      event: fc.constantFrom(
        'pull_request',
        'pull_request_review',
        'push',
        'issues',
        'deployment_status',
        'release',
        'ping',
        'nonsense',
      ),
      body: hostileBody,
      sign: fc.constantFrom('none', 'wrong', 'right'),
    });
    await fc.assert(
      fc.asyncProperty(delivery, async ({ event, body, sign }) => {
        const encoded = encodeBody(body);
        const text = encoded.text ?? '';
        const signature =
          sign === 'right'
            ? signWebhook(githubSecret, text)
            : sign === 'wrong'
              ? signWebhook('not-the-secret', text)
              : undefined;
        const headers: Record<string, string> = {
          'x-github-event': event,
          'x-github-delivery': randomUUID(),
          ...(signature === undefined ? {} : { 'x-hub-signature-256': signature }),
        };
        const answer = await check(`github webhook ${event} ${sign} ${text.slice(0, 120)}`, () =>
          send('POST', '/api/webhooks/github', encoded, headers),
        );
        if (
          sign !== 'right' &&
          answer.status !== 401 &&
          answer.status !== 400 &&
          answer.status !== 415
        )
          problems.push(`github webhook ${sign} signature answered ${answer.status}`);
        return answer.status < 500;
      }),
      { numRuns: runsPerRoute * 4, seed: 777 },
    );
    const jiraDelivery = fc.record({
      body: fc.oneof(
        hostileBody,
        fc
          .record({
            webhookEvent: fc.constantFrom(
              'jira:issue_updated',
              'jira:issue_created',
              'jira:issue_deleted',
              'comment_created',
              'x',
            ),
            issue: hostileJson,
            timestamp: fc.integer(),
          })
          .map((value): HostileBody => ({ kind: 'json', value })),
      ),
      secret: fc.constantFrom('none', 'wrong', 'right'),
    });
    await fc.assert(
      fc.asyncProperty(jiraDelivery, async ({ body, secret }) => {
        const query =
          secret === 'none' ? '' : `?secret=${secret === 'right' ? jiraSecret : 'wrong'}`;
        const answer = await check(
          `jira webhook ${secret} ${(encodeBody(body).text ?? '').slice(0, 120)}`,
          () => send('POST', `/api/webhooks/jira${query}`, encodeBody(body)),
        );
        if (secret !== 'right' && answer.status !== 401 && answer.status !== 400)
          problems.push(`jira webhook ${secret} secret answered ${answer.status}`);
        return answer.status < 500;
      }),
      { numRuns: runsPerRoute * 4, seed: 778 },
    );
    expect(problems).toEqual([]);
  });

  it('refuses huge bodies with 413 and writes nothing', async () => {
    const twoMb = JSON.stringify({ reason: 'x'.repeat(2 * 1024 * 1024) });
    const twentySevenMb = JSON.stringify({
      action: 'opened',
      padding: 'y'.repeat(27 * 1024 * 1024),
    });
    const route =
      routes.find((candidate) => candidate.method === 'POST' && candidate.pathParams.length > 0) ??
      routes[0];
    const path = route?.path.replace(/\{[^}]+\}/g, 'x') ?? '/api/sync';
    expect(
      (
        await check(`huge ${path}`, () =>
          send('POST', path, { text: twoMb, contentType: 'application/json' }),
        )
      ).status,
    ).toBe(413);
    const github = await check('huge github webhook', () =>
      send(
        'POST',
        '/api/webhooks/github',
        { text: twentySevenMb, contentType: 'application/json' },
        {
          'x-github-event': 'push',
          'x-github-delivery': randomUUID(),
          'x-hub-signature-256': signWebhook(githubSecret, twentySevenMb),
        },
      ),
    );
    expect(github.status).toBe(413);
    const jira = await check('huge jira webhook', () =>
      send('POST', `/api/webhooks/jira?secret=${jiraSecret}`, {
        text: twentySevenMb,
        contentType: 'application/json',
      }),
    );
    expect(jira.status).toBe(413);
    expect(problems).toEqual([]);
  });

  it('never renders a stored script as HTML: every api answer is JSON or CSV with nosniff', async () => {
    // Store scripts where the api accepts free text, then read everything back.
    const firstItem = (
      await test.dataSource.query<{ id: string }[]>(
        'SELECT id FROM rework_item ORDER BY id LIMIT 1',
      )
    )[0];
    expect(firstItem).toBeDefined();
    const override = await send(
      'POST',
      `/api/rework/${encodeURIComponent(firstItem?.id ?? '')}/override`,
      {
        text: JSON.stringify({ cause: 'execution', reason: scriptPayloads[0] }),
        contentType: 'application/json',
      },
    );
    expect(override.status).toBeLessThan(300);
    const team = await send('PUT', '/api/teams/xss', {
      text: JSON.stringify({
        name: scriptPayloads[1],
        members: [],
        repositories: [],
        jiraProjects: [],
      }),
      contentType: 'application/json',
    });
    expect(team.status).toBeLessThan(300);
    const reads = routes.filter((route) => route.method === 'GET' && route.pathParams.length === 0);
    for (const route of reads) {
      const answer = await check(`read ${route.path}`, () =>
        send('GET', route.path, { text: undefined, contentType: undefined }),
      );
      if (
        answer.status < 400 &&
        !/^(application\/json|text\/csv|text\/event-stream|application\/pdf|image\/png)/.test(
          answer.contentType,
        ) &&
        !route.path.startsWith('/api/docs')
      )
        problems.push(`${route.path} answered ${answer.contentType}`);
    }
    printFigure('hostile: requests sent', requests);
    expect(problems).toEqual([]);
  });
});
