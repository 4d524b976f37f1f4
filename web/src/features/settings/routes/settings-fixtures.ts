import type {
  ConnectionSummary,
  QuarantinePage,
  RulesResponse,
  SyncStatus,
  UnmatchedPage,
} from '@rework-radar/shared';
import { build } from '../../../testing/build';
import type { MockRequest } from '../../../testing/render-route';

type Answer = (request: MockRequest) => { status: number; body: unknown };

export const health = {
  status: 'ok',
  version: '0.1.0',
  uptimeSeconds: 3,
  checkedAt: '2026-11-22T07:00:00.000Z',
  database: {
    engine: 'embedded',
    reachable: true,
    serverVersion: 'PostgreSQL 17.10',
    migrations: { applied: 3, pending: 0, latest: 'X', upToDate: true },
  },
};

export const demo = {
  enabled: true,
  state: 'loading',
  stage: 'sync-jira',
  message: '5400 issues',
  done: 5400,
  total: 6550,
  startedAt: null,
  finishedAt: null,
};

export const github: ConnectionSummary = {
  system: 'github',
  source: 'settings',
  configured: true,
  baseUrl: 'https://api.github.com',
  scope: 'org acme',
  credentialKind: 'token',
  webhookSecretSet: true,
  updatedAt: '2026-11-20T10:00:00.000Z',
};

export const jira: ConnectionSummary = {
  system: 'jira',
  source: 'none',
  configured: false,
  baseUrl: null,
  scope: null,
  credentialKind: null,
  webhookSecretSet: false,
  updatedAt: null,
};

const zeroCounts = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };

export function syncStatus(active: number, failedError: string | null = null): SyncStatus {
  return {
    queues: [
      { queue: 'sync-github', counts: { ...zeroCounts, active } },
      { queue: 'sync-jira', counts: { ...zeroCounts, failed: failedError === null ? 0 : 1 } },
      { queue: 'after-sync', counts: zeroCounts },
    ],
    jobs:
      failedError === null
        ? []
        : [
            {
              id: 'job-1',
              queue: 'sync-jira',
              scope: 'project:PAY',
              state: 'failed',
              retryCount: 20,
              createdOn: '2026-11-22T06:00:00.000Z',
              startedOn: '2026-11-22T06:00:01.000Z',
              completedOn: '2026-11-22T06:10:00.000Z',
              error: failedError,
            },
          ],
  };
}

export const unmatched: UnmatchedPage = {
  items: [
    {
      id: 'github:dee',
      system: 'github',
      externalId: 'dee',
      displayName: 'Dee',
      email: 'dee@acme.test',
      personId: 'person:github:dee',
      reasons: ['not_in_team', 'no_jira_identity'],
    },
  ],
  nextCursor: null,
  totals: { not_in_team: 1, no_jira_identity: 1 },
};

export const rules: RulesResponse = {
  analysis: {
    windows: {
      followUpFixDays: 21,
      linkedBugDays: 60,
      incidentAfterDeployHours: 72,
      fastRevertHours: 48,
      reopenTransientMinutes: 10,
    },
    signalWeights: {
      missingContext: { no_acceptance_criteria_at_start: 1 },
      execution: { fault_text: 1.3 },
    },
    decision: { minMargin: 0.1, minTotalEvidence: 0.6 },
    criticalPathGlobs: ['**/auth/**', 'infra/**'],
    agentLogins: ['acme-agent[bot]'],
    risk: { weights: { size: 25 } },
    depth: { weights: { rounds: 15 } },
  },
  changedFromDefaults: ['agentLogins', 'windows.followUpFixDays'],
};

export const emptyQuarantine: QuarantinePage = { items: [], nextCursor: null, total: 0 };

/** Every settings route answered; a test overrides the ones it is about. */
export function settingsAnswers(overrides: Record<string, Answer> = {}): Record<string, Answer> {
  return {
    '/api/health': () => ({ status: 200, body: health }),
    '/api/demo/status': () => ({ status: 200, body: demo }),
    '/api/connections': () => ({ status: 200, body: { connections: [github, jira] } }),
    '/api/sync/status': () => ({ status: 200, body: syncStatus(0) }),
    '/api/teams': () => ({
      status: 200,
      body: {
        teams: [
          build.team({ unresolved: ['github:ghost'], unresolvedMembers: [{ github: 'ghost' }] }),
        ],
      },
    }),
    '/api/identities/unmatched': () => ({ status: 200, body: unmatched }),
    '/api/settings/rules': () => ({ status: 200, body: rules }),
    '/api/sync/quarantine': () => ({ status: 200, body: emptyQuarantine }),
    ...overrides,
  };
}
