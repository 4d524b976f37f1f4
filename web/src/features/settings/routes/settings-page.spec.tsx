import { screen, within } from '@testing-library/react';
import { build } from '../../../testing/build';
import { mockApi, renderRoute } from '../../../testing/render-route';

afterEach(() => jest.restoreAllMocks());

const health = {
  status: 'ok',
  version: '0.1.0',
  uptimeSeconds: 3,
  checkedAt: '2026-11-22T07:00:00.000Z',
  database: {
    engine: 'embedded',
    reachable: true,
    serverVersion: 'PostgreSQL 17.10',
    migrations: { applied: 3, pending: 0, latest: 'X', upToDate: true },
  },
};
const demo = {
  enabled: true,
  state: 'loading',
  stage: 'sync-jira',
  message: '5400 issues',
  done: 5400,
  total: 6550,
  startedAt: null,
  finishedAt: null,
};

describe('settings', () => {
  it('shows where the data comes from, the load progress, teams and unmatched identities', async () => {
    mockApi({
      '/api/health': () => ({ status: 200, body: health }),
      '/api/demo/status': () => ({ status: 200, body: demo }),
      '/api/teams': () => ({
        status: 200,
        body: { teams: [build.team({ unresolved: ['ghost-login'] })] },
      }),
    });
    renderRoute('/settings');
    const connections = await screen.findByRole('region', { name: 'Connections' });
    expect(
      await within(connections).findByText(/Demo organisation: generated data/),
    ).toBeInTheDocument();
    expect(within(connections).getByText('Loading: 5400 issues (5400/6550)')).toBeInTheDocument();
    expect(
      await within(connections).findByText(/Embedded PostgreSQL, PostgreSQL 17.10/),
    ).toBeInTheDocument();
    const teams = screen.getByRole('table', { name: 'Teams' });
    expect(await within(teams).findByRole('row', { name: /Payments/ })).toHaveTextContent(
      'ghost-login',
    );
  });

  it('labels every section whose api does not exist yet, with no buttons in them', async () => {
    mockApi({
      '/api/health': () => ({ status: 200, body: health }),
      '/api/demo/status': () => ({ status: 200, body: demo }),
      '/api/teams': () => ({ status: 200, body: { teams: [] } }),
    });
    renderRoute('/settings');
    for (const name of [
      'Test connection',
      'Repositories and projects',
      'Rules',
      'Sync status',
      'Quarantine',
    ]) {
      const section = await screen.findByRole('region', { name });
      expect(section).toHaveTextContent('Not available yet');
      expect(within(section).queryByRole('button')).not.toBeInTheDocument();
    }
  });
});
