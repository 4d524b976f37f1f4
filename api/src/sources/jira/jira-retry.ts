import type { Logger } from 'pino';
import { JiraHttpError, toJiraHttpError } from './jira-http.transport';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Upper bound on a server-requested Retry-After wait. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 120_000,
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs a Jira call, retrying what is transient: 429 (waiting Retry-After when given), 5xx,
 * timeouts, network errors and truncated bodies. Other errors (401, 404, 400) fail at once.
 */
export async function withJiraRetries<T>(
  label: string,
  call: () => Promise<T>,
  logger: Logger,
  policy: RetryPolicy = defaultRetryPolicy,
  onRetry?: (error: JiraHttpError, waitMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (thrown) {
      const error = toJiraHttpError(thrown);
      if (!(error instanceof JiraHttpError) || !error.retryable || attempt >= policy.maxAttempts)
        throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const requested = error.failure.retryAfterSeconds;
      const waitMs =
        requested === null ? backoff : Math.min(policy.maxRetryAfterMs, requested * 1000);
      logger.warn(
        { label, attempt, status: error.failure.status, kind: error.failure.kind, waitMs },
        'Jira call failed, retrying',
      );
      onRetry?.(error, waitMs);
      await sleep(waitMs);
    }
  }
}
