import {
  compareWorkItemKeys,
  parseWorkItemKey,
  workItemListQuerySchema,
  workItemParamsSchema,
  workItemSchema,
} from './work-items.js';

describe('work item keys', () => {
  it('parses project and number', () => {
    expect(parseWorkItemKey('ENG-42')).toEqual({ project: 'ENG', number: 42 });
    expect(parseWorkItemKey('MY_PROJ2-7')).toEqual({ project: 'MY_PROJ2', number: 7 });
    expect(parseWorkItemKey('UTF8')).toBeNull();
    expect(parseWorkItemKey('ENG-')).toBeNull();
  });

  it('orders by project, then by number rather than text', () => {
    expect(['ENG-10', 'ABC-3', 'ENG-2', 'ENG-1'].sort(compareWorkItemKeys)).toEqual([
      'ABC-3',
      'ENG-1',
      'ENG-2',
      'ENG-10',
    ]);
  });

  it('upper-cases keys from paths and queries', () => {
    expect(workItemParamsSchema.parse({ key: 'eng-42' })).toEqual({ key: 'ENG-42' });
    expect(workItemParamsSchema.safeParse({ key: 'eng42' }).success).toBe(false);
    expect(workItemListQuerySchema.parse({ project: 'eng' })).toEqual({
      project: 'ENG',
      limit: 100,
    });
  });

  it('names the failing fields of a list query', () => {
    const result = workItemListQuerySchema.safeParse({
      project: 'ENG-1',
      statusCategory: 'Done',
      limit: '0',
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'limit',
      'project',
      'statusCategory',
    ]);
  });
});

describe('workItemSchema', () => {
  const item = {
    key: 'ENG-1',
    project: 'ENG',
    type: 'Story',
    summary: 'Checkout',
    status: 'Done',
    statusCategory: 'done',
    createdAt: '2026-01-05T09:00:00.000Z',
    resolvedAt: '2026-01-07T09:00:00.000Z',
    storyPoints: 3,
    reopenCount: 1,
    contextScore: null,
  };

  it('accepts a work item and refuses a score out of 0..100', () => {
    expect(workItemSchema.parse(item)).toEqual(item);
    expect(workItemSchema.safeParse({ ...item, contextScore: 101 }).success).toBe(false);
    expect(workItemSchema.safeParse({ ...item, statusCategory: 'Done' }).success).toBe(false);
  });
});
