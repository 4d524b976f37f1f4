import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RepoHistoryWriter } from './git-writer';
import type { GenPullRequest, OrgSkeleton } from './org-model';
import { generateOrganisation } from './org-stream';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rr-writer-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const refs = (gitDir: string): string =>
  execFileSync('git', ['for-each-ref', '--format=%(objectname) %(refname)'], {
    cwd: gitDir,
    encoding: 'utf8',
  });

describe('the git history writer', () => {
  it('writes the same history when it keeps only two files in memory (the rest compact, rebuilt when touched)', async () => {
    let skeleton: OrgSkeleton | undefined;
    const prs: GenPullRequest[] = [];
    for (const event of generateOrganisation({ seed: 3, prs: 900 })) {
      if (event.kind === 'skeleton') skeleton = event.skeleton;
      else prs.push(...event.pullRequests);
    }
    // A repository with reverts and fixes of earlier PRs: the cold path must serve them.
    const reverted = prs.find((pr) => pr.title.startsWith('Revert "'));
    const repo = skeleton?.repos.find((candidate) => candidate.name === reverted?.repo);
    if (repo === undefined) throw new Error('no repository with a revert');
    const own = prs.filter((pr) => pr.repo === repo.name);
    const write = async (name: string, hotFiles?: number): Promise<string> => {
      const gitDir = join(dir, `${name}.git`);
      const writer = await RepoHistoryWriter.open(gitDir, repo, repo.createdAt, { hotFiles });
      for (const pr of own) await writer.write(pr);
      await writer.finish();
      return gitDir;
    };
    const full = refs(await write('full'));
    const bounded = refs(await write('bounded', 2));
    expect(full.split('\n').length).toBeGreaterThan(own.length);
    expect(bounded).toBe(full);
  }, 120_000);
});
