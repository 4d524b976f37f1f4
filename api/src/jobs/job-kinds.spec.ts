import { parseJobRequest, scopeOf } from './job-kinds';
import { syncRequestsFor } from './sync-scheduler';

describe('job kinds', () => {
  it('names one scope per repository, project, organisation listing and the after-sync steps', () => {
    expect(scopeOf({ queue: 'sync-github', data: { repository: 'Acme/Api' } })).toBe(
      'repo:acme/api',
    );
    expect(scopeOf({ queue: 'sync-github', data: {} })).toBe('org');
    expect(scopeOf({ queue: 'sync-jira', data: { project: 'ENG' } })).toBe('project:ENG');
    expect(scopeOf({ queue: 'sync-jira', data: {} })).toBe('connection');
    expect(scopeOf({ queue: 'after-sync', data: {} })).toBe('all');
    // A re-analysis writes what the after-sync steps write: the same lock, never side by side.
    expect(scopeOf({ queue: 'reanalyse', data: {} })).toBe('all');
  });

  it('refreshes the rollups under the lock of the after-sync steps and re-analysis, which write them too', () => {
    const afterSync = scopeOf({ queue: 'after-sync', data: {} });
    expect(scopeOf({ queue: 'refresh-rollups', data: {} })).toBe(afterSync);
    expect(scopeOf({ queue: 'reanalyse', data: {} })).toBe(afterSync);
  });

  it('rejects payloads that another process could have stored wrong', () => {
    expect(() => parseJobRequest('sync-github', { repository: 'no-slash' })).toThrow();
    expect(() => parseJobRequest('sync-jira', { project: 'eng' })).toThrow();
    expect(() => parseJobRequest('after-sync', { extra: 1 })).toThrow();
    expect(() => parseJobRequest('reanalyse', { full: false })).toThrow();
    expect(() => parseJobRequest('refresh-rollups', { scope: 'team:payments' })).toThrow();
    expect(() => parseJobRequest('refresh-rollups', null)).toThrow();
    expect(parseJobRequest('refresh-rollups', {})).toEqual({ queue: 'refresh-rollups', data: {} });
    expect(() => parseJobRequest('drop-tables', {})).toThrow('unknown job queue');
    expect(parseJobRequest('sync-github', { repository: 'acme/api' })).toEqual({
      queue: 'sync-github',
      data: { repository: 'acme/api' },
    });
  });

  it('splits a sync into the organisation listing or listed repositories, and one job per Jira project', () => {
    const github = {
      apiUrl: 'https://api.github.com',
      auth: { kind: 'token' as const, token: 't' },
    };
    const jira = {
      baseUrl: 'https://jira.test',
      auth: { kind: 'pat' as const, token: 't' },
      deployment: undefined,
      jql: undefined,
    };
    expect(
      syncRequestsFor({
        github: { ...github, org: 'acme', repos: [] },
        jira: { ...jira, projects: ['ENG', 'OPS'] },
      }),
    ).toEqual([
      { queue: 'sync-github', data: {} },
      { queue: 'sync-jira', data: { project: 'ENG' } },
      { queue: 'sync-jira', data: { project: 'OPS' } },
    ]);
    expect(
      syncRequestsFor({
        github: { ...github, org: undefined, repos: ['a/b', 'c/d'] },
        jira: { ...jira, projects: [] },
      }),
    ).toEqual([
      { queue: 'sync-github', data: { repository: 'a/b' } },
      { queue: 'sync-github', data: { repository: 'c/d' } },
      { queue: 'sync-jira', data: {} },
    ]);
    expect(syncRequestsFor({ github: undefined, jira: undefined })).toEqual([]);
  });
});
