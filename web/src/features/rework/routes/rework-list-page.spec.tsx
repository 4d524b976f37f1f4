import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { build, reworkPage } from '../../../testing/build';
import { mockApi, renderRoute } from '../../../testing/render-route';

afterEach(() => jest.restoreAllMocks());

const older = build.reworkItem({
  id: 'revert:1',
  kind: 'revert',
  cause: 'execution',
  confidence: 0.9,
  occurredAt: '2025-10-01T00:00:00.000Z',
  effort: { pullRequests: 1, lines: 900, cycleHours: 1 },
});
const newer = build.reworkItem({
  id: 'fix:2',
  occurredAt: '2025-12-01T00:00:00.000Z',
  confidence: 0.55,
});

describe('the rework explorer', () => {
  it('lists rework items with cause, kind, confidence and effort, linking each to its page', async () => {
    mockApi({
      '/api/rework': () => reworkPage([newer, older]),
      '/api/teams': () => ({ status: 200, body: { teams: [] } }),
    });
    renderRoute('/rework');
    const table = await screen.findByRole('table', { name: 'Rework items' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('Follow-up fix');
    expect(rows[1]).toHaveTextContent('Missing context');
    expect(rows[1]).toHaveTextContent('55%');
    expect(rows[2]).toHaveTextContent('Revert');
    expect(within(rows[1]!).getByRole('link', { name: '1 Dec 2025' })).toHaveAttribute(
      'href',
      '/rework/fix%3A2',
    );
  });

  it('sends the filters from the URL to the api and writes new ones back to the URL', async () => {
    const api = mockApi({
      '/api/rework': () => reworkPage([newer]),
      '/api/teams': () => ({ status: 200, body: { teams: [] } }),
    });
    const { router } = renderRoute('/rework?cause=missing_context&from=2025-10-01&to=2025-12-31');
    await screen.findByRole('table', { name: 'Rework items' });
    const listCall = api.requests.find(
      (request) =>
        request.url.pathname === '/api/rework' && request.url.searchParams.get('limit') === '50',
    );
    expect(listCall?.url.searchParams.get('cause')).toBe('missing_context');
    expect(listCall?.url.searchParams.get('from')).toBe('2025-10-01T00:00:00.000Z');
    expect(listCall?.url.searchParams.get('to')).toBe('2026-01-01T00:00:00.000Z');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'revert');
    expect(router.state.location.search).toContain('kind=revert');
    const kindCall = api.requests.findLast((request) => request.url.pathname === '/api/rework');
    expect(kindCall?.url.searchParams.get('kind')).toBe('revert');
    await userEvent.selectOptions(screen.getByLabelText('Min. confidence'), '0.8');
    expect(router.state.location.search).toContain('minConfidence=0.8');
  });

  it('sorts by a column on click, both ways, and keeps the order in the URL', async () => {
    mockApi({
      '/api/rework': () => reworkPage([newer, older]),
      '/api/teams': () => ({ status: 200, body: { teams: [] } }),
    });
    const { router } = renderRoute('/rework');
    const table = await screen.findByRole('table', { name: 'Rework items' });
    await userEvent.click(within(table).getByRole('button', { name: /Effort \(lines\)/ }));
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Revert');
    expect(within(table).getByRole('columnheader', { name: /Effort \(lines\)/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await userEvent.click(within(table).getByRole('button', { name: /Effort \(lines\)/ }));
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Follow-up fix');
    expect(router.state.location.search).toContain('sort=effortLines');
    expect(router.state.location.search).toContain('dir=asc');
  });

  it('loads the next page with the cursor the api gave', async () => {
    const api = mockApi({
      '/api/rework': (request) =>
        request.url.searchParams.get('cursor') === 'c2'
          ? reworkPage([older])
          : reworkPage([newer], 'c2'),
      '/api/teams': () => ({ status: 200, body: { teams: [] } }),
    });
    renderRoute('/rework');
    await screen.findByRole('table', { name: 'Rework items' });
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    const table = screen.getByRole('table', { name: 'Rework items' });
    expect(await within(table).findByText('Revert')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(api.requests.some((request) => request.url.searchParams.get('cursor') === 'c2')).toBe(
      true,
    );
  });

  it('says why the list is empty, and shows api errors with a retry', async () => {
    let calls = 0;
    mockApi({
      '/api/rework': (request) => {
        if (request.url.searchParams.get('limit') === '1') return reworkPage([]);
        calls += 1;
        return calls === 1
          ? { status: 500, body: { statusCode: 500, code: 'internal', message: 'database busy' } }
          : reworkPage([]);
      },
      '/api/teams': () => ({ status: 200, body: { teams: [] } }),
    });
    renderRoute('/rework?kind=incident');
    expect(await screen.findByRole('alert')).toHaveTextContent('database busy');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText(/No rework item matches these filters/)).toBeInTheDocument();
  });
});
