import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { currentUserKey } from '../lib/api/current-user';
import { ApiRequestError } from '../lib/api-client';
import { createRouter } from './router';

export function App() {
  const [queryClient] = useState(() => {
    const client: QueryClient = new QueryClient({
      defaultOptions: { queries: { retry: 1 } },
      // A 401 anywhere means the session ended (expired, signed out elsewhere, role changed):
      // forgetting who is signed in sends the person to the sign-in page.
      queryCache: new QueryCache({
        onError: (error) => {
          if (error instanceof ApiRequestError && error.status === 401) {
            client.setQueryData(currentUserKey, null);
          }
        },
      }),
    });
    return client;
  });
  const [router] = useState(createRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
