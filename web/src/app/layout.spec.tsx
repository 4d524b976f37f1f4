import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { build, reworkPage } from '../testing/build';
import { mockApi, renderRoute } from '../testing/render-route';

afterEach(() => {
  jest.restoreAllMocks();
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});

function answers() {
  return mockApi({
    '/api/rework': () => reworkPage([build.reworkItem()]),
    '/api/teams': () => ({ status: 200, body: { teams: [build.team()] } }),
  });
}

describe('the app shell', () => {
  it('navigates between every view, carrying team and quarter but not filters', async () => {
    answers();
    renderRoute('/rework?team=payments&quarter=2025-Q3&kind=revert');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    for (const name of [
      'Overview',
      'Rework',
      'Review calibration',
      'Quarterly review',
      'Settings',
      'System health',
    ]) {
      expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
    }
    expect(within(nav).getByRole('link', { name: 'Quarterly review' })).toHaveAttribute(
      'href',
      '/quarterly?team=payments&quarter=2025-Q3',
    );
    expect(within(nav).getByRole('link', { name: 'Settings' })).toHaveAttribute(
      'href',
      '/settings',
    );
  });

  it('keeps the picked quarter and grain in the URL', async () => {
    answers();
    const { router } = renderRoute('/overview');
    const quarter = await screen.findByLabelText('Quarter');
    expect(
      await within(quarter).findByRole('option', { name: '2025 Q4', selected: true }),
    ).toBeInTheDocument();
    await userEvent.selectOptions(quarter, '2025-Q2');
    expect(router.state.location.search).toContain('quarter=2025-Q2');
    await userEvent.selectOptions(screen.getByLabelText('Trend by'), 'week');
    expect(router.state.location.search).toContain('grain=week');
  });

  it('shows on each page only the pickers that page reads', async () => {
    answers();
    const pickers = async (path: string): Promise<string[]> => {
      const { unmount } = renderRoute(path);
      await screen.findByRole('navigation', { name: 'Main' });
      const group = screen.queryByRole('group', { name: 'View scope' });
      const labels =
        group === null
          ? []
          : within(group)
              .getAllByRole('combobox')
              .map((select) => select.closest('label')?.textContent ?? '');
      unmount();
      return labels.map((label) => label.replace(/^(Team|Quarter|Trend by).*$/s, '$1'));
    };
    expect(await pickers('/overview')).toEqual(['Team', 'Quarter', 'Trend by']);
    expect(await pickers('/quarterly')).toEqual(['Team', 'Quarter']);
    expect(await pickers('/rework')).toEqual(['Team']);
    expect(await pickers('/rework/rw-1')).toEqual([]);
    expect(await pickers('/health')).toEqual([]);
  });

  it('switches between light and dark and remembers the choice', async () => {
    answers();
    renderRoute('/rework');
    await userEvent.click(await screen.findByRole('button', { name: 'Switch to dark theme' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(window.localStorage.getItem('rework-radar.theme')).toBe('dark');
    await userEvent.click(screen.getByRole('button', { name: 'Switch to light theme' }));
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('shows Settings to admins only', async () => {
    mockApi({
      '/api/auth/me': () => ({
        status: 200,
        body: {
          id: '6f1c2a8e-3b7d-4c2e-9a41-0d5e8f7b6c3a',
          email: 'vp@acme.test',
          displayName: 'Vera VP',
          role: 'vp',
          teamSlugs: [],
          via: 'session',
        },
      }),
      '/api/rework': () => reworkPage([build.reworkItem()]),
      '/api/teams': () => ({ status: 200, body: { teams: [build.team()] } }),
    });
    renderRoute('/rework');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Overview' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Settings' })).not.toBeInTheDocument();
  });
});
