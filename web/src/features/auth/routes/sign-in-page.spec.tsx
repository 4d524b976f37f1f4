import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { build } from '../../../testing/build';
import { mockApi, renderRoute, signedInAdmin } from '../../../testing/render-route';

afterEach(() => jest.restoreAllMocks());

const signedOut = () => ({
  status: 401,
  body: { statusCode: 401, code: 'sign_in_required', message: 'sign in' },
});

describe('signing in', () => {
  it('sends a signed-out visitor to the sign-in page, then back to the page they asked for', async () => {
    let signedIn = false;
    const api = mockApi({
      '/api/auth/me': () => (signedIn ? { status: 200, body: signedInAdmin } : signedOut()),
      'POST /api/auth/login': () => {
        signedIn = true;
        return { status: 200, body: signedInAdmin };
      },
      '/api/health': () => ({ status: 503, body: { status: 'down' } }),
    });
    const { router } = renderRoute('/health');
    expect(await screen.findByRole('heading', { name: /sign in to rework radar/i })).toBeVisible();
    expect(router.state.location.search).toBe('?next=%2Fhealth');

    await userEvent.type(screen.getByLabelText('E-mail'), 'admin@acme.test');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/health'));
    const login = api.requests.find((request) => request.url.pathname === '/api/auth/login');
    expect(login?.body).toEqual({ email: 'admin@acme.test', password: 'correct horse' });
    expect(await screen.findByText('Ada Admin')).toBeVisible();
  });

  it('says so when the e-mail or password is wrong, and stays on the page', async () => {
    mockApi({
      '/api/auth/me': signedOut,
      'POST /api/auth/login': () => ({
        status: 401,
        body: { statusCode: 401, code: 'invalid_credentials', message: 'wrong' },
      }),
    });
    const { router } = renderRoute('/sign-in');
    await userEvent.type(await screen.findByLabelText('E-mail'), 'admin@acme.test');
    await userEvent.type(screen.getByLabelText('Password'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The e-mail or the password is wrong.',
    );
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('never follows a next= that leaves the app', async () => {
    mockApi({
      '/api/auth/me': () => ({ status: 200, body: signedInAdmin }),
      '/api/rework': signedOut,
    });
    const { router } = renderRoute('/sign-in?next=//evil.test/phish');
    await waitFor(() => expect(router.state.location.pathname).not.toBe('/sign-in'));
    expect(router.state.location.pathname.startsWith('//')).toBe(false);
  });

  it('opens an engineering manager on their own team', async () => {
    mockApi({
      '/api/auth/me': () => ({
        status: 200,
        body: { ...signedInAdmin, role: 'manager', teamSlugs: ['payments'] },
      }),
      '/api/teams': () => ({
        status: 200,
        body: { teams: [build.team(), build.team({ slug: 'search', name: 'Search' })] },
      }),
      '/api/health': () => ({ status: 503, body: { status: 'down' } }),
    });
    const { router } = renderRoute('/quarterly?quarter=2026-Q3');
    await waitFor(() => expect(router.state.location.search).toContain('team=payments'));
    expect(router.state.location.search).toContain('quarter=2026-Q3');
    const teamPicker = await screen.findByRole('combobox', { name: 'Team' });
    await waitFor(() => expect(teamPicker).toBeEnabled());
    expect(
      Array.from((teamPicker as HTMLSelectElement).options).map((option) => option.textContent),
    ).toEqual(['Payments']);
  });

  it('signs out and returns to the sign-in page', async () => {
    let signedIn = true;
    const api = mockApi({
      '/api/auth/me': () => (signedIn ? { status: 200, body: signedInAdmin } : signedOut()),
      'POST /api/auth/logout': () => {
        signedIn = false;
        return { status: 204, body: undefined };
      },
      '/api/health': () => ({ status: 503, body: { status: 'down' } }),
    });
    const { router } = renderRoute('/health');
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(api.requests.some((request) => request.url.pathname === '/api/auth/logout')).toBe(true);
  });

  it('shows why single sign-on was refused, and offers it when configured', async () => {
    mockApi({
      '/api/auth/me': signedOut,
      '/api/auth/providers': () => ({
        status: 200,
        body: {
          password: true,
          oidc: { startUrl: '/api/auth/oidc/start', issuer: 'https://id.acme.test' },
        },
      }),
    });
    renderRoute('/sign-in?next=%2Frework&error=there%20is%20no%20account%20for%20bob%40acme.test');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Single sign-on did not work: there is no account for bob@acme.test.',
    );
    expect(
      await screen.findByRole('link', { name: 'Sign in with single sign-on' }),
    ).toHaveAttribute('href', '/api/auth/oidc/start?next=%2Frework');
  });
});
