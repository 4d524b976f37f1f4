import { apiErrorSchema, type ApiError } from '@rework-radar/shared';
import type { z } from 'zod';

/** An answer the api refused or could not give; carries the api's own error body when there is one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly apiError: ApiError | undefined,
  ) {
    super(apiError?.message ?? `The server answered ${status}`);
    this.name = 'ApiRequestError';
  }
}

interface GetOptions {
  /** Non-2xx statuses whose body is still a valid answer (health answers 503 with a report). */
  acceptStatuses?: number[];
  signal?: AbortSignal;
}

async function parseAnswer<Schema extends z.ZodType>(
  response: Response,
  schema: Schema,
  acceptStatuses: number[],
): Promise<z.output<Schema>> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok && !acceptStatuses.includes(response.status)) {
    const parsed = apiErrorSchema.safeParse(body);
    throw new ApiRequestError(response.status, parsed.success ? parsed.data : undefined);
  }
  return schema.parse(body);
}

/** GET a JSON route and parse it with its contract schema from `shared/`. */
export async function getJson<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  { acceptStatuses = [], signal }: GetOptions = {},
): Promise<z.output<Schema>> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  return parseAnswer(response, schema, acceptStatuses);
}

/** POST a JSON body and parse the answer with its contract schema. */
export async function postJson<Schema extends z.ZodType>(
  path: string,
  body: unknown,
  schema: Schema,
  headers: Record<string, string> = {},
): Promise<z.output<Schema>> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return parseAnswer(response, schema, []);
}

/** `?a=1&b=2` from the defined entries only; empty string when none. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
