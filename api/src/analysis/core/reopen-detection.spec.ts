import { detectReopens, type StatusCategory, type StatusTransition } from './reopen-detection';

const categories: Record<string, StatusCategory> = {
  'To Do': 'new',
  'In Progress': 'indeterminate',
  'In Review': 'indeterminate',
  Done: 'done',
  Closed: 'done',
  Reopened: 'new',
};
const move = (at: string, from: string, to: string, by = 'jira:ana'): StatusTransition => ({
  at: new Date(at),
  fromStatus: from,
  toStatus: to,
  fromCategory: categories[from] ?? 'new',
  toCategory: categories[to] ?? 'new',
  by,
});

describe('detectReopens', () => {
  it('counts done -> open moves with when and who, and ignores mis-clicks', () => {
    const result = detectReopens(
      [
        move('2024-03-01T09:00:00Z', 'To Do', 'In Progress'),
        move('2024-03-04T16:00:00Z', 'In Review', 'Done'),
        move('2024-03-04T16:03:00Z', 'Done', 'In Progress', 'jira:bo'),
        move('2024-03-04T16:05:00Z', 'In Progress', 'Done', 'jira:bo'),
        move('2024-03-09T10:00:00Z', 'Done', 'Reopened', 'jira:qa-lead'),
        move('2024-03-11T10:00:00Z', 'In Progress', 'Closed'),
        move('2024-03-20T08:00:00Z', 'Closed', 'To Do', 'jira:support'),
        move('2024-03-20T08:04:00Z', 'To Do', 'Done', 'jira:support'),
      ],
      { transientMinutes: 10 },
    );
    expect(result.count).toBe(1);
    expect(result.reopens).toEqual([
      {
        at: new Date('2024-03-09T10:00:00Z'),
        by: 'jira:qa-lead',
        fromStatus: 'Done',
        toStatus: 'Reopened',
        doneAt: new Date('2024-03-04T16:05:00Z'),
      },
    ]);
    expect(result.ignoredTransient.map((reopen) => reopen.by)).toEqual(['jira:bo', 'jira:support']);
  });

  it('counts every reopen when the transient window is 0, in time order whatever the input order', () => {
    const result = detectReopens(
      [
        move('2024-03-04T16:03:00Z', 'Done', 'In Progress'),
        move('2024-03-04T16:00:00Z', 'In Review', 'Done'),
        move('2024-03-04T16:05:00Z', 'In Progress', 'Done'),
      ],
      { transientMinutes: 0 },
    );
    expect(result.count).toBe(1);
  });

  it('does not count done -> done moves (Done -> Closed)', () => {
    expect(
      detectReopens([move('2024-03-04T16:00:00Z', 'Done', 'Closed')], { transientMinutes: 10 })
        .count,
    ).toBe(0);
  });
});
