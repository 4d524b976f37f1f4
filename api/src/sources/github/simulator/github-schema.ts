import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

let cached: GraphQLSchema | undefined;

/**
 * GitHub's published GraphQL schema (@octokit/graphql-schema). Built from the introspection JSON:
 * the SDL file repeats some fields and graphql-js refuses it. The package is ESM-only with no
 * export for the file, so it is located through node_modules.
 */
export function githubSchema(): GraphQLSchema {
  if (cached !== undefined) return cached;
  const searched = require.resolve.paths('@octokit/graphql-schema') ?? [];
  const file = searched
    .map((modulesDir) => join(modulesDir, '@octokit', 'graphql-schema', 'schema.json'))
    .find((candidate) => existsSync(candidate));
  if (file === undefined) throw new Error('@octokit/graphql-schema is not installed');
  const json = JSON.parse(readFileSync(file, 'utf8')) as
    IntrospectionQuery | { data: IntrospectionQuery };
  cached = buildClientSchema('data' in json ? json.data : json);
  return cached;
}
