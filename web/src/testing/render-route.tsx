import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../app/router';

/** Renders the real app routes at a URL, with a fresh query cache and no retries. */
export function renderRoute(url: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  return {
    router,
    queryClient,
    ...render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    ),
  };
}

/** What a mocked route sees of the request. */
export interface MockRequest {
  method: string;
  url: URL;
  body: unknown;
}

type Answer = (request: MockRequest) => { status: number; body: unknown };

/** Pages render as a signed-in admin unless a test answers `/api/auth/me` itself. */
export const signedInAdmin = {
  id: '6f1c2a8e-3b7d-4c2e-9a41-0d5e8f7b6c3a',
  email: 'admin@acme.test',
  displayName: 'Ada Admin',
  role: 'admin',
  teamSlugs: [],
  via: 'session',
} as const;

const signedInDefaults: Record<string, Answer> = {
  '/api/auth/me': () => ({ status: 200, body: signedInAdmin }),
  '/api/auth/providers': () => ({ status: 200, body: { password: true, oidc: null } }),
};

/**
 * Answers fetch calls with JSON bodies, by `"/path"` (any method) or `"POST /path"`; unknown
 * paths are a test failure. Every request is recorded in `requests` for assertions on queries.
 */
export function mockApi(answers: Record<string, Answer>) {
  const requests: MockRequest[] = [];
  const spy = jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { method, url, body };
    requests.push(request);
    const answer =
      answers[`${method} ${url.pathname}`] ??
      answers[url.pathname] ??
      signedInDefaults[url.pathname];
    if (answer === undefined)
      return Promise.reject(new Error(`unexpected request to ${method} ${url.pathname}`));
    const { status, body: answerBody } = answer(request);
    return Promise.resolve(
      new Response(JSON.stringify(answerBody), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
  return Object.assign(spy, { requests });
}
