import {
  connectionsResponseSchema,
  connectionTestResultSchema,
  type ConnectionSystem,
  type GithubConnectionInput,
  type JiraConnectionInput,
} from '@rework-radar/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import { sendJson } from '../../../lib/send-json';

/** `GET /api/connections`: what each connection points at; secrets never come back. */
export const connectionsQueryOptions = queryOptions({
  queryKey: ['settings', 'connections'],
  queryFn: ({ signal }) => getJson('/api/connections', connectionsResponseSchema, { signal }),
});

export function useConnections() {
  return useQuery(connectionsQueryOptions);
}

export type ConnectionInput =
  | { system: 'github'; input: GithubConnectionInput }
  | { system: 'jira'; input: JiraConnectionInput };

/** `PUT /api/connections/github|jira`: stores credentials (encrypted by the api). */
export function useSaveConnection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ system, input }: ConnectionInput) =>
      sendJson('PUT', `/api/connections/${system}`, input, connectionsResponseSchema),
    onSuccess: (answer) => client.setQueryData(connectionsQueryOptions.queryKey, answer),
  });
}

/** `POST /api/connections/github|jira/test`: signs in to the service with what is stored. */
export function useTestConnection(system: ConnectionSystem) {
  return useMutation({
    mutationFn: () =>
      sendJson('POST', `/api/connections/${system}/test`, {}, connectionTestResultSchema),
  });
}
