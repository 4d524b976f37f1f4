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

/** GET a JSON route and parse it with its contract schema from `shared/`. */
export async function getJson<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  { acceptStatuses = [], signal }: GetOptions = {},
): Promise<z.output<Schema>> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok && !acceptStatuses.includes(response.status)) {
    const parsed = apiErrorSchema.safeParse(body);
    throw new ApiRequestError(response.status, parsed.success ? parsed.data : undefined);
  }
  return schema.parse(body);
}
