import type { DemoStatus } from '@rework-radar/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { mockApi } from '../../../testing/render-route';
import { DemoBanner } from './demo-banner';

const base: DemoStatus = {
  enabled: true,
  state: 'ready',
  stage: 'done',
  message: 'demo organisation reused and synced in 2.3 s',
  done: null,
  total: null,
  startedAt: '2026-11-22T07:52:15.650Z',
  finishedAt: '2026-11-22T07:52:18.081Z',
};

function renderBanner(status: DemoStatus) {
  mockApi({ '/api/demo/status': () => ({ status: 200, body: status }) });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <DemoBanner />
      <p>page</p>
    </QueryClientProvider>,
  );
}

afterEach(() => jest.restoreAllMocks());

describe('DemoBanner', () => {
  it('says the data is the demo organisation and how to connect GitHub and Jira', async () => {
    renderBanner(base);
    const banner = await screen.findByRole('complementary', { name: 'Demo data' });
    expect(banner).toHaveTextContent('generated organisation');
    expect(banner).toHaveTextContent('GITHUB_TOKEN');
    expect(banner).toHaveTextContent('JIRA_BASE_URL');
  });

  it('shows the load progress while the demo is loading', async () => {
    renderBanner({
      ...base,
      state: 'loading',
      stage: 'sync-jira',
      message: 'syncing work items',
      done: 300,
      total: 6550,
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Loading: syncing work items (300/6550)',
    );
  });

  it('is absent when real connections are configured', async () => {
    renderBanner({ ...base, enabled: false, state: 'disabled' });
    expect(await screen.findByText('page')).toBeInTheDocument();
    // Let the status request answer before asserting that nothing appeared.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByRole('complementary', { name: 'Demo data' })).not.toBeInTheDocument();
  });
});
