import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi, renderRoute } from '../../../testing/render-route';
import { settingsAnswers, syncStatus } from './settings-fixtures';

/**
 * jsdom has no EventSource: this one stands in for the browser's, keeping what the page
 * subscribed to so a test can push server events through it.
 */
class TestEventSource {
  static opened: TestEventSource[] = [];
  readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  closed = false;

  constructor(readonly url: string) {
    TestEventSource.opened.push(this);
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close() {
    this.closed = true;
  }

  emit(type: string, data: unknown) {
    const event = new MessageEvent(type, { data: JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

afterEach(() => {
  jest.restoreAllMocks();
  Reflect.deleteProperty(globalThis, 'EventSource');
  TestEventSource.opened = [];
});

const activeGithub = (table: HTMLElement) =>
  within(table)
    .getByRole('row', { name: /sync-github/ })
    .querySelectorAll('td')[2];

describe('settings: sync status', () => {
  it('updates live from the server-sent events and closes the stream when leaving', async () => {
    Object.defineProperty(globalThis, 'EventSource', {
      value: TestEventSource,
      configurable: true,
    });
    mockApi(settingsAnswers());
    const { unmount } = renderRoute('/settings');
    const section = await screen.findByRole('region', { name: 'Sync status' });
    const table = await within(section).findByRole('table', { name: 'Jobs per queue' });
    expect(activeGithub(table)).toHaveTextContent('0');
    const [source] = TestEventSource.opened;
    expect(source?.url).toBe('/api/sync/events');
    act(() => source?.emit('status', syncStatus(3, 'Jira answered 503 five times')));
    expect(activeGithub(table)).toHaveTextContent('3');
    expect(section).toHaveTextContent('Live (server-sent events)');
    const jobs = within(section).getByRole('table', { name: 'Latest jobs' });
    expect(within(jobs).getByRole('row', { name: /sync-jira project:PAY/ })).toHaveTextContent(
      'Jira answered 503 five times',
    );
    act(() => source?.emit('status', syncStatus(1)));
    expect(activeGithub(table)).toHaveTextContent('1');
    unmount();
    expect(source?.closed).toBe(true);
  });

  it('falls back to polling GET /api/sync/status when the stream fails', async () => {
    Object.defineProperty(globalThis, 'EventSource', {
      value: TestEventSource,
      configurable: true,
    });
    mockApi(settingsAnswers());
    renderRoute('/settings');
    const section = await screen.findByRole('region', { name: 'Sync status' });
    await within(section).findByRole('table', { name: 'Jobs per queue' });
    act(() => TestEventSource.opened[0]?.emit('error', {}));
    expect(section).toHaveTextContent('Refreshed every 5 s');
  });

  it('polls where the browser has no EventSource, and queues a sync on demand', async () => {
    const api = mockApi(
      settingsAnswers({
        'POST /api/sync': () => ({
          status: 202,
          body: {
            jobs: [
              { queue: 'sync-github', scope: 'org', id: 'a1' },
              { queue: 'sync-jira', scope: 'all', id: null },
            ],
          },
        }),
      }),
    );
    renderRoute('/settings');
    const section = await screen.findByRole('region', { name: 'Sync status' });
    await within(section).findByRole('table', { name: 'Jobs per queue' });
    expect(section).toHaveTextContent('Refreshed every 5 s');
    expect(section).toHaveTextContent('No sync job has run yet.');
    await userEvent.click(within(section).getByRole('button', { name: 'Sync now' }));
    expect(
      await within(section).findByText('Queued 1 job(s); 1 already waiting.'),
    ).toBeInTheDocument();
    expect(
      api.requests.some(
        (request) => request.method === 'POST' && request.url.pathname === '/api/sync',
      ),
    ).toBe(true);
  });

  it('queues a full re-analysis, and says so when one is already waiting', async () => {
    let waiting = false;
    const api = mockApi(
      settingsAnswers({
        'POST /api/analysis/reanalyse': () => {
          const id = waiting ? null : 'r1';
          waiting = true;
          return { status: 202, body: { jobs: [{ queue: 'reanalyse', scope: 'all', id }] } };
        },
      }),
    );
    renderRoute('/settings');
    const section = await screen.findByRole('region', { name: 'Sync status' });
    const button = within(section).getByRole('button', { name: 'Re-analyse all' });
    await userEvent.click(button);
    const outcome = within(section).getByRole('status', { name: 'Re-analysis' });
    await waitFor(() => expect(outcome).toHaveTextContent('Re-analysis queued'));
    await userEvent.click(button);
    await waitFor(() => expect(outcome).toHaveTextContent('A re-analysis is already waiting.'));
    expect(
      api.requests.filter(
        (request) =>
          request.method === 'POST' && request.url.pathname === '/api/analysis/reanalyse',
      ),
    ).toHaveLength(2);
  });
});
