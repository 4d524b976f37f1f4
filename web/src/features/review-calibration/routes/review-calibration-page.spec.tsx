import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { build, reworkPage } from '../../../testing/build';
import { mockApi, renderRoute } from '../../../testing/render-route';

afterEach(() => jest.restoreAllMocks());

const stamp = build.calibrationPoint({
  pullRequestId: 'p1',
  number: 1,
  rubberStamp: true,
  risk: 80,
  depth: 5,
});
const over = build.calibrationPoint({
  pullRequestId: 'p2',
  number: 2,
  overReview: true,
  risk: 10,
  depth: 90,
  riskBucket: 'low',
});
const fine = build.calibrationPoint({
  pullRequestId: 'p3',
  number: 3,
  risk: 50,
  depth: 50,
  riskBucket: 'medium',
});

/** The scatter's points, and each flag's own list (asked for apart: the scatter holds 500 at most). */
function answers(
  items = [stamp, over, fine],
  flagged: Record<string, { items: (typeof stamp)[]; nextCursor: string | null }> = {
    'rubber-stamp': { items: [stamp], nextCursor: null },
    'over-review': { items: [over], nextCursor: null },
  },
  total = items.length,
) {
  return mockApi({
    '/api/rework': () => reworkPage([build.reworkItem()]),
    '/api/teams': () => ({ status: 200, body: { teams: [build.team()] } }),
    '/api/review-calibration': ({ url }) => {
      const flag = url.searchParams.get('flag');
      return {
        status: 200,
        body: flag === null ? { items, nextCursor: null, total } : flagged[flag],
      };
    },
    '/api/metrics': () => ({
      status: 200,
      body: build.metrics([
        build.metricValue(
          'review-depth-risk-correlation',
          '2025-10',
          '2025-10-01T00:00:00.000Z',
          '2025-11-01T00:00:00.000Z',
          0.42,
        ),
      ]),
    }),
  });
}

describe('the review calibration page', () => {
  it('plots every merged PR at its risk and depth for the quarter, and lists rubber stamps and over-reviews', async () => {
    const api = answers();
    const { container } = renderRoute('/review-calibration?quarter=2025-Q4');
    const scatter = await screen.findByRole('figure', { name: 'Review depth against risk' });
    expect(scatter).toHaveAccessibleDescription(/Each dot is a merged pull request/);
    expect(container.querySelectorAll('.recharts-scatter-symbol')).toHaveLength(3);
    const stamps = screen.getByRole('region', { name: 'Rubber stamps' });
    expect(within(stamps).getByRole('link', { name: 'acme/pay#1' })).toHaveAttribute(
      'href',
      stamp.url,
    );
    expect(within(stamps).queryByText('acme/pay#2')).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Over-reviewed' })).getByRole('link', {
        name: 'acme/pay#2',
      }),
    ).toBeInTheDocument();
    const calls = api.requests.filter(
      (request) => request.url.pathname === '/api/review-calibration',
    );
    expect(new Set(calls.map((call) => call.url.searchParams.get('flag')))).toEqual(
      new Set([null, 'rubber-stamp', 'over-review']),
    );
    for (const call of calls) {
      expect(call.url.searchParams.get('from')).toBe('2025-10-01T00:00:00.000Z');
      expect(call.url.searchParams.get('to')).toBe('2026-01-01T00:00:00.000Z');
    }
  });

  it("lists and counts every flagged PR of the quarter, also those the scatter's sample leaves out", async () => {
    const later = build.calibrationPoint({
      pullRequestId: 'p9',
      number: 9,
      rubberStamp: true,
      risk: 70,
      depth: 10,
    });
    answers([fine], {
      'rubber-stamp': { items: [stamp, later], nextCursor: 'more' },
      'over-review': { items: [], nextCursor: null },
    });
    renderRoute('/review-calibration?quarter=2025-Q4');
    const stamps = await screen.findByRole('region', { name: 'Rubber stamps' });
    expect(within(stamps).getByRole('heading', { name: 'Rubber stamps (2+)' })).toBeVisible();
    expect(within(stamps).getByRole('link', { name: 'acme/pay#9' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Over-reviewed' })).getByText(
        'No low-risk pull request was over-reviewed.',
      ),
    ).toBeInTheDocument();
  });

  it('links each point to its pull request in the table view, and charts calibration per team', async () => {
    answers();
    renderRoute('/review-calibration?quarter=2025-Q4');
    const scatter = await screen.findByRole('figure', { name: 'Review depth against risk' });
    await userEvent.click(within(scatter).getByRole('button', { name: 'Show table' }));
    expect(within(scatter).getByRole('link', { name: 'acme/pay#3' })).toHaveAttribute(
      'href',
      fine.url,
    );
    const byTeam = await screen.findByRole('figure', { name: 'Calibration by team' });
    await userEvent.click(within(byTeam).getByRole('button', { name: 'Show table' }));
    expect(within(byTeam).getByRole('columnheader', { name: 'Payments' })).toBeInTheDocument();
    expect(within(byTeam).getByRole('row', { name: '2025-10 0.42' })).toBeInTheDocument();
  });

  it("plots a sample spread over the quarter, and says how much of the quarter's total it is", async () => {
    const api = answers(undefined, undefined, 656);
    renderRoute('/review-calibration?quarter=2025-Q4');
    expect(
      await screen.findByText(
        "Showing 3 of the quarter's 656 pull requests, picked evenly over the quarter.",
      ),
    ).toBeInTheDocument();
    const scatterCall = api.requests.find(
      (request) =>
        request.url.pathname === '/api/review-calibration' && !request.url.searchParams.has('flag'),
    );
    expect(scatterCall?.url.searchParams.get('sample')).toBe('500');
    expect(scatterCall?.url.searchParams.has('limit')).toBe(false);
  });

  it('says why the scatter is empty', async () => {
    answers([]);
    renderRoute('/review-calibration?quarter=2025-Q4');
    expect(
      await screen.findByText('No scored pull request was merged in this quarter for this scope.'),
    ).toBeInTheDocument();
  });
});
