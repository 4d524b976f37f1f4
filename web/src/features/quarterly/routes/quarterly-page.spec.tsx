import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { build, reworkPage } from '../../../testing/build';
import { mockApi, renderRoute } from '../../../testing/render-route';

afterEach(() => jest.restoreAllMocks());

const review = build.quarterly({
  headlines: [
    {
      metricId: 'context-missing-context-rework-share',
      name: 'Rework caused by missing context',
      unit: 'ratio',
      directionOfGood: 'down',
      value: 0.3,
      previousValue: 0.4,
      delta: -0.1,
      relativeDelta: null,
      verdict: 'better',
      universe: { count: 120, noun: 'rework items' },
    },
    {
      metricId: 'velocity-pull-request-cycle-time',
      name: 'Pull request cycle time',
      unit: 'hours',
      directionOfGood: 'down',
      value: 30,
      previousValue: 20,
      delta: 10,
      relativeDelta: 0.5,
      verdict: 'worse',
      universe: { count: 300, noun: 'pull requests' },
    },
  ],
  highlights: ['Rework from missing context fell from 40% to 30%.'],
  computedAt: '2026-01-02T03:00:00.000Z',
});

function answers() {
  return mockApi({
    '/api/rework': () => reworkPage([build.reworkItem()]),
    '/api/teams': () => ({ status: 200, body: { teams: [] } }),
    '/api/quarterly': () => ({ status: 200, body: review }),
    '/api/metrics': () => ({
      status: 200,
      body: build.metrics([
        build.metricValue(
          'context-missing-context-rework-share',
          '2025-Q4',
          '2025-10-01T00:00:00.000Z',
          '2026-01-01T00:00:00.000Z',
          0.3,
        ),
      ]),
    }),
  });
}

describe('the quarterly review', () => {
  it("shows deltas whose arrow follows the sign, a share's in points, and whose verdict follows the direction of good", async () => {
    const api = answers();
    renderRoute('/quarterly?quarter=2025-Q4');
    const share = await screen.findByRole('article', { name: 'Rework caused by missing context' });
    expect(share).toHaveTextContent('30%');
    expect(share).toHaveTextContent('▼ -10 pts better');
    expect(share).toHaveClass('delta-card--better');
    const cycle = screen.getByRole('article', { name: 'Pull request cycle time' });
    expect(cycle).toHaveTextContent('▲ +10 h (+50%) worse');
    expect(cycle).toHaveClass('delta-card--worse');
    expect(screen.getByRole('region', { name: 'Highlights' })).toHaveTextContent(
      'Rework from missing context fell from 40% to 30%.',
    );
    expect(
      api.requests
        .find((request) => request.url.pathname === '/api/quarterly')
        ?.url.searchParams.get('quarter'),
    ).toBe('2025-Q4');
  });

  it('offers print, server-side PDF and PNG exports and a CSV of the same review, and charts the four quarters', async () => {
    answers();
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    renderRoute('/quarterly?quarter=2025-Q4&team=payments');
    await screen.findByRole('article', { name: 'Pull request cycle time' });
    expect(screen.getByRole('link', { name: 'Export PDF' })).toHaveAttribute(
      'href',
      '/api/export/quarterly.pdf?quarter=2025-Q4&team=payments',
    );
    expect(screen.getByRole('link', { name: 'Export PNG' })).toHaveAttribute(
      'href',
      '/api/export/quarterly.png?quarter=2025-Q4&team=payments',
    );
    expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
      'href',
      '/api/quarterly?quarter=2025-Q4&team=payments&format=csv',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalled();
    const chart = await screen.findByRole('figure', { name: 'Rework caused by missing context' });
    await userEvent.click(within(chart).getByRole('button', { name: 'Show table' }));
    expect(within(chart).getByRole('row', { name: '2025-Q4 30%' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'PDF and PNG export' })).not.toBeInTheDocument();
  });

  it('says when the figures have not been computed rather than that nothing changed', async () => {
    mockApi({
      '/api/rework': () => reworkPage([build.reworkItem()]),
      '/api/teams': () => ({ status: 200, body: { teams: [] } }),
      '/api/quarterly': () => ({ status: 200, body: build.quarterly() }),
      '/api/metrics': () => ({ status: 200, body: build.metrics([]) }),
    });
    renderRoute('/quarterly?quarter=2025-Q4');
    expect(
      await screen.findByText(/has not computed this quarter's figures yet/),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Highlights' })).toHaveTextContent(
      'No highlights until the figures are computed.',
    );
    expect(
      await screen.findByRole('figure', { name: 'Rework caused by missing context' }),
    ).toHaveTextContent('has not computed these metrics yet');
  });
});
