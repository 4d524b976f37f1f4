import {
  authProvidersSchema,
  currentUserSchema,
  type CurrentUser,
  type LoginRequest,
} from '@rework-radar/shared';
import { useQuery } from '@tanstack/react-query';
import { getJson, postJson } from '../../../lib/api-client';

export function useAuthProviders() {
  return useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: () => getJson('/api/auth/providers', authProvidersSchema),
    staleTime: Infinity,
  });
}

export function signIn(request: LoginRequest): Promise<CurrentUser> {
  return postJson('/api/auth/login', request, currentUserSchema);
}

export async function signOut(): Promise<void> {
  await fetch('/api/auth/logout', { method: 'POST' });
}
