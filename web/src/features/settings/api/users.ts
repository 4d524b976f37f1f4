import {
  apiTokenCreatedSchema,
  apiTokenListSchema,
  userListSchema,
  userSummarySchema,
  type ApiTokenCreate,
  type UserCreate,
  type UserUpdate,
} from '@rework-radar/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson } from '../../../lib/api-client';
import { sendJson } from '../../../lib/send-json';

const usersKey = ['users'] as const;
const tokensKey = ['auth', 'tokens'] as const;

export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: () => getJson('/api/users', userListSchema) });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: UserCreate) => sendJson('POST', '/api/users', user, userSummarySchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UserUpdate }) =>
      sendJson('PATCH', `/api/users/${encodeURIComponent(id)}`, change, userSummarySchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useApiTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: () => getJson('/api/auth/tokens', apiTokenListSchema),
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: ApiTokenCreate) =>
      sendJson('POST', '/api/auth/tokens', token, apiTokenCreatedSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      sendJson('DELETE', `/api/auth/tokens/${encodeURIComponent(id)}`, undefined, z.undefined()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
