import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi, renderRoute } from '../../../testing/render-route';
import { github, jira, settingsAnswers } from './settings-fixtures';

afterEach(() => jest.restoreAllMocks());

describe('settings: connections', () => {
  it('shows where the data comes from, the database, and each connection without its secrets', async () => {
    mockApi(settingsAnswers());
    renderRoute('/settings');
    const connections = await screen.findByRole('region', { name: 'Connections' });
    expect(
      await within(connections).findByText(/Demo organisation: generated data.*DEMO=false/),
    ).toBeInTheDocument();
    expect(within(connections).getByText('Loading: 5400 issues (5400/6550)')).toBeInTheDocument();
    const gh = await within(connections).findByRole('article', { name: 'GitHub' });
    expect(gh).toHaveTextContent('Saved in settings');
    expect(gh).toHaveTextContent('org acme');
    expect(gh).toHaveTextContent('Webhook secretset');
    const jiraCard = within(connections).getByRole('article', { name: 'Jira' });
    expect(jiraCard).toHaveTextContent('Not configured');
    // Nothing to test until Jira is configured.
    expect(within(jiraCard).getByRole('button', { name: 'Test Jira connection' })).toBeDisabled();
  });

  it('tests a connection and shows the service answer', async () => {
    const api = mockApi(
      settingsAnswers({
        'POST /api/connections/github/test': () => ({
          status: 200,
          body: {
            ok: false,
            message: 'GitHub refused the token (401 Bad credentials)',
            checkedAt: '2026-11-22T07:00:00.000Z',
          },
        }),
      }),
    );
    renderRoute('/settings');
    const gh = await screen.findByRole('article', { name: 'GitHub' });
    await userEvent.click(within(gh).getByRole('button', { name: 'Test GitHub connection' }));
    expect(
      await within(gh).findByText('Failed: GitHub refused the token (401 Bad credentials)'),
    ).toBeInTheDocument();
    expect(
      api.requests.filter((request) => request.url.pathname === '/api/connections/github/test'),
    ).toHaveLength(1);
  });

  it('saves a GitHub connection: the token is sent once, never shown, and the form is cleared', async () => {
    const api = mockApi(
      settingsAnswers({
        'PUT /api/connections/github': () => ({
          status: 200,
          body: { connections: [{ ...github, scope: 'repos acme/pay, acme/ledger' }, jira] },
        }),
      }),
    );
    renderRoute('/settings');
    const gh = await screen.findByRole('article', { name: 'GitHub' });
    await userEvent.click(within(gh).getByRole('button', { name: 'Edit GitHub connection' }));
    const form = within(gh).getByRole('form', { name: 'GitHub connection' });
    const token = within(form).getByLabelText('Token');
    expect(token).toHaveAttribute('type', 'password');
    expect(token).toHaveValue('');
    await userEvent.type(token, 'ghp_secret123');
    await userEvent.type(within(form).getByLabelText('Repositories'), 'acme/pay, acme/ledger');
    await userEvent.click(within(form).getByRole('button', { name: 'Save GitHub connection' }));
    expect(await within(gh).findByText('repos acme/pay, acme/ledger')).toBeInTheDocument();
    const put = api.requests.find((request) => request.method === 'PUT');
    expect(put?.body).toEqual({
      apiUrl: 'https://api.github.com',
      token: 'ghp_secret123',
      repos: ['acme/pay', 'acme/ledger'],
    });
    expect(within(gh).getByLabelText('Token')).toHaveValue('');
    expect(document.body).not.toHaveTextContent('ghp_secret123');
  });

  it('shows the api field errors when a Jira connection is refused', async () => {
    mockApi(
      settingsAnswers({
        'PUT /api/connections/jira': () => ({
          status: 400,
          body: {
            statusCode: 400,
            code: 'invalid_input',
            message: 'Invalid input',
            issues: [
              {
                field: 'apiToken',
                message: 'give email and apiToken (Cloud) or pat (Data Center)',
              },
            ],
          },
        }),
      }),
    );
    renderRoute('/settings');
    const card = await screen.findByRole('article', { name: 'Jira' });
    await userEvent.click(within(card).getByRole('button', { name: 'Edit Jira connection' }));
    const form = within(card).getByRole('form', { name: 'Jira connection' });
    await userEvent.type(within(form).getByLabelText('Site URL'), 'https://acme.atlassian.net');
    await userEvent.type(within(form).getByLabelText('Projects'), 'PAY');
    await userEvent.click(within(form).getByRole('button', { name: 'Save Jira connection' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Not saved: Invalid input (apiToken: give email and apiToken (Cloud) or pat (Data Center))',
    );
  });
});

describe('settings: rules and quarantine', () => {
  it('shows the rules in force and what differs from the defaults', async () => {
    mockApi(settingsAnswers());
    renderRoute('/settings');
    const rules = await screen.findByRole('region', { name: 'Rules' });
    const windows = await within(rules).findByRole('table', { name: 'Windows' });
    expect(
      within(windows).getByRole('row', { name: /Follow-up fix traced back/ }),
    ).toHaveTextContent('changed21 days');
    expect(within(windows).getByRole('row', { name: /Bug linked/ })).toHaveTextContent('60 days');
    expect(
      within(within(rules).getByRole('table', { name: 'Cause signal weights' })).getByRole('row', {
        name: /Execution: fault text/,
      }),
    ).toHaveTextContent('1.3');
    expect(within(rules).getByRole('list', { name: 'Critical paths' })).toHaveTextContent(
      'infra/**',
    );
    expect(within(rules).getByRole('list', { name: 'Agent logins' })).toHaveTextContent(
      'acme-agent[bot]',
    );
    expect(rules).toHaveTextContent(
      'changed from the defaults: agentLogins, windows.followUpFixDays',
    );
  });

  it('lists quarantined records and pages on with the cursor', async () => {
    const record = (id: string) => ({
      id: `jira:issue:${id}`,
      source: 'jira',
      kind: 'issue',
      sourceId: id,
      reason: `fields.status missing (${id})`,
      rawPayloadId: '42',
      quarantinedAt: '2026-11-21T10:00:00.000Z',
    });
    const api = mockApi(
      settingsAnswers({
        '/api/sync/quarantine': (request) => ({
          status: 200,
          body:
            request.url.searchParams.get('cursor') === 'next1'
              ? { items: [record('PAY-3')], nextCursor: null, total: 2 }
              : { items: [record('PAY-9')], nextCursor: 'next1', total: 2 },
        }),
      }),
    );
    renderRoute('/settings');
    const section = await screen.findByRole('region', { name: 'Quarantine' });
    const table = await within(section).findByRole('table', { name: 'Quarantined records' });
    expect(within(table).getByRole('row', { name: /jira issue PAY-9/ })).toHaveTextContent(
      'fields.status missing (PAY-9)',
    );
    expect(section).toHaveTextContent('2 records could not be read');
    await userEvent.click(within(section).getByRole('button', { name: 'Next page' }));
    expect(
      await within(section).findByRole('row', { name: /jira issue PAY-3/ }),
    ).toBeInTheDocument();
    expect(api.requests.some((request) => request.url.searchParams.get('cursor') === 'next1')).toBe(
      true,
    );
    await userEvent.click(within(section).getByRole('button', { name: 'Previous page' }));
    expect(
      await within(section).findByRole('row', { name: /jira issue PAY-9/ }),
    ).toBeInTheDocument();
  });

  it('says so when nothing was quarantined', async () => {
    mockApi(settingsAnswers());
    renderRoute('/settings');
    const section = await screen.findByRole('region', { name: 'Quarantine' });
    expect(await within(section).findByText(/No record has been quarantined/)).toBeInTheDocument();
    expect(screen.queryByText('Not available yet')).not.toBeInTheDocument();
  });
});
