import { defaultAnalysisConfig as config, type StatusCategory } from '../core';
import type {
  AnalysisDataset,
  ChangeRecord,
  PullRequestRecord,
  WorkItemRecord,
} from '../domain/analysis-dataset';
import { build } from '../testing/build';
import { contextRow, contextsAtStart } from './context-at-start';

/** One Jira story, its changelog and its merged PRs, as the dataset loader gives them. */
const statuses: Record<string, { name: string; category: StatusCategory }> = {
  '10000': { name: 'To Do', category: 'new' },
  '3': { name: 'In Progress', category: 'indeterminate' },
  '10001': { name: 'Done', category: 'done' },
};
const statusNamed = (name: string): string =>
  Object.entries(statuses).find(([, status]) => status.name === name)?.[0] ?? '';

function move(from: string, to: string, at: string): ChangeRecord {
  return {
    workItemId: 'jira:10412',
    fieldKey: 'status',
    fromValue: statusNamed(from),
    fromString: from,
    toValue: statusNamed(to),
    toString: to,
    changedAt: new Date(at),
    authorIdentityId: 'jira:acc-1',
  };
}

function edit(fieldKey: string, from: string | null, to: string, at: string): ChangeRecord {
  return {
    workItemId: 'jira:10412',
    fieldKey,
    fromValue: null,
    fromString: from,
    toValue: null,
    toString: to,
    changedAt: new Date(at),
    authorIdentityId: 'jira:acc-2',
  };
}

const thin = 'Customers want to export their invoices.';
const detailed = `Finance needs every invoice of a period as one CSV for the accountants.

h3. Acceptance criteria
* One row per invoice line, amounts in the invoice currency
* Credit notes appear as negative lines
* The export covers the calendar month chosen by the user`;

function story(overrides: Partial<WorkItemRecord>): WorkItemRecord {
  return {
    id: 'jira:10412',
    key: 'BILL-412',
    type: 'Story',
    status: 'Done',
    statusId: '10001',
    statusCategory: 'done',
    summary: 'Export invoices as CSV',
    description: detailed,
    acceptanceCriteriaField: null,
    storyPoints: 5,
    parentKey: 'BILL-400',
    labels: [],
    createdAt: new Date('2024-03-01T09:00:00Z'),
    resolvedAt: new Date('2024-03-08T16:00:00Z'),
    ...overrides,
  };
}

function pullRequest(number: number, createdAt: string, mergedAt: string): PullRequestRecord {
  return build.pullRequest({
    number,
    repo: 'acme/billing',
    title: `BILL-412 invoice export (${number})`,
    headRef: 'feature/BILL-412-invoice-export',
    authorLogin: 'noor',
    createdAt: new Date(createdAt),
    mergedAt: new Date(mergedAt),
    additions: 240,
    deletions: 12,
    changedFiles: 6,
    workItemKeys: ['BILL-412'],
  });
}

function dataset(
  item: WorkItemRecord,
  changes: ChangeRecord[],
  pullRequests: PullRequestRecord[] = [],
): AnalysisDataset {
  const categories = new Map<string, StatusCategory>(
    Object.entries(statuses).flatMap(([id, status]) => [
      [id, status.category],
      [status.name, status.category],
    ]),
  );
  return {
    repositories: new Map([
      ['github:acme/billing', { id: 'github:acme/billing', fullName: 'acme/billing' }],
    ]),
    pullRequests: new Map(pullRequests.map((pr) => [pr.id, pr])),
    pullRequestByNumber: new Map(
      pullRequests.map((pr) => [`${pr.repositoryId}#${pr.number}`, pr.id]),
    ),
    pullRequestsByWorkItem: new Map([[item.key, pullRequests.map((pr) => pr.id)]]),
    workItems: new Map([[item.id, item]]),
    workItemByKey: new Map([[item.key, item]]),
    changes: new Map([[item.id, changes]]),
    links: new Map(),
    deployments: [],
    incidents: [],
    statusCategoryOf: (value) => (value === null ? undefined : categories.get(value)),
  };
}

const contextOf = (data: AnalysisDataset) => {
  const context = contextsAtStart(data, config).get('jira:10412');
  if (context === undefined) throw new Error('no context for BILL-412');
  return context;
};

describe('contextsAtStart', () => {
  it('reads the ticket as it was when its PR opened, when the PR came before the move to in progress', () => {
    // The developer opened a draft PR on the thin ticket; the criteria were written the next
    // day, after review questions, and only then did anyone move the ticket.
    const context = contextOf(
      dataset(
        story({}),
        [
          edit('description', thin, detailed, '2024-03-05T11:00:00Z'),
          move('To Do', 'In Progress', '2024-03-06T09:30:00Z'),
          move('In Progress', 'Done', '2024-03-08T16:00:00Z'),
        ],
        [pullRequest(88, '2024-03-04T10:00:00Z', '2024-03-08T15:00:00Z')],
      ),
    );
    expect(context).toMatchObject({
      startedFrom: 'pull-request',
      startedAt: new Date('2024-03-04T10:00:00Z'),
      inProgressAt: new Date('2024-03-06T09:30:00Z'),
    });
    expect(context.score.acceptanceCriteria.found).toBe(false);
    expect(context.score.thinDescription).toBe(true);
    expect(context.score.churn).toEqual([
      { fieldKey: 'description', changedAt: new Date('2024-03-05T11:00:00Z') },
    ]);
    expect(contextRow(context)).toMatchObject({
      startedFrom: 'pull-request',
      inProgressAt: new Date('2024-03-06T09:30:00Z'),
    });
  });

  it('starts at the move to in progress when the ticket moved before any PR opened', () => {
    const context = contextOf(
      dataset(
        story({}),
        [
          move('To Do', 'In Progress', '2024-03-04T09:00:00Z'),
          move('In Progress', 'Done', '2024-03-08T16:00:00Z'),
        ],
        [
          pullRequest(91, '2024-03-06T14:00:00Z', '2024-03-07T10:00:00Z'),
          pullRequest(88, '2024-03-05T10:00:00Z', '2024-03-08T15:00:00Z'),
        ],
      ),
    );
    expect(context).toMatchObject({
      startedFrom: 'status',
      startedAt: new Date('2024-03-04T09:00:00Z'),
      inProgressAt: new Date('2024-03-04T09:00:00Z'),
    });
    expect(context.score.acceptanceCriteria.found).toBe(true);
  });

  it('does not count a description rewritten after the first resolution, then reopened, as churn', () => {
    // Done on the 8th; the bug report rewrote the description and reopened it; done again on
    // the 15th (Jira's resolution date is the latest one). Only the re-estimate during the
    // work, before the first done, is churn.
    const context = contextOf(
      dataset(story({ resolvedAt: new Date('2024-03-15T12:00:00Z') }), [
        move('To Do', 'In Progress', '2024-03-02T09:00:00Z'),
        edit('story_points', '3', '5', '2024-03-04T10:00:00Z'),
        move('In Progress', 'Done', '2024-03-08T16:00:00Z'),
        edit('description', thin, detailed, '2024-03-10T09:00:00Z'),
        move('Done', 'In Progress', '2024-03-11T09:00:00Z'),
        edit('acceptance_criteria', null, 'Credit notes as negative lines', '2024-03-12T09:00:00Z'),
        move('In Progress', 'Done', '2024-03-15T12:00:00Z'),
      ]),
    );
    expect(context.score.churn).toEqual([
      { fieldKey: 'story_points', changedAt: new Date('2024-03-04T10:00:00Z') },
    ]);
  });

  it('ends churn at the first done after start, not at a close before the work began', () => {
    // Closed as a duplicate, reopened a week later and built: the early close resolved nothing.
    const context = contextOf(
      dataset(story({ resolvedAt: new Date('2024-03-20T12:00:00Z') }), [
        move('To Do', 'Done', '2024-03-02T09:00:00Z'),
        move('Done', 'In Progress', '2024-03-09T09:00:00Z'),
        edit('description', thin, detailed, '2024-03-12T09:00:00Z'),
        move('In Progress', 'Done', '2024-03-20T12:00:00Z'),
      ]),
    );
    expect(context.startedAt).toEqual(new Date('2024-03-09T09:00:00Z'));
    expect(context.score.churn.map((change) => change.fieldKey)).toEqual(['description']);
  });

  it('falls back to creation, with no in-progress time, when nothing shows work starting', () => {
    const created = new Date('2024-03-01T09:00:00Z');
    const context = contextOf(dataset(story({ status: 'To Do', resolvedAt: null }), []));
    expect(context).toMatchObject({
      startedFrom: 'created',
      startedAt: created,
      inProgressAt: null,
    });
  });
});
