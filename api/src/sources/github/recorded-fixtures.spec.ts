import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractIssues, extractReleases, extractRepositories } from './delivery.extractor';

/** Real GitHub responses recorded by @octokit/fixtures go through the extractors unchanged. */
interface RecordedCall {
  method: string;
  path: string;
  status: number;
  response: unknown;
}

function scenario(name: string): RecordedCall[] {
  const file = (require.resolve.paths('@octokit/fixtures') ?? [])
    .map((dir) =>
      join(
        dir,
        '@octokit',
        'fixtures',
        'scenarios',
        'api.github.com',
        name,
        'normalized-fixture.json',
      ),
    )
    .find((candidate) => existsSync(candidate));
  if (file === undefined) throw new Error('@octokit/fixtures is not installed');
  return JSON.parse(readFileSync(file, 'utf8')) as RecordedCall[];
}

describe('extractors on recorded GitHub payloads', () => {
  it('reads a repository', () => {
    const call = scenario('get-repository').find(
      (entry) => entry.path === '/repos/octokit-fixture-org/hello-world',
    );
    const { records, rejected } = extractRepositories([call?.response]);
    expect(rejected).toEqual([]);
    expect(records[0]?.fullName).toBe('octokit-fixture-org/hello-world');
  });

  it('reads every page of issues', () => {
    const issues = scenario('paginate-issues').flatMap((entry) =>
      Array.isArray(entry.response) ? (entry.response as unknown[]) : [],
    );
    const { records, rejected } = extractIssues('octokit-fixture-org/paginate-issues', issues);
    expect(rejected).toEqual([]);
    expect(records.length).toBe(issues.length);
    expect(records.length).toBeGreaterThan(10);
  });

  it('reads a release', () => {
    const call = scenario('release-assets').find((entry) =>
      entry.path.endsWith('/releases/tags/v1.0.0'),
    );
    const { records, rejected } = extractReleases('octokit-fixture-org/release-assets', [
      call?.response,
    ]);
    expect(rejected).toEqual([]);
    expect(records[0]?.tagName).toBe('v1.0.0');
  });

  it('quarantines a malformed record instead of failing the page', () => {
    const { records, rejected } = extractReleases('acme/api', [{ id: 3, tag_name: 42 }]);
    expect(records).toEqual([]);
    expect(rejected[0]).toMatchObject({ kind: 'release', sourceId: '3' });
  });
});
