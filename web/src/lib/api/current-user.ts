import { currentUserSchema, type CurrentUser } from '@rework-radar/shared';
import { useQuery } from '@tanstack/react-query';
import { ApiRequestError, getJson } from '../api-client';

export const currentUserKey = ['auth', 'me'] as const;

/** The signed-in account, or null when nobody is signed in (the api answers 401). */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await getJson('/api/auth/me', currentUserSchema);
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export function useCurrentUser() {
  return useQuery({ queryKey: currentUserKey, queryFn: getCurrentUser, staleTime: 60_000 });
}
