import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimPullRequest } from '../sources/github/simulator/github-dataset';
import type { SimBlock, SimIssue } from '../sources/jira/simulator/simulator-dataset';
import { traceFix } from '../sources/git';
import { buildDemo, type DemoBuild } from './demo-build';

const dirs: string[] = [];
async function build(seed: number, prs: number): Promise<DemoBuild> {
  const dir = await mkdtemp(join(tmpdir(), 'rr-demo-'));
  dirs.push(dir);
  return buildDemo({ seed, prs, outDir: dir });
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const git = (gitDir: string, args: string[]): string =>
  execFileSync('git', args, { cwd: gitDir, encoding: 'utf8' }).trim();

describe('the demo organisation generator', () => {
  let small: DemoBuild;
  beforeAll(async () => {
    small = await build(7, 800);
  }, 120_000);

  it('is deterministic: same seed, same datasets and the same git SHAs; another seed differs', async () => {
    const again = await build(7, 800);
    expect(JSON.stringify(again.github)).toBe(JSON.stringify(small.github));
    expect(JSON.stringify(again.jira)).toBe(JSON.stringify(small.jira));
    expect(JSON.stringify(again.groundTruth)).toBe(JSON.stringify(small.groundTruth));
    for (const [name, dir] of small.gitDirs)
      expect(git(again.gitDirs.get(name) ?? '', ['rev-parse', 'main'])).toBe(
        git(dir, ['rev-parse', 'main']),
      );
    const other = await build(8, 800);
    expect(JSON.stringify(other.github)).not.toBe(JSON.stringify(small.github));
  }, 120_000);

  it('gives every commit, merge commit and deployment a real SHA of its repository', () => {
    for (const repo of small.github.repositories) {
      const dir = small.gitDirs.get(`${repo.owner}/${repo.name}`) ?? '';
      const shas = [
        ...repo.pullRequests.flatMap((pr) => [
          ...pr.commits.map((commit) => commit.sha),
          ...(pr.mergeCommitSha === null ? [] : [pr.mergeCommitSha]),
        ]),
        ...repo.deployments.map((deployment) => deployment.sha),
      ];
      const kinds = execFileSync('git', ['cat-file', '--batch-check=%(objecttype)'], {
        cwd: dir,
        input: `${[...new Set(shas)].join('\n')}\n`,
        encoding: 'utf8',
      });
      expect(
        kinds
          .trim()
          .split('\n')
          .every((kind) => kind === 'commit'),
      ).toBe(true);
      const merged = repo.pullRequests.filter((pr) => pr.state === 'MERGED');
      expect(git(dir, ['rev-list', '--count', '--first-parent', 'main'])).toBe(
        String(merged.length + 1),
      );
    }
  });

  it('traces every follow-up fix that changes lines to a commit of its true origin PR', async () => {
    const prsOf = (repo: string): Map<number, SimPullRequest> =>
      new Map(
        small.github.repositories
          .find((r) => r.name === repo)
          ?.pullRequests.map((pr) => [pr.number, pr]),
      );
    const fixes = small.groundTruth.items.filter(
      (item) => item.modifiesOriginLines && item.kind !== 'revert',
    );
    expect(fixes.length).toBeGreaterThan(20);
    let found = 0;
    for (const item of fixes) {
      const prs = prsOf(item.origin.repo);
      const fix = prs.get(item.rework.pullRequests[0] ?? 0);
      const origin = prs.get(item.origin.pullRequests[0] ?? 0);
      if (fix?.mergeCommitSha == null || origin === undefined)
        throw new Error(`ground truth ${item.id} points at no merged PR`);
      const originShas = new Set([
        ...origin.commits.map((commit) => commit.sha),
        origin.mergeCommitSha,
      ]);
      const result = await traceFix({
        gitDir: small.gitDirs.get(`acme-corp/${item.origin.repo}`) ?? '',
        fixSha: fix.mergeCommitSha,
      });
      if (result.introducers.some((introducer) => originShas.has(introducer.sha))) found += 1;
    }
    const share = found / fixes.length;
    process.stdout.write(
      `demo: ${found}/${fixes.length} follow-up fixes traced to their true origin (${(share * 100).toFixed(1)}%)\n`,
    );
    expect(share).toBeGreaterThanOrEqual(0.95);
    const testOnly = small.groundTruth.items.filter((item) => item.onlyAddsTests);
    expect(testOnly.length).toBeGreaterThan(0);
  }, 120_000);

  it('makes reverts real: Revert "<title>", the origin SHA quoted, and the origin lines gone', () => {
    const reverts = small.groundTruth.items.filter((item) => item.kind === 'revert');
    expect(reverts.length).toBeGreaterThan(3);
    for (const item of reverts) {
      const repo = small.github.repositories.find((r) => r.name === item.origin.repo);
      const origin = repo?.pullRequests.find((pr) => pr.number === item.origin.pullRequests[0]);
      const revert = repo?.pullRequests.find((pr) => pr.number === item.rework.pullRequests[0]);
      if (origin?.mergeCommitSha == null || revert === undefined)
        throw new Error('revert without PRs');
      expect(revert.title).toBe(`Revert "${origin.title}"`);
      expect(revert.commits[0]?.message).toContain(`This reverts commit ${origin.mergeCommitSha}.`);
      const dir = small.gitDirs.get(`acme-corp/${item.origin.repo}`) ?? '';
      // The revert's own diff is the origin's diff inverted.
      const originDiff = git(dir, [
        'diff',
        '--numstat',
        `${origin.mergeCommitSha}^1`,
        origin.mergeCommitSha,
      ]);
      const revertDiff = git(dir, [
        'diff',
        '--numstat',
        `${revert.mergeCommitSha}^1`,
        revert.mergeCommitSha ?? '',
      ]);
      const swapped = (text: string): string[] =>
        text
          .split('\n')
          .map((line) => line.split('\t'))
          .map(([a, d, p]) => `${d}\t${a}\t${p}`)
          .sort();
      expect(revertDiff.split('\n').sort()).toEqual(swapped(originDiff));
    }
  });

  it('tells the story: the context-first team writes criteria after the switch; the velocity team merges more and rubber-stamps more', () => {
    const { story } = small.groundTruth;
    const project = (team: string): string =>
      small.jira.projects.find((p) => p.name === team)?.key ?? '';
    const hasCriteria = (issue: SimIssue): boolean =>
      issue.acceptanceCriteria !== null ||
      (issue.description ?? []).some(
        (block: SimBlock) =>
          block.type === 'taskList' ||
          (block.type === 'heading' && /accept|^AC$|done/i.test(block.text)) ||
          (block.type === 'paragraph' && /^Given /.test(block.text)),
      );
    const worked = (key: string, from: string, before: boolean) =>
      small.jira.issues.filter(
        (issue) =>
          issue.projectKey === key &&
          ['Story', 'Task'].includes(issue.issueType) &&
          issue.histories.some((h) => h.items.some((i) => i.toString === 'In Review')) &&
          issue.created < from === before,
      );
    const share = (issues: SimIssue[]): number =>
      issues.filter(hasCriteria).length / Math.max(1, issues.length);
    const cfKey = project(story.contextFirstTeam);
    expect(share(worked(cfKey, story.contextFirstFrom, false))).toBeGreaterThan(
      share(worked(cfKey, story.contextFirstFrom, true)) + 0.2,
    );

    const velocityRepos = small.github.repositories.filter((repo) =>
      repo.pullRequests.some((pr) => pr.title.includes(project(story.velocityTeam))),
    );
    const merged = velocityRepos
      .flatMap((repo) => repo.pullRequests)
      .filter((pr) => pr.state === 'MERGED');
    const months = (from: string, to: string): number =>
      (Date.parse(to) - Date.parse(from)) / (30.4 * 86_400_000);
    const before = merged.filter((pr) => pr.createdAt < story.velocityFrom);
    const after = merged.filter((pr) => pr.createdAt >= story.velocityFrom);
    const perMonthBefore = before.length / months('2024-07-01', story.velocityFrom);
    const perMonthAfter = after.length / months(story.velocityFrom, '2026-01-01');
    expect(perMonthAfter).toBeGreaterThan(perMonthBefore * 1.2);
    const stamps = (prs: SimPullRequest[]): number =>
      prs.filter((pr) => {
        const size = pr.files.reduce((sum, file) => sum + file.additions + file.deletions, 0);
        const approval = pr.reviews.find((review) => review.state === 'APPROVED');
        return (
          size > 60 &&
          pr.reviews.length === 1 &&
          approval !== undefined &&
          Date.parse(approval.submittedAt) - Date.parse(pr.createdAt) < 30 * 60_000
        );
      }).length / Math.max(1, prs.length);
    expect(stamps(after)).toBeGreaterThan(stamps(before));
  });

  it('writes the ground truth next to the data, with origins, causes and the story', async () => {
    const file = JSON.parse(
      await readFile(small.paths.groundTruth, 'utf8'),
    ) as DemoBuild['groundTruth'];
    expect(file.items.length).toBe(small.groundTruth.items.length);
    const kinds = new Set(file.items.map((item) => item.kind));
    expect([...kinds].sort()).toEqual([
      'follow-up-fix',
      'incident',
      'linked-bug',
      'reopened',
      'revert',
    ]);
    expect(new Set(file.items.map((item) => item.cause))).toEqual(
      new Set(['missing_context', 'execution']),
    );
    expect(
      file.items.some((item) => item.signals.some((signal) => signal.startsWith('contrary:'))),
    ).toBe(true);
  });

  it('builds the default demo size (~4,000 PRs, ~6,000 work items, ~25 incidents) with git in well under a minute', async () => {
    const started = Date.now();
    const full = await build(7, 4000);
    const seconds = (Date.now() - started) / 1000;
    const prs = full.github.repositories.reduce((sum, repo) => sum + repo.pullRequests.length, 0);
    const incidents = full.github.repositories.reduce((sum, repo) => sum + repo.issues.length, 0);
    process.stdout.write(
      `demo: 4,000-PR build with git in ${seconds.toFixed(1)} s: ${prs} PRs, ${full.jira.issues.length} work items, ${incidents} incidents, ${full.groundTruth.items.length} rework items\n`,
    );
    expect(prs).toBeGreaterThan(3600);
    expect(prs).toBeLessThan(4600);
    expect(full.jira.issues.length).toBeGreaterThan(5000);
    expect(full.jira.issues.length).toBeLessThan(7000);
    expect(incidents).toBeGreaterThanOrEqual(20);
    expect(incidents).toBeLessThanOrEqual(32);
    // Each incident follows the deployment that shipped its origin PR, within the 72 h window;
    // some name the PR or the ticket, others only follow the deployment (some after a later one too).
    const truths = full.groundTruth.items.filter((item) => item.kind === 'incident');
    expect(truths).toHaveLength(incidents);
    for (const item of truths) {
      const repo = full.github.repositories.find((r) => r.name === item.origin.repo);
      const origin = repo?.pullRequests.find((pr) => pr.number === item.origin.pullRequests[0]);
      const issue = repo?.issues.find((i) => i.number === item.rework.incidentIssue);
      if (origin?.mergedAt == null || issue === undefined)
        throw new Error(`incident ${item.id} without origin or issue`);
      const started = Date.parse(issue.createdAt);
      const shipping = repo?.deployments.filter(
        (d) =>
          d.statuses.at(-1)?.state === 'SUCCESS' &&
          Date.parse(d.createdAt) >= Date.parse(origin.mergedAt ?? '') &&
          Date.parse(d.createdAt) < started &&
          started - Date.parse(d.createdAt) <= 72 * 3_600_000,
      );
      expect(shipping?.length).toBeGreaterThan(0);
      const fix = repo?.pullRequests.find((pr) => pr.number === item.rework.pullRequests[0]);
      expect(Date.parse(fix?.createdAt ?? '')).toBeGreaterThan(started);
    }
    const styles = new Set(
      truths.flatMap((item) => item.signals.filter((signal) => signal.startsWith('incident:'))),
    );
    expect([...styles].sort()).toEqual([
      'incident:names-pr',
      'incident:names-work-item',
      'incident:window',
      'incident:window-after-later-deploy',
    ]);
    expect(full.github.repositories.length).toBeGreaterThanOrEqual(10);
    expect(seconds).toBeLessThan(60);
  }, 180_000);
});
