import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { Role } from '@rework-radar/shared';
import { DataSource } from 'typeorm';
import type { AccessPolicy } from './access';
import { applyTeamsConfig } from '../teams/teams.store';
import { startTestApp } from '../testing/test-app';
import { bearerHeaders } from '../testing/test-auth';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

/**
 * Who may call what, written out by hand: the security contract. Every route in the OpenAPI
 * document must be listed (a new route fails here until someone decides its policy), and each is
 * called anonymously and as every role, checking the guard's answer.
 */
const expectedPolicies: Record<string, AccessPolicy> = {
  'GET /api/health': 'public',
  'GET /api/demo/status': 'public',
  'POST /api/webhooks/github': 'public',
  'POST /api/webhooks/jira': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/providers': 'public',
  'GET /api/auth/oidc/start': 'public',
  'GET /api/auth/oidc/callback': 'public',
  'GET /api/auth/me': 'signed-in',
  'GET /api/auth/tokens': 'signed-in',
  'POST /api/auth/tokens': 'signed-in',
  'DELETE /api/auth/tokens/{id}': 'signed-in',
  'GET /api/teams': 'signed-in',
  'GET /api/metrics/definitions': 'signed-in',
  'GET /api/analysis/models': 'signed-in',
  'GET /api/metrics': 'read',
  'GET /api/metrics/{metricId}/explain': 'read',
  'GET /api/review-calibration': 'read',
  'GET /api/quarterly': 'read',
  'GET /api/pull-requests': 'read',
  'GET /api/pull-requests/{owner}/{name}/{number}': 'read',
  'GET /api/work-items': 'read',
  'GET /api/work-items/{key}': 'read',
  'GET /api/rework': 'read',
  'GET /api/rework/{id}': 'read',
  'GET /api/export/quarterly.pdf': 'read',
  'GET /api/export/quarterly.png': 'read',
  'POST /api/rework/{id}/override': 'override',
  'PUT /api/teams': 'admin',
  'PUT /api/teams/{slug}': 'admin',
  'POST /api/sync': 'admin',
  'POST /api/analysis/reanalyse': 'admin',
  'GET /api/sync/status': 'admin',
  'GET /api/sync/events': 'admin',
  'GET /api/sync/quarantine': 'admin',
  'GET /api/identities/unmatched': 'admin',
  'GET /api/settings/rules': 'admin',
  'GET /api/connections': 'admin',
  'PUT /api/connections/github': 'admin',
  'PUT /api/connections/jira': 'admin',
  'POST /api/connections/{system}/test': 'admin',
  'POST /api/analysis/models/refit': 'admin',
  'POST /api/analysis/models/rollback': 'admin',
  'POST /api/analysis/models/{version}/activate': 'admin',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'PATCH /api/users/{id}': 'admin',
  'GET /api/audit': 'admin',
};

type Caller = 'anonymous' | Role;

/** The error codes of the access guard's own refusals. */
const guardCodes = new Set([
  'sign_in_required',
  'forbidden',
  'outside_your_teams',
  'access_not_declared',
]);
const callers: Caller[] = ['anonymous', 'admin', 'vp', 'director', 'manager'];

/** The status a caller must NOT get (401 or 403), or that it must get, for a policy. */
function expectedAccess(policy: AccessPolicy, caller: Caller): 'allowed' | 401 | 403 {
  if (policy === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  if (caller === 'admin' || policy === 'signed-in') return 'allowed';
  if (policy === 'admin') return 403;
  // Managers calling without naming one of their teams are outside their scope.
  if (caller === 'manager') return 403;
  return policy === 'read' ? 'allowed' : 403;
}

const sampleParams: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  metricId: 'velocity-pull-request-throughput',
  owner: 'acme',
  name: 'api',
  number: '1',
  key: 'PAY-1',
  slug: 'payments',
  system: 'github',
  version: 'v1',
};

describe('access policy of every route in the OpenAPI document', () => {
  let app: INestApplication;
  let database: TestDatabase;
  let baseUrl: string;
  const headersOf = new Map<Caller, Record<string, string>>();

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.url);
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
    await app.get(DataSource).transaction((manager) =>
      applyTeamsConfig(manager, {
        teams: [
          { slug: 'payments', name: 'Payments', members: [], repositories: [], jiraProjects: [] },
        ],
      }),
    );
    headersOf.set('anonymous', {});
    for (const role of ['admin', 'vp', 'director', 'manager'] as const) {
      headersOf.set(role, await bearerHeaders(app, role, role === 'manager' ? ['payments'] : []));
    }
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  async function operations(): Promise<string[]> {
    const document = (await (await fetch(`${baseUrl}/api/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    return Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
  }

  it('lists a policy for every documented route, and no route that is gone', async () => {
    const documented = (await operations()).sort();
    expect(documented).toEqual(Object.keys(expectedPolicies).sort());
  });

  it('answers each caller as the policy says', async () => {
    const wrong: string[] = [];
    for (const operation of await operations()) {
      const policy = expectedPolicies[operation];
      if (policy === undefined) continue;
      const [method = 'GET', template = ''] = operation.split(' ');
      const path = template.replace(
        /\{(\w+)\}/g,
        (_match, name: string) => sampleParams[name] ?? 'x',
      );
      for (const caller of callers) {
        const response = await fetch(`${baseUrl}${path}`, {
          method,
          redirect: 'manual',
          headers: { ...headersOf.get(caller), 'content-type': 'application/json' },
          ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }),
          signal: AbortSignal.timeout(60_000),
        });
        // Only the guard's refusals count: a webhook's own signature check also answers 401.
        let guardCode: string | undefined;
        if (response.status === 401 || response.status === 403) {
          const body = (await response.json()) as { code?: string };
          guardCode = guardCodes.has(body.code ?? '') ? body.code : undefined;
        } else {
          // Streams (server-sent events) and exports: the status is all this needs.
          await response.body?.cancel();
        }
        const expected = expectedAccess(policy, caller);
        const refused = guardCode !== undefined;
        const ok = expected === 'allowed' ? !refused : refused && response.status === expected;
        if (!ok) wrong.push(`${operation} as ${caller}: ${response.status}, expected ${expected}`);
        if (response.status >= 500 && !path.startsWith('/api/export/')) {
          wrong.push(`${operation} as ${caller}: ${response.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);
});
