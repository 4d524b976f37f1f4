import { GraphqlResponseError } from '@octokit/graphql';
import { RequestError } from '@octokit/request-error';
import type { WaitEvent } from './github-client';

/** A response whose body was not the document asked for (cut short, wrong shape). */
export class MalformedResponseError extends Error {
  constructor(endpoint: string, reason: string) {
    super(`malformed response from ${endpoint}: ${reason}`);
    this.name = 'MalformedResponseError';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function header(
  headers: Record<string, string | number | undefined> | undefined,
  name: string,
): string | undefined {
  const value = headers?.[name];
  return value === undefined ? undefined : String(value);
}

/** How long to wait before trying again, or undefined when the failure is not worth retrying. */
export function retryPlan(
  error: unknown,
  attempt: number,
  baseMs: number,
): { reason: WaitEvent['reason']; ms: number } | undefined {
  if (error instanceof GraphqlResponseError) {
    const limited = error.errors?.some((entry) => entry.type === 'RATE_LIMITED') ?? false;
    if (!limited) return undefined;
    const reset = Number(header(error.headers, 'x-ratelimit-reset'));
    return {
      reason: 'graphql-points',
      ms:
        Number.isFinite(reset) && reset > 0
          ? Math.max(0, reset * 1000 - Date.now()) + 1000
          : 60_000,
    };
  }
  if (error instanceof RequestError) {
    if (error.status === 304) return undefined;
    const headers = error.response?.headers;
    const retryAfter = Number(header(headers, 'retry-after'));
    if (
      (error.status === 429 || error.status === 403) &&
      Number.isFinite(retryAfter) &&
      retryAfter >= 0
    ) {
      return { reason: 'retry-after', ms: retryAfter * 1000 };
    }
    if (
      (error.status === 403 || error.status === 429) &&
      header(headers, 'x-ratelimit-remaining') === '0'
    ) {
      const reset = Number(header(headers, 'x-ratelimit-reset'));
      return { reason: 'primary-limit', ms: Math.max(0, reset * 1000 - Date.now()) + 1000 };
    }
    if (error.status >= 500 || error.status === 429)
      return { reason: 'transient-failure', ms: baseMs * 2 ** Math.min(attempt, 6) };
    return undefined;
  }
  if (error instanceof MalformedResponseError)
    return { reason: 'transient-failure', ms: baseMs * 2 ** Math.min(attempt, 6) };
  return undefined;
}

/**
 * Runs one request until it succeeds. Limits are always waited out; other transient failures
 * (5xx, resets, truncated bodies) are retried up to `maxFailures` times, then the error stands.
 */
export async function withResilience<T>(
  endpoint: string,
  operation: () => Promise<T>,
  options: { onWait?: (wait: WaitEvent) => void; baseMs?: number; maxFailures?: number },
): Promise<T> {
  let failures = 0;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      const plan = retryPlan(error, failures, options.baseMs ?? 1000);
      if (plan === undefined) throw error;
      if (plan.reason === 'transient-failure') {
        failures += 1;
        if (failures > (options.maxFailures ?? 8)) throw error;
      }
      options.onWait?.({ reason: plan.reason, seconds: Math.round(plan.ms / 100) / 10, endpoint });
      await sleep(plan.ms);
    }
  }
}
