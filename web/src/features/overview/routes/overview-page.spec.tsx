import { reworkCostId } from '@rework-radar/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { build, reworkPage } from '../../../testing/build';
import {
  mockApi,
  renderRoute,
  signedInAdmin,
  type MockRequest,
} from '../../../testing/render-route';

afterEach(() => jest.restoreAllMocks());

const october = ['2025-10', '2025-10-01T00:00:00.000Z', '2025-11-01T00:00:00.000Z'] as const;
const november = ['2025-11', '2025-11-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z'] as const;
const quarter = ['2025-Q4', '2025-10-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'] as const;

function metricsAnswer(request: MockRequest) {
  if (request.url.searchParams.get('period') === 'quarter') {
    return {
      status: 200,
      body: build.metrics([
        build.metricValue('context-missing-context-rework-share', ...quarter, 0.38),
        build.metricValue(reworkCostId('missing_context', 'prs'), ...quarter, 61),
        build.metricValue(reworkCostId('missing_context', 'engineer-days'), ...quarter, 23.6),
      ]),
    };
  }
  const team = request.url.searchParams.get('team');
  return {
    status: 200,
    body: build.metrics([
      build.metricValue('velocity-pull-request-throughput', ...october, 30),
      build.metricValue('velocity-pull-request-throughput', ...november, 34),
      build.metricValue('context-score-at-start-mean', ...october, 52),
      build.metricValue('velocity-pull-request-cycle-time', ...october, 12.5),
      build.metricValue(
        'context-missing-context-rework-share',
        ...october,
        team === null ? 0.4 : 0.3,
      ),
      build.metricValue(reworkCostId('missing_context', 'engineer-days'), ...october, 8),
      build.metricValue(reworkCostId('execution', 'engineer-days'), ...october, 3),
      build.metricValue(reworkCostId('missing_context', 'engineer-days'), ...november, 5),
      build.metricValue('velocity-story-points-per-sprint', ...october, team === null ? 60 : 21),
    ]),
  };
}

function answers(teams = [build.team()]) {
  return mockApi({
    '/api/rework': () => reworkPage([build.reworkItem()]),
    '/api/teams': () => ({ status: 200, body: { teams } }),
    '/api/metrics': metricsAnswer,
  });
}

describe('the overview', () => {
  it('opens from the root address on the latest quarter with data, with the headline sentence', async () => {
    const api = answers();
    const { router } = renderRoute('/');
    const link = await screen.findByRole('link', { name: 'See the items' });
    expect(link.closest('p')).toHaveTextContent(
      'In 2025 Q4, 38% of rework was traced to missing context: 61 PRs, about 24 engineer-days.',
    );
    expect(router.state.location.pathname).toBe('/overview');
    const trend = api.requests.find(
      (request) =>
        request.url.pathname === '/api/metrics' &&
        request.url.searchParams.get('period') === 'month',
    );
    expect(trend?.url.searchParams.get('from')).toBe('2025-01-01T00:00:00.000Z');
    expect(trend?.url.searchParams.get('to')).toBe('2026-01-01T00:00:00.000Z');
    expect(screen.getByRole('link', { name: 'See the items' })).toHaveAttribute(
      'href',
      '/rework?from=2025-10-01&to=2025-12-31&cause=missing_context',
    );
  });

  it('puts velocity next to context, review and rework, each chart named, defined and drawn', async () => {
    const { container } = (answers(), renderRoute('/overview?quarter=2025-Q4'));
    const throughput = await screen.findByRole('figure', { name: 'Throughput' });
    expect(throughput).toHaveAccessibleDescription(
      /Pull requests merged per week: Pull requests merged in the period/,
    );
    expect(screen.getByRole('figure', { name: 'Context score at start' })).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Review calibration' })).toHaveTextContent(
      'Too few scored pull requests were merged in these periods to rank depth against risk.',
    );
    expect(screen.getByRole('figure', { name: 'Rework effort by cause' })).toBeInTheDocument();
    expect(container.querySelectorAll('.recharts-bar-rectangle').length).toBeGreaterThanOrEqual(3);
    expect(container.querySelectorAll('.recharts-line').length).toBeGreaterThan(0);
  });

  it('drills from a period of the rework chart to the rework items behind it', async () => {
    answers();
    const { router } = renderRoute('/overview?quarter=2025-Q4');
    const chart = await screen.findByRole('figure', { name: 'Rework effort by cause' });
    await userEvent.click(within(chart).getByRole('button', { name: 'Show table' }));
    await userEvent.click(within(chart).getByRole('link', { name: '2025-10' }));
    expect(router.state.location.pathname).toBe('/rework');
    expect(router.state.location.search).toBe('?from=2025-10-01&to=2025-10-31');
  });

  it('draws one small multiple per team, story points over missing-context rework, and scopes the page to a picked team through the URL', async () => {
    const api = answers([build.team(), build.team({ slug: 'core', name: 'Core' })]);
    const { router } = renderRoute('/overview?quarter=2025-Q4');
    expect(
      await screen.findByRole('figure', { name: 'Payments: missing-context rework' }),
    ).toBeInTheDocument();
    const points = await screen.findByRole('figure', {
      name: 'Payments: story points per sprint',
    });
    await userEvent.click(within(points).getByRole('button', { name: 'Show table' }));
    expect(within(points).getByRole('table')).toHaveTextContent('21');
    expect(
      api.requests.find(
        (request) =>
          request.url.searchParams.get('team') === 'payments' &&
          request.url.searchParams.get('metric')?.includes('velocity-story-points-per-sprint'),
      ),
    ).toBeDefined();
    expect(
      await screen.findByRole('figure', { name: 'Core: missing-context rework' }),
    ).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Team'), 'core');
    expect(router.state.location.search).toContain('team=core');
    expect(await screen.findByRole('heading', { name: 'Overview: Core' })).toBeInTheDocument();
    expect(
      api.requests.some(
        (request) =>
          request.url.searchParams.get('team') === 'core' &&
          request.url.searchParams.get('period') === 'quarter',
      ),
    ).toBe(true);
  });

  it("compares an engineering manager's own teams only, and asks for no other team's figures", async () => {
    const api = mockApi({
      '/api/auth/me': () => ({
        status: 200,
        body: { ...signedInAdmin, role: 'manager', teamSlugs: ['payments'] },
      }),
      '/api/rework': () => reworkPage([build.reworkItem()]),
      '/api/teams': () => ({
        status: 200,
        body: { teams: [build.team(), build.team({ slug: 'core', name: 'Core' })] },
      }),
      '/api/metrics': metricsAnswer,
    });
    renderRoute('/overview?team=payments&quarter=2025-Q4');
    expect(
      await screen.findByRole('figure', { name: 'Payments: missing-context rework' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('figure', { name: 'Core: missing-context rework' }),
    ).not.toBeInTheDocument();
    expect(api.requests.some((request) => request.url.searchParams.get('team') === 'core')).toBe(
      false,
    );
  });

  it('shows an error with retry when the metrics cannot be loaded', async () => {
    let fail = true;
    mockApi({
      '/api/rework': () => reworkPage([build.reworkItem()]),
      '/api/teams': () => ({ status: 200, body: { teams: [] } }),
      '/api/metrics': (request) =>
        fail
          ? {
              status: 503,
              body: { statusCode: 503, code: 'unavailable', message: 'rollups are being computed' },
            }
          : metricsAnswer(request),
    });
    renderRoute('/overview?quarter=2025-Q4');
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('rollups are being computed');
    fail = false;
    await userEvent.click(screen.getAllByRole('button', { name: 'Retry' })[0]!);
    expect(await screen.findByRole('link', { name: 'See the items' })).toBeInTheDocument();
  });

  it('says the figures were never computed rather than that nothing happened', async () => {
    mockApi({
      '/api/rework': () => reworkPage([build.reworkItem()]),
      '/api/teams': () => ({ status: 200, body: { teams: [] } }),
      '/api/metrics': () => ({ status: 200, body: build.metrics([]) }),
    });
    renderRoute('/overview?quarter=2025-Q4');
    expect(
      await screen.findByText(/the api has not computed this quarter's figures yet/),
    ).toBeInTheDocument();
    expect(await screen.findByRole('figure', { name: 'Throughput' })).toHaveTextContent(
      'The api has not computed these metrics yet',
    );
  });

  it('opens the records behind a trend point, linked to GitHub, and closes again', async () => {
    const api = mockApi({
      '/api/rework': () => reworkPage([build.reworkItem()]),
      '/api/teams': () => ({ status: 200, body: { teams: [] } }),
      '/api/metrics': metricsAnswer,
      '/api/metrics/velocity-pull-request-cycle-time/explain': () => ({
        status: 200,
        body: {
          metricId: 'velocity-pull-request-cycle-time',
          period: { kind: 'month', label: '2025-10', start: october[1], end: october[2] },
          scope: {},
          value: build.metricValue('velocity-pull-request-cycle-time', ...october, 12.5),
          rule: 'Pull requests merged in the period.',
          total: 1,
          items: [
            {
              kind: 'pull-request',
              id: 'acme/pay#10',
              title: 'Add refunds',
              at: '2025-10-03T00:00:00.000Z',
              url: 'https://github.example/acme/pay/pull/10',
              facts: { hours: 12.5 },
            },
          ],
          nextCursor: null,
        },
      }),
    });
    const { router } = renderRoute('/overview?quarter=2025-Q4');
    const chart = await screen.findByRole('figure', { name: 'Pull request cycle time' });
    await userEvent.click(within(chart).getByRole('button', { name: 'Show table' }));
    await userEvent.click(within(chart).getByRole('link', { name: '2025-10' }));
    expect(router.state.location.search).toContain('explain=velocity-pull-request-cycle-time');
    const panel = await screen.findByRole('region', { name: 'Records behind the point' });
    expect(await within(panel).findByRole('link', { name: 'acme/pay#10' })).toHaveAttribute(
      'href',
      'https://github.example/acme/pay/pull/10',
    );
    expect(panel).toHaveTextContent('Pull request cycle time, 2025-10: 12.5 h');
    expect(panel).toHaveTextContent('hours: 12.5');
    const explain = api.requests.find((request) => request.url.pathname.endsWith('/explain'));
    expect(explain?.url.searchParams.get('start')).toBe(october[1]);
    expect(explain?.url.searchParams.get('period')).toBe('month');
    await userEvent.click(within(panel).getByRole('link', { name: 'Close' }));
    expect(
      screen.queryByRole('region', { name: 'Records behind the point' }),
    ).not.toBeInTheDocument();
  });
});
