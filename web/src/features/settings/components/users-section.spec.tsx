import type { ApiTokenSummary, UserSummary } from '@rework-radar/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi, renderRoute } from '../../../testing/render-route';

afterEach(() => jest.restoreAllMocks());

const vera: UserSummary = {
  id: '1b7f0a2c-5d4e-4f3a-8b9c-0d1e2f3a4b5c',
  email: 'vera@acme.test',
  displayName: 'Vera',
  role: 'vp',
  teamSlugs: [],
  signsInWith: ['password'],
  createdAt: '2026-11-01T09:00:00.000Z',
  disabledAt: null,
};

describe('people, roles and API tokens in settings', () => {
  it('adds an engineering manager with their teams, and changes a role', async () => {
    let users = [vera];
    const api = mockApi({
      'GET /api/users': () => ({ status: 200, body: { users } }),
      'POST /api/users': (request) => {
        const body = request.body as { email: string; displayName: string; teamSlugs: string[] };
        const created: UserSummary = {
          ...vera,
          id: '2c8e1b3d-6e5f-4a4b-9cad-1e2f3a4b5c6d',
          email: body.email,
          displayName: body.displayName,
          role: 'manager',
          teamSlugs: body.teamSlugs,
        };
        users = [...users, created];
        return { status: 201, body: created };
      },
      'PATCH /api/users/1b7f0a2c-5d4e-4f3a-8b9c-0d1e2f3a4b5c': (request) => {
        users = [{ ...vera, ...(request.body as Partial<UserSummary>) }];
        return { status: 200, body: users[0] };
      },
      '/api/auth/tokens': () => ({ status: 200, body: { tokens: [] } }),
    });
    renderRoute('/settings');
    const accounts = await screen.findByRole('table', { name: 'Accounts' });
    expect(within(accounts).getByText('vera@acme.test')).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Add a person' });
    await userEvent.type(within(form).getByLabelText('E-mail'), 'em@acme.test');
    await userEvent.type(within(form).getByLabelText('Name'), 'Em');
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'manager');
    await userEvent.type(within(form).getByLabelText(/Teams/), 'payments, search');
    await userEvent.click(within(form).getByRole('button', { name: 'Add person' }));
    expect(await within(form).findByRole('status')).toHaveTextContent(
      'em@acme.test can sign in now.',
    );
    const created = api.requests.find((request) => request.method === 'POST');
    expect(created?.body).toEqual({
      email: 'em@acme.test',
      displayName: 'Em',
      role: 'manager',
      teamSlugs: ['payments', 'search'],
    });
    expect(await within(accounts).findByText('payments, search')).toBeInTheDocument();

    await userEvent.selectOptions(
      within(accounts).getByLabelText('Role of vera@acme.test'),
      'director',
    );
    const patch = await screen.findByText('Director', { selector: 'option:checked' });
    expect(patch).toBeInTheDocument();
    expect(api.requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      role: 'director',
    });
  });

  it('shows a new API token once, lists it by its prefix, and revokes it', async () => {
    let tokens: ApiTokenSummary[] = [];
    const made = {
      id: '3d9f2c4e-7f6a-4b5c-8dbe-2f3a4b5c6d7e',
      name: 'nightly export',
      prefix: 'rrt_AbCdEf',
      createdAt: '2026-11-22T08:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    };
    mockApi({
      'GET /api/users': () => ({ status: 200, body: { users: [vera] } }),
      'GET /api/auth/tokens': () => ({ status: 200, body: { tokens } }),
      'POST /api/auth/tokens': () => {
        tokens = [made];
        return { status: 201, body: { ...made, token: 'rrt_AbCdEfSecretPart' } };
      },
      [`DELETE /api/auth/tokens/${made.id}`]: () => {
        tokens = [{ ...made, revokedAt: '2026-11-22T09:00:00.000Z' }];
        return { status: 204, body: undefined };
      },
    });
    renderRoute('/settings');
    const form = await screen.findByRole('form', { name: 'Create an API token' });
    await userEvent.type(within(form).getByLabelText('Token name'), 'nightly export');
    await userEvent.click(within(form).getByRole('button', { name: 'Create token' }));
    expect(await screen.findByText('rrt_AbCdEfSecretPart')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'API tokens' });
    expect(within(table).getByText('rrt_AbCdEf…')).toBeInTheDocument();
    await userEvent.click(within(table).getByRole('button', { name: 'Revoke nightly export' }));
    expect(await within(table).findByText('revoked')).toBeInTheDocument();
  });
});
