import { apiErrorSchema } from '@rework-radar/shared';
import type { z } from 'zod';
import { ApiRequestError } from './api-client';

/**
 * Sends a JSON body (or none) and parses the answer; a refusal throws the api's own error. A
 * 204 answer parses as `undefined`.
 */
export async function sendJson<Schema extends z.ZodType>(
  method: 'PUT' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  schema: Schema,
): Promise<z.output<Schema>> {
  const response = await fetch(path, {
    method,
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer: unknown =
    response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(answer);
    throw new ApiRequestError(response.status, parsed.success ? parsed.data : undefined);
  }
  return schema.parse(answer);
}

/** The api's message and its field issues (`org: name an organisation…`), for a form. */
export function describeError(error: Error): string {
  if (error instanceof ApiRequestError && error.apiError?.issues !== undefined) {
    const issues = error.apiError.issues.map((issue) =>
      issue.field === '(root)' ? issue.message : `${issue.field}: ${issue.message}`,
    );
    return `${error.message} (${issues.join('; ')})`;
  }
  return error.message;
}
