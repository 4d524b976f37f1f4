import {
  pullRequestListQuerySchema,
  pullRequestParamsSchema,
  pullRequestSchema,
  repoFullNameSchema,
} from './pull-requests.js';

describe('repoFullNameSchema', () => {
  it.each(['octo-org/octo-repo', 'Acme/service.api', 'a/b', 'my_ent_org/x-y_z.1'])(
    'accepts %s',
    (value) => {
      expect(repoFullNameSchema.safeParse(value).success).toBe(true);
    },
  );

  it.each(['acme', 'acme/', '/repo', 'a/b/c', 'acme/..', '-acme/x', 'ac me/x', 'acme/x y'])(
    'refuses %j',
    (value) => {
      expect(repoFullNameSchema.safeParse(value).success).toBe(false);
    },
  );
});

describe('pullRequestListQuerySchema', () => {
  it('fills the default limit and keeps the filters', () => {
    expect(pullRequestListQuerySchema.parse({ repo: 'acme/api', state: 'merged' })).toEqual({
      repo: 'acme/api',
      state: 'merged',
      limit: 100,
    });
  });

  it('names the failing fields', () => {
    const result = pullRequestListQuerySchema.safeParse({
      repo: 'nope',
      state: 'MERGED',
      limit: '501',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'limit',
      'repo',
      'state',
    ]);
  });
});

describe('pullRequestParamsSchema', () => {
  it('reads the number from the path', () => {
    expect(pullRequestParamsSchema.parse({ owner: 'acme', name: 'api', number: '12' })).toEqual({
      owner: 'acme',
      name: 'api',
      number: 12,
    });
    expect(
      pullRequestParamsSchema.safeParse({ owner: 'acme', name: 'api', number: '0' }).success,
    ).toBe(false);
    expect(
      pullRequestParamsSchema.safeParse({ owner: 'acme', name: 'api', number: '1.5' }).success,
    ).toBe(false);
  });
});

describe('pullRequestSchema', () => {
  const pr = {
    repo: 'Acme/api',
    number: 3,
    title: 'Fix login',
    author: 'dependabot[bot]',
    state: 'merged',
    createdAt: '2026-01-05T09:00:00.000Z',
    mergedAt: '2026-01-06T09:00:00.000Z',
    closedAt: '2026-01-06T09:00:00.000Z',
    firstReviewAt: null,
    reviewCount: 0,
    additions: 10,
    deletions: 2,
    linkedWorkItemKeys: ['ENG-2', 'ENG-10'],
  };

  it('accepts a pull request with UTC timestamps', () => {
    expect(pullRequestSchema.parse(pr)).toEqual(pr);
  });

  it('refuses timestamps with an offset and unknown states', () => {
    expect(
      pullRequestSchema.safeParse({ ...pr, createdAt: '2026-01-05T10:00:00+01:00' }).success,
    ).toBe(false);
    expect(pullRequestSchema.safeParse({ ...pr, state: 'MERGED' }).success).toBe(false);
  });
});
