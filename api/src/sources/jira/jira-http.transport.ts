import { z } from 'zod';

/**
 * A `request` transport for jira-client built on fetch. jira-client turns every failure into
 * `new Error(JSON.stringify(rejection))`, losing status and headers; this transport rejects with a
 * plain, serialisable description (status, Retry-After, a body excerpt) so that `toJiraHttpError`
 * can rebuild it from the message and the retry policy can honour 429 Retry-After.
 */

/** The options jira-client passes to its transport (the `request` library's shape). */
export interface JiraClientRequestOptions {
  uri: string;
  method?: string;
  body?: unknown;
  json?: boolean;
  timeout?: number;
  auth?: { user?: string; pass?: string; bearer?: string };
}

export type JiraFailureKind = 'http' | 'network' | 'timeout' | 'malformed-body';

export interface JiraFailure {
  jiraFailure: true;
  kind: JiraFailureKind;
  status: number | null;
  retryAfterSeconds: number | null;
  url: string;
  message: string;
}

const failureSchema = z.object({
  jiraFailure: z.literal(true),
  kind: z.enum(['http', 'network', 'timeout', 'malformed-body']),
  status: z.number().nullable(),
  retryAfterSeconds: z.number().nullable(),
  url: z.string(),
  message: z.string(),
});

export class JiraHttpError extends Error {
  constructor(readonly failure: Omit<JiraFailure, 'jiraFailure'>) {
    super(
      `Jira ${failure.kind}${failure.status === null ? '' : ` ${failure.status}`} on ${failure.url}: ${failure.message}`,
    );
    this.name = 'JiraHttpError';
  }

  get retryable(): boolean {
    const { kind, status } = this.failure;
    return kind !== 'http' || status === 429 || (status !== null && status >= 500);
  }
}

function retryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

function authorization(auth: JiraClientRequestOptions['auth']): string | undefined {
  if (auth === undefined) return undefined;
  if (auth.bearer !== undefined) return `Bearer ${auth.bearer}`;
  if (auth.user !== undefined && auth.user !== '')
    return `Basic ${Buffer.from(`${auth.user}:${auth.pass ?? ''}`).toString('base64')}`;
  return undefined;
}

export function createFetchTransport(
  defaultTimeoutMs = 30_000,
): (options: JiraClientRequestOptions) => Promise<unknown> {
  return async (options) => {
    // jira-client serialises whatever the transport rejects with (JSON.stringify), so the
    // rejection is a plain object on purpose: an Error would serialise to {}.
    const fail = (failure: Omit<JiraFailure, 'jiraFailure' | 'url'>): JiraFailure => ({
      jiraFailure: true,
      url: options.uri,
      ...failure,
    });
    const headers: Record<string, string> = { accept: 'application/json' };
    const auth = authorization(options.auth);
    if (auth !== undefined) headers.authorization = auth;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await fetch(options.uri, {
        method: options.method ?? 'GET',
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        signal: AbortSignal.timeout(options.timeout ?? defaultTimeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- see `fail` above
      throw fail({
        kind: timedOut ? 'timeout' : 'network',
        status: null,
        retryAfterSeconds: null,
        message: error instanceof Error ? error.message : String(error),
      });
    }
    if (response.status >= 400) {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- see `fail` above
      throw fail({
        kind: 'http',
        status: response.status,
        retryAfterSeconds: retryAfter(response.headers.get('retry-after')),
        message: text.slice(0, 500),
      });
    }
    if (text === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- see `fail` above
      throw fail({
        kind: 'malformed-body',
        status: response.status,
        retryAfterSeconds: null,
        message: `unparseable JSON (${text.length} bytes)`,
      });
    }
  };
}

/** Rebuilds the transport's failure from the error jira-client threw; other errors pass through. */
export function toJiraHttpError(error: unknown): unknown {
  if (error instanceof JiraHttpError || !(error instanceof Error)) return error;
  let parsed: unknown;
  try {
    parsed = JSON.parse(error.message);
  } catch {
    return error;
  }
  const failure = failureSchema.safeParse(parsed);
  if (!failure.success) return error;
  const { jiraFailure: _marker, ...rest } = failure.data;
  return new JiraHttpError(rest);
}
