import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { build } from '../../../testing/build';
import { mockApi, renderRoute } from '../../../testing/render-route';
import { settingsAnswers, unmatched } from './settings-fixtures';

afterEach(() => jest.restoreAllMocks());

const payments = build.team({
  members: [
    {
      personId: 'person:github:ann',
      displayName: 'Ann',
      githubLogins: ['ann'],
      jiraAccountIds: ['acc-ann'],
      from: '2026-01-01T00:00:00.000Z',
      to: null,
    },
    {
      personId: 'person:github:bob',
      displayName: 'Bob',
      githubLogins: ['bob'],
      jiraAccountIds: [],
      from: null,
      to: null,
    },
  ],
  unresolved: ['github:ghost'],
  unresolvedMembers: [{ github: 'ghost' }],
});

describe('settings: teams and identity mapping', () => {
  it('edits a team: ends a membership, removes one, adds one, and saves the whole team', async () => {
    const api = mockApi(
      settingsAnswers({
        '/api/teams': () => ({ status: 200, body: { teams: [payments] } }),
        'PUT /api/teams/payments': () => ({
          status: 200,
          body: { teams: [{ ...payments, name: 'Payments and billing' }] },
        }),
      }),
    );
    renderRoute('/settings');
    const teams = await screen.findByRole('table', { name: 'Teams' });
    expect(within(teams).getByRole('row', { name: /Payments/ })).toHaveTextContent('github:ghost');
    await userEvent.click(within(teams).getByRole('button', { name: 'Edit Payments' }));
    const form = screen.getByRole('form', { name: 'Edit team Payments' });
    const name = within(form).getByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Payments and billing');
    await userEvent.type(within(form).getByLabelText('To, Ann'), '2026-07-01');
    await userEvent.click(within(form).getByRole('button', { name: 'Remove Bob' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Add member' }));
    await userEvent.type(within(form).getByLabelText('GitHub login, member 3'), 'cy');
    await userEvent.type(within(form).getByLabelText('From, member 3'), '2026-07-01');
    await userEvent.type(within(form).getByLabelText('Jira projects'), ', bill');
    await userEvent.click(within(form).getByRole('button', { name: 'Save team' }));
    expect(
      await within(teams).findByRole('row', { name: /Payments and billing/ }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Edit team Payments' })).not.toBeInTheDocument();
    expect(api.requests.find((request) => request.method === 'PUT')?.body).toEqual({
      name: 'Payments and billing',
      members: [
        { github: 'ann', jiraAccountId: 'acc-ann', from: '2026-01-01', to: '2026-07-01' },
        { github: 'ghost' },
        { github: 'cy', from: '2026-07-01' },
      ],
      repositories: ['acme/pay'],
      jiraProjects: ['PAY', 'BILL'],
    });
  });

  it('pairs a GitHub login with a Jira account on one member, so the api joins them', async () => {
    const api = mockApi(
      settingsAnswers({
        '/api/teams': () => ({ status: 200, body: { teams: [payments] } }),
        'PUT /api/teams/payments': () => ({ status: 200, body: { teams: [payments] } }),
      }),
    );
    renderRoute('/settings');
    const teams = await screen.findByRole('table', { name: 'Teams' });
    await userEvent.click(within(teams).getByRole('button', { name: 'Edit Payments' }));
    const form = screen.getByRole('form', { name: 'Edit team Payments' });
    expect(within(form).getByLabelText('GitHub login, Bob')).toHaveValue('bob');
    await userEvent.type(within(form).getByLabelText('Jira account id, Bob'), ' acc-bob ');
    await userEvent.click(within(form).getByRole('button', { name: 'Add member' }));
    await userEvent.type(within(form).getByLabelText('GitHub login, member 4'), 'dee');
    await userEvent.type(
      within(form).getByLabelText('Jira account id, member 4'),
      '557058:f58131cb-b67d',
    );
    expect(within(form).getByLabelText('Jira account id, member 4')).toHaveAccessibleDescription(
      /accountId.*Data Center the user key/,
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Save team' }));
    await waitFor(() => expect(form).not.toBeInTheDocument());
    expect(api.requests.find((request) => request.method === 'PUT')?.body).toEqual({
      name: 'Payments',
      members: [
        { github: 'ann', jiraAccountId: 'acc-ann', from: '2026-01-01' },
        { github: 'bob', jiraAccountId: 'acc-bob' },
        { github: 'ghost' },
        { github: 'dee', jiraAccountId: '557058:f58131cb-b67d' },
      ],
      repositories: ['acme/pay'],
      jiraProjects: ['PAY'],
    });
  });

  it('creates a team under a valid slug only, and shows why the api refused it', async () => {
    const api = mockApi(
      settingsAnswers({
        'PUT /api/teams/core-api': () => ({
          status: 400,
          body: {
            statusCode: 400,
            code: 'invalid_input',
            message: 'Invalid input',
            issues: [{ field: 'repositories.0', message: 'expected owner/name' }],
          },
        }),
      }),
    );
    renderRoute('/settings');
    await userEvent.click(await screen.findByRole('button', { name: 'New team' }));
    const form = screen.getByRole('form', { name: 'New team' });
    await userEvent.type(within(form).getByLabelText('Slug'), 'Core API');
    expect(within(form).getByLabelText('Slug')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByRole('button', { name: 'Save team' })).toBeDisabled();
    await userEvent.clear(within(form).getByLabelText('Slug'));
    await userEvent.type(within(form).getByLabelText('Slug'), 'core-api');
    await userEvent.type(within(form).getByLabelText('Name'), 'Core API');
    await userEvent.type(within(form).getByLabelText('Repositories'), 'core');
    await userEvent.click(within(form).getByRole('button', { name: 'Save team' }));
    expect(
      await within(form).findByText(
        'Not saved: Invalid input (repositories.0: expected owner/name)',
      ),
    ).toBeInTheDocument();
    expect(api.requests.some((request) => request.url.pathname === '/api/teams/core-api')).toBe(
      true,
    );
  });

  it('lists unmatched identities with their reasons and filters them', async () => {
    const api = mockApi(settingsAnswers());
    renderRoute('/settings');
    const table = await screen.findByRole('table', { name: 'Unmatched identities' });
    expect(within(table).getByRole('row', { name: /github:dee/ })).toHaveTextContent(
      'in no team, no Jira account merged',
    );
    expect(screen.getByRole('region', { name: 'Unmatched identities' })).toHaveTextContent(
      `${unmatched.totals.not_in_team} in no team, ${unmatched.totals.no_jira_identity} GitHub accounts with no Jira account merged.`,
    );
    await userEvent.selectOptions(screen.getByLabelText('Show'), 'no_jira_identity');
    expect(
      api.requests.some(
        (request) =>
          request.url.pathname === '/api/identities/unmatched' &&
          request.url.searchParams.get('reason') === 'no_jira_identity',
      ),
    ).toBe(true);
  });
});
