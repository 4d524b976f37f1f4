import type { z } from 'zod';

export interface ConfigProblem {
  variable: string;
  message: string;
  received: string | undefined;
}

/** A refused configuration: every problem, each naming its variable, in one readable message. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      [
        'Invalid configuration:',
        ...problems.map(
          ({ variable, message, received }) =>
            `  ${variable}: ${message}${received === undefined ? '' : ` (got ${JSON.stringify(received)})`}`,
        ),
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Empty strings count as unset, the way `.env` files usually leave optional values. */
export function withoutEmptyValues(
  env: Record<string, string | undefined>,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') result[name] = value;
  }
  return result;
}

/**
 * The error for a failed parse of the (cleaned) environment.
 * @param secretVariables variables whose values must never be echoed
 */
export function configErrorOf(
  issues: z.ZodError['issues'],
  env: Record<string, string>,
  secretVariables: ReadonlySet<string> = new Set(),
): ConfigError {
  return new ConfigError(
    issues.map((issue) => {
      const variable = String(issue.path[0] ?? '(environment)');
      return {
        variable,
        message: issue.message,
        received: secretVariables.has(variable) ? undefined : env[variable],
      };
    }),
  );
}
