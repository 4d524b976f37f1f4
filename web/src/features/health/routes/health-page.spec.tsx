import type { HealthResponse } from '@rework-radar/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi, renderRoute } from '../../../testing/render-route';

const healthy: HealthResponse = {
  status: 'ok',
  version: '0.1.0',
  uptimeSeconds: 42,
  checkedAt: '2026-11-22T07:00:00.000Z',
  database: {
    engine: 'embedded',
    reachable: true,
    serverVersion: 'PostgreSQL 17.10',
    migrations: { applied: 3, pending: 0, latest: 'CreateSyncState1763796000000', upToDate: true },
  },
};

afterEach(() => jest.restoreAllMocks());

describe('the system health page', () => {
  it('shows the status, the engine and the migration state the api reports', async () => {
    mockApi({ '/api/health': () => ({ status: 200, body: healthy }) });
    renderRoute('/health');
    expect(await screen.findByRole('status')).toHaveTextContent('Healthy');
    const facts = screen.getByRole('region', { name: 'System health' });
    expect(within(facts).getByText('Embedded PostgreSQL')).toBeInTheDocument();
    expect(within(facts).getByText('PostgreSQL 17.10')).toBeInTheDocument();
    expect(within(facts).getByText('CreateSyncState1763796000000')).toBeInTheDocument();
    expect(
      await screen.findByRole('figure', { name: 'Health check round trip' }),
    ).toBeInTheDocument();
  });

  it('announces what is still loading as a progress bar, so nothing unlabelled is left on screen', async () => {
    mockApi({ '/api/health': () => ({ status: 200, body: healthy }) });
    renderRoute('/health');
    expect(
      await screen.findByRole('progressbar', { name: 'Loading system health' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('status')).toHaveTextContent('Healthy');
  });

  it('says the database is down when the api answers 503 with its report', async () => {
    mockApi({
      '/api/health': () => ({
        status: 503,
        body: {
          ...healthy,
          status: 'down',
          database: { engine: 'external', reachable: false, serverVersion: null, migrations: null },
        },
      }),
    });
    renderRoute('/health');
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Down: the database is unreachable',
    );
    expect(screen.getByText('External PostgreSQL (DATABASE_URL)')).toBeInTheDocument();
  });

  it('shows the error and retries on request when the api cannot be reached', async () => {
    let calls = 0;
    mockApi({
      '/api/health': () => {
        calls += 1;
        return calls === 1
          ? {
              status: 500,
              body: { statusCode: 500, code: 'internal', message: 'Something went wrong' },
            }
          : { status: 200, body: healthy };
      },
    });
    renderRoute('/health');
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Healthy');
  });

  it('is reachable from the main navigation', async () => {
    mockApi({ '/api/health': () => ({ status: 200, body: healthy }) });
    renderRoute('/health');
    expect(await screen.findByRole('heading', { name: 'System health' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'System health' })).toHaveAttribute(
      'href',
      '/health',
    );
  });
});
