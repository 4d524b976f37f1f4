import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import type { GithubConnection } from '../../config/app-config';

export const ResilientOctokit = Octokit.plugin(throttling, retry);
export type GithubClient = InstanceType<typeof ResilientOctokit>;

export type WaitReason =
  'primary-limit' | 'secondary-limit' | 'retry-after' | 'graphql-points' | 'transient-failure';

export interface WaitEvent {
  reason: WaitReason;
  seconds: number;
  endpoint: string;
}

export interface ClientTuning {
  /** Told before every wait, so a progress display can say why the sync pauses. */
  onWait?: (wait: WaitEvent) => void;
  /** Base of plugin-retry's backoff for 5xx and network failures (ms; its default is 1000). */
  retryBaseMs?: number;
  /** Gap the throttling plugin keeps between GraphQL requests (ms; its default is 1000). */
  graphqlGapMs?: number;
}

/**
 * Octokit with the throttling and retry plugins. Primary and secondary limits are always waited
 * out (a sync never fails because of a limit); the wait is reported through `onWait`.
 */
export async function createGithubClient(
  connection: GithubConnection,
  tuning: ClientTuning = {},
): Promise<GithubClient> {
  const throttle: ThrottlingOptions = {
    onRateLimit: (retryAfter, options) => {
      tuning.onWait?.({
        reason: 'primary-limit',
        seconds: retryAfter,
        endpoint: `${options.method} ${options.url}`,
      });
      return true;
    },
    onSecondaryRateLimit: (retryAfter, options) => {
      tuning.onWait?.({
        reason: 'secondary-limit',
        seconds: retryAfter,
        endpoint: `${options.method} ${options.url}`,
      });
      return true;
    },
    ...(tuning.graphqlGapMs === undefined
      ? {}
      : { write: new Bottleneck.Group({ maxConcurrent: 1, minTime: tuning.graphqlGapMs }) }),
  };
  // Loaded only for App auth: its JWT dependency is ESM-only, which Jest's preset does not transform yet.
  const auth =
    connection.auth.kind === 'token'
      ? { auth: connection.auth.token }
      : {
          authStrategy: (await import('@octokit/auth-app')).createAppAuth,
          auth: {
            appId: connection.auth.appId,
            privateKey: connection.auth.privateKey,
            installationId: connection.auth.installationId,
          },
        };
  return new ResilientOctokit({
    ...auth,
    baseUrl: connection.apiUrl,
    userAgent: 'rework-radar',
    throttle,
    // 429 without "secondary rate" is left to our own loop, which honours Retry-After.
    retry: {
      retryAfterBaseValue: tuning.retryBaseMs ?? 1000,
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    },
  });
}
