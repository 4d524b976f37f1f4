import { fieldKeyOf } from './issue.converter';
import { reopenCount, sprintStays, workItemAsOf, type ChangeFact } from './work-item-history';
import { generateJiraDataset, simStatuses } from './simulator/dataset-generator';
import { toWiki } from './simulator/rich-text.render';
import type { JiraFieldCatalog } from './field-discovery';

const at = (iso: string) => new Date(iso);
const change = (
  fieldKey: string,
  changedAt: string,
  from: [string | null, string | null],
  to: [string | null, string | null],
): ChangeFact => ({
  fieldKey,
  changedAt: at(changedAt),
  fromValue: from[0],
  fromString: from[1],
  toValue: to[0],
  toString: to[1],
});

describe('workItemAsOf', () => {
  const current = {
    summary: 'Export v2',
    description: 'Now with AC\n\nh3. Acceptance criteria\n* header row',
    acceptanceCriteriaField: null,
    storyPoints: 8,
    status: 'Done',
    statusId: '4',
  };
  const changes = [
    change('status', '2026-01-02T10:00:00Z', ['1', 'To Do'], ['3', 'In Progress']),
    change(
      'description',
      '2026-01-03T10:00:00Z',
      [null, 'Export invoices'],
      [null, current.description],
    ),
    change('story_points', '2026-01-04T10:00:00Z', [null, '3'], [null, '8']),
    change('summary', '2026-01-04T11:00:00Z', [null, 'Export'], [null, 'Export v2']),
    change('status', '2026-01-05T10:00:00Z', ['3', 'In Progress'], ['4', 'Done']),
  ];

  it('gives the ticket as it was when work started', () => {
    const started = workItemAsOf(current, changes, at('2026-01-02T10:00:00Z'));
    expect(started).toMatchObject({
      summary: 'Export',
      description: 'Export invoices',
      storyPoints: 3,
      status: 'In Progress',
      statusId: '3',
    });
    expect(started.acceptanceCriteria.found).toBe(false);
  });

  it('gives the current ticket after the last change, and the creation state before the first', () => {
    expect(workItemAsOf(current, changes, at('2026-02-01T00:00:00Z'))).toMatchObject({
      ...current,
      acceptanceCriteria: { found: true, source: 'heading' },
    });
    expect(workItemAsOf(current, changes, at('2025-12-31T00:00:00Z'))).toMatchObject({
      status: 'To Do',
      storyPoints: 3,
    });
  });

  it('reconstructs every generated issue at creation from its changelog', () => {
    const dataset = generateJiraDataset({ seed: 9, issueCount: 200 });
    const catalog: JiraFieldCatalog = {
      ids: dataset.fieldIds,
      names: {
        storyPoints: 'Story Points',
        sprint: 'Sprint',
        epicLink: 'Epic Link',
        acceptanceCriteria: 'Acceptance Criteria',
      },
    };
    let checked = 0;
    for (const issue of dataset.issues) {
      const facts = issue.histories.flatMap((history) =>
        history.items.map((item) => ({
          fieldKey: fieldKeyOf(item.field, item.fieldId, catalog),
          fromValue: item.from,
          fromString: item.fromString,
          toValue: item.to,
          toString: item.toString,
          changedAt: at(history.created),
        })),
      );
      const state = workItemAsOf(
        {
          summary: issue.summary,
          description: issue.description === null ? null : toWiki(issue.description),
          acceptanceCriteriaField:
            issue.acceptanceCriteria === null ? null : toWiki(issue.acceptanceCriteria),
          storyPoints: issue.storyPoints,
          status: 'x',
          statusId: issue.statusId,
        },
        facts,
        at(issue.created),
      );
      // The generator starts every issue in To Do.
      expect(state.status === 'To Do' || facts.every((fact) => fact.fieldKey !== 'status')).toBe(
        true,
      );
      if (facts.some((fact) => fact.fieldKey === 'story_points'))
        expect(state.storyPoints).toBe((issue.storyPoints ?? 0) - 2);
      checked += 1;
    }
    expect(checked).toBe(200);
  });
});

describe('reopenCount', () => {
  const categories = new Map(
    simStatuses.flatMap(
      (status) =>
        [
          [status.id, status.category],
          [status.name, status.category],
        ] as const,
    ),
  );
  it('counts done -> not done transitions only', () => {
    const changes = [
      change('status', '2026-01-01T00:00:00Z', ['10000', 'To Do'], ['10002', 'Done']),
      change('status', '2026-01-02T00:00:00Z', ['10002', 'Done'], ['3', 'In Progress']),
      change('status', '2026-01-03T00:00:00Z', ['3', 'In Progress'], ['10002', 'Done']),
      change('status', '2026-01-04T00:00:00Z', ['10002', 'Done'], ['10000', 'To Do']),
      change('resolution', '2026-01-04T00:00:00Z', [null, 'Done'], [null, null]),
    ];
    expect(reopenCount(changes, (value) => categories.get(value))).toBe(2);
    expect(reopenCount(changes.slice(0, 1), (value) => categories.get(value))).toBe(0);
  });
});

describe('sprintStays', () => {
  it('rebuilds stays, carry-overs and removals from the Sprint changelog', () => {
    const created = at('2026-01-01T00:00:00Z');
    const changes = [
      change('sprint', '2026-01-02T00:00:00Z', [null, null], ['11', 'S1']),
      change('sprint', '2026-01-15T00:00:00Z', ['11', 'S1'], ['11, 12', 'S1, S2']),
      change('sprint', '2026-01-20T00:00:00Z', ['11, 12', 'S1, S2'], ['12', 'S2']),
    ];
    expect(sprintStays([12], changes, created)).toEqual([
      { sprintId: 11, addedAt: at('2026-01-02T00:00:00Z'), removedAt: at('2026-01-20T00:00:00Z') },
      { sprintId: 12, addedAt: at('2026-01-15T00:00:00Z'), removedAt: null },
    ]);
  });

  it('puts an item created inside a sprint in it from creation', () => {
    expect(sprintStays([7], [], at('2026-01-01T00:00:00Z'))).toEqual([
      { sprintId: 7, addedAt: at('2026-01-01T00:00:00Z'), removedAt: null },
    ]);
  });
});
