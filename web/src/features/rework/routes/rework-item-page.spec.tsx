import type { ReworkDetail } from '@rework-radar/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { build, reworkPage } from '../../../testing/build';
import { mockApi, renderRoute } from '../../../testing/render-route';

afterEach(() => jest.restoreAllMocks());

const workItem = {
  key: 'PAY-7',
  project: 'PAY',
  type: 'Story',
  summary: 'Refund partial payments',
  status: 'Done',
  statusCategory: 'done',
  createdAt: '2025-10-01T00:00:00.000Z',
  resolvedAt: '2025-10-20T00:00:00.000Z',
  storyPoints: 5,
  reopenCount: 1,
  contextScore: 35,
};

const itemPath = '/api/rework/follow-up-fix%3Agithub%3Aacme%2Fpay%2312';

function api(detail: () => ReworkDetail) {
  return mockApi({
    [itemPath]: () => ({ status: 200, body: detail() }),
    '/api/work-items/PAY-7': () => ({ status: 200, body: workItem }),
    '/api/rework': () => reworkPage([]),
    '/api/teams': () => ({ status: 200, body: { teams: [] } }),
  });
}

describe('a rework item page', () => {
  it('shows the origin work item with its context score, the model answer and the evidence with links', async () => {
    api(() =>
      build.reworkDetail({
        origin: { pullRequests: ['github:acme/pay#9'], workItems: ['PAY-7'] },
        sourceLinks: [
          { ref: 'PAY-7', url: 'https://jira.example/browse/PAY-7' },
          { ref: 'github:acme/pay#9', url: 'https://github.example/acme/pay/pull/9' },
        ],
      }),
    );
    renderRoute('/rework/follow-up-fix%3Agithub%3Aacme%2Fpay%2312');
    expect(
      await screen.findByRole('heading', { name: /Follow-up fix acme\/pay#12/ }),
    ).toBeInTheDocument();
    const origin = screen.getByRole('article', { name: 'Work item PAY-7' });
    expect(await within(origin).findByText('35 / 100')).toBeInTheDocument();
    expect(within(origin).getByText('Refund partial payments')).toBeInTheDocument();
    expect(within(origin).getByRole('link', { name: 'Open in Jira' })).toHaveAttribute(
      'href',
      'https://jira.example/browse/PAY-7',
    );
    const evidence = screen.getByRole('list', { name: 'Evidence' });
    expect(
      within(evidence).getByText('PAY-7 had no acceptance criteria when work started'),
    ).toBeInTheDocument();
    expect(within(evidence).getByRole('link', { name: 'Open PAY-7 in Jira' })).toHaveAttribute(
      'href',
      'https://jira.example/browse/PAY-7',
    );
    expect(screen.getByRole('link', { name: '#12' })).toHaveAttribute(
      'href',
      'https://github.example/acme/pay/pull/12',
    );
    expect(
      within(screen.getByRole('region', { name: 'Origin' })).getByRole('link', {
        name: 'acme/pay#9',
      }),
    ).toHaveAttribute('href', 'https://github.example/acme/pay/pull/9');
    expect(screen.getByText(/Missing context \(80% confidence, model v1\)/)).toBeInTheDocument();
    expect(
      screen.getByText('One side outweighed the other by a clear margin.'),
    ).toBeInTheDocument();
  });

  it('words a low-confidence decision as a lead to check, not a clear win', async () => {
    const detail = build.reworkDetail();
    api(() => ({
      ...detail,
      model: {
        ...detail.model,
        confidence: 0.3,
        scores: { missing_context: 1.1, execution: 0.6 },
      },
      confidence: 0.3,
    }));
    renderRoute('/rework/follow-up-fix%3Agithub%3Aacme%2Fpay%2312');
    expect(await screen.findByText(/a lead to check, not a verdict/)).toBeInTheDocument();
    expect(screen.queryByText(/by a clear margin/)).not.toBeInTheDocument();
  });

  it('lists each context-score component of the origin work item as it was when work started', async () => {
    api(() =>
      build.reworkDetail({
        originContexts: [
          {
            workItemKey: 'PAY-7',
            startedAt: '2025-10-03T09:00:00.000Z',
            startedFrom: 'status',
            score: 35,
            components: [
              {
                name: 'acceptanceCriteria',
                points: 0,
                max: 30,
                reason: 'no criteria heading, checklist or Given/When/Then',
              },
              { name: 'estimate', points: 10, max: 10, reason: 'estimated at 5 points' },
            ],
          },
        ],
      }),
    );
    renderRoute('/rework/follow-up-fix%3Agithub%3Aacme%2Fpay%2312');
    const components = await screen.findByRole('list', {
      name: /Context when work started/,
    });
    const rows = within(components).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Acceptance criteria: 0 / 30 no criteria heading, checklist or Given/When/Then',
      'Estimate: 10 / 10 estimated at 5 points',
    ]);
  });

  it('saves an override with cause and reason (the api records who), then shows it in the history', async () => {
    let detail = build.reworkDetail();
    const recorded = mockApi({
      [itemPath]: () => ({ status: 200, body: detail }),
      [`POST ${itemPath}/override`]: () => {
        const override = {
          cause: 'execution' as const,
          reason: 'criteria were clear',
          by: 'em@acme.test',
          at: '2025-12-01T10:00:00.000Z',
        };
        detail = build.reworkDetail({ cause: 'execution', override, overrides: [override] });
        return { status: 200, body: detail };
      },
      '/api/work-items/PAY-7': () => ({ status: 200, body: workItem }),
      '/api/rework': () => reworkPage([]),
      '/api/teams': () => ({ status: 200, body: { teams: [] } }),
    });
    renderRoute('/rework/follow-up-fix%3Agithub%3Aacme%2Fpay%2312');
    const form = await screen.findByRole('form', { name: 'Override the cause' });
    expect(within(form).getByRole('button', { name: 'Save override' })).toBeDisabled();
    await userEvent.selectOptions(within(form).getByLabelText('Cause'), 'execution');
    await userEvent.type(within(form).getByLabelText('Reason'), 'criteria were clear');
    await userEvent.click(within(form).getByRole('button', { name: 'Save override' }));
    const history = await screen.findByRole('list', { name: 'Override history' });
    expect(within(history).getByText('criteria were clear')).toBeInTheDocument();
    expect(history).toHaveTextContent('Execution by em@acme.test');
    expect(screen.getByText('set by em@acme.test')).toBeInTheDocument();
    const post = recorded.requests.find((request) => request.method === 'POST');
    expect(post?.body).toEqual({ cause: 'execution', reason: 'criteria were clear' });
  });

  it('shows the api refusal when the override is not saved', async () => {
    mockApi({
      [itemPath]: () => ({ status: 200, body: build.reworkDetail() }),
      [`POST ${itemPath}/override`]: () => ({
        status: 400,
        body: { statusCode: 400, code: 'invalid_input', message: 'reason must not be empty' },
      }),
      '/api/work-items/PAY-7': () => ({
        status: 404,
        body: { statusCode: 404, code: 'not_found', message: 'no such work item' },
      }),
      '/api/rework': () => reworkPage([]),
      '/api/teams': () => ({ status: 200, body: { teams: [] } }),
    });
    renderRoute('/rework/follow-up-fix%3Agithub%3Aacme%2Fpay%2312');
    const form = await screen.findByRole('form', { name: 'Override the cause' });
    expect(
      await screen.findByText('This work item is referenced but not synced.'),
    ).toBeInTheDocument();
    await userEvent.type(within(form).getByLabelText('Reason'), 'x');
    await userEvent.click(within(form).getByRole('button', { name: 'Save override' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('reason must not be empty');
  });
});
