import { apiErrorSchema } from '@rework-radar/shared';
import type { z } from 'zod';
import { ApiRequestError } from '../../../lib/api-client';

/** PUT or POST a JSON body and parse the answer; a refusal throws the api's own error. */
export async function sendJson<Schema extends z.ZodType>(
  method: 'PUT' | 'POST',
  path: string,
  body: unknown,
  schema: Schema,
): Promise<z.output<Schema>> {
  const response = await fetch(path, {
    method,
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json().catch(() => undefined);
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
