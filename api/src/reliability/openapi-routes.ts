import { z } from 'zod';

const operationSchema = z.object({
  parameters: z.array(z.object({ name: z.string(), in: z.string() })).optional(),
});
const documentSchema = z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) });

export interface DocumentedRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path, e.g. /api/rework/{id}. */
  path: string;
  pathParams: string[];
  queryParams: string[];
}

/** Every operation of the api's OpenAPI document. */
export function documentedRoutes(document: unknown): DocumentedRoute[] {
  const { paths } = documentSchema.parse(document);
  const routes: DocumentedRoute[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const upper = method.toUpperCase();
      if (
        upper !== 'GET' &&
        upper !== 'POST' &&
        upper !== 'PUT' &&
        upper !== 'PATCH' &&
        upper !== 'DELETE'
      )
        continue;
      const parameters = operationSchema.parse(operation).parameters ?? [];
      routes.push({
        method: upper,
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? ''),
        queryParams: parameters
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => parameter.name),
      });
    }
  }
  return routes;
}
