import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GithubDataset } from '../sources/github/simulator/github-dataset';
import type { JiraSimulatorDataset, SimIssue } from '../sources/jira/simulator/simulator-dataset';
import { buildJiraDataset, GithubDatasetBuilder } from './generator/dataset.builders';
import { RepoHistoryWriter } from './generator/git-writer';
import type {
  GenDeployment,
  GenIncident,
  GenPullRequest,
  OrgSkeleton,
} from './generator/org-model';
import { generateOrganisation, generatorVersion } from './generator/org-stream';
import type { GroundTruthFile, GroundTruthItem } from './ground-truth';

export interface DemoBuildOptions {
  seed: number;
  prs: number;
  /** Where the datasets, ground truth and git repositories go. */
  outDir: string;
  onProgress?: (event: { stage: string; message: string; done?: number; total?: number }) => void;
}

export interface DemoBuild {
  github: GithubDataset;
  jira: JiraSimulatorDataset;
  groundTruth: GroundTruthFile;
  /** `owner/name` -> bare git directory holding the repository's real history. */
  gitDirs: Map<string, string>;
  paths: { github: string; jira: string; groundTruth: string; manifest: string };
  pullRequests: number;
}

export const demoFiles = {
  github: 'github-dataset.json',
  jira: 'jira-dataset.json',
  groundTruth: 'ground-truth.json',
  manifest: 'manifest.json',
};

/** `<outDir>/git/<owner>/<name>.git`: the layout the git source's mirrors use too. */
export const demoGitDir = (outDir: string, owner: string, name: string): string =>
  join(outDir, 'git', owner, `${name}.git`);

export function demoFingerprint(seed: number, prs: number): string {
  return createHash('sha256')
    .update(`${generatorVersion}|${seed}|${prs}`)
    .digest('hex')
    .slice(0, 16);
}

/** A generated organisation's ground truth: its rework items and the story the generator told. */
export function groundTruthFileOf(
  skeleton: OrgSkeleton,
  seed: number,
  prs: number,
  items: GroundTruthItem[],
): GroundTruthFile {
  return {
    generatorVersion,
    seed,
    scale: { prs },
    organization: skeleton.organization,
    story: {
      contextFirstTeam: skeleton.story.contextFirstTeam,
      contextFirstFrom: skeleton.story.contextFirstFrom,
      velocityTeam: skeleton.story.velocityTeam,
      velocityFrom: skeleton.story.velocityFrom,
    },
    items,
  };
}

/**
 * Runs the streaming generator once: every PR goes to its repository's fast-import as it comes,
 * while the datasets are assembled in memory (demo sizes); SHAs are filled in when git is done.
 */
export async function buildDemo(options: DemoBuildOptions): Promise<DemoBuild> {
  const progress = options.onProgress ?? (() => undefined);
  await mkdir(options.outDir, { recursive: true });
  let skeleton: OrgSkeleton | undefined;
  const writers = new Map<string, RepoHistoryWriter>();
  const pullRequests: GenPullRequest[] = [];
  const deployments: GenDeployment[] = [];
  const incidents: GenIncident[] = [];
  const issues: SimIssue[] = [];
  const truths: GroundTruthItem[] = [];
  try {
    for (const event of generateOrganisation({ seed: options.seed, prs: options.prs })) {
      if (event.kind === 'skeleton') {
        skeleton = event.skeleton;
        for (const repo of skeleton.repos) {
          writers.set(
            repo.name,
            await RepoHistoryWriter.open(
              demoGitDir(options.outDir, skeleton.organization, repo.name),
              repo,
              repo.createdAt,
            ),
          );
        }
        continue;
      }
      for (const pr of event.pullRequests)
        await (writers.get(pr.repo) as RepoHistoryWriter).write(pr);
      pullRequests.push(...event.pullRequests);
      deployments.push(...event.deployments);
      incidents.push(...event.incidents);
      issues.push(...event.workItems);
      truths.push(...event.groundTruth);
      progress({
        stage: 'generate',
        message: `month ${event.month + 1}: ${pullRequests.length} pull requests, ${issues.length} work items`,
        done: event.month + 1,
        total: skeleton?.months ?? 18,
      });
    }
  } catch (error) {
    for (const writer of writers.values()) writer.abort();
    throw error;
  }
  if (skeleton === undefined) throw new Error('the generator yielded no skeleton');
  progress({ stage: 'git', message: 'writing git histories' });
  const marks = new Map<string, Map<number, string>>();
  for (const [name, writer] of writers) marks.set(name, await writer.finish());
  const shaOf = (repo: string, id: number): string => {
    const sha = marks.get(repo)?.get(id);
    if (sha === undefined) throw new Error(`no commit ${id} in ${repo}`);
    return sha;
  };
  const github = new GithubDatasetBuilder(skeleton);
  github.add(pullRequests, deployments, incidents, shaOf);
  const githubDataset = github.build();
  const jiraDataset = buildJiraDataset(skeleton, issues);
  const groundTruth = groundTruthFileOf(skeleton, options.seed, options.prs, truths);
  const paths = {
    github: join(options.outDir, demoFiles.github),
    jira: join(options.outDir, demoFiles.jira),
    groundTruth: join(options.outDir, demoFiles.groundTruth),
    manifest: join(options.outDir, demoFiles.manifest),
  };
  await writeFile(paths.github, JSON.stringify(githubDataset));
  await writeFile(paths.jira, JSON.stringify(jiraDataset));
  await writeFile(paths.groundTruth, JSON.stringify(groundTruth, null, 1));
  const organization = skeleton.organization;
  const gitDirs = new Map(
    skeleton.repos.map((repo) => [
      `${organization}/${repo.name}`,
      demoGitDir(options.outDir, organization, repo.name),
    ]),
  );
  // Written last: its presence means the build is complete.
  await writeFile(
    paths.manifest,
    JSON.stringify({
      fingerprint: demoFingerprint(options.seed, options.prs),
      generatorVersion,
      seed: options.seed,
      prs: options.prs,
      pullRequests: pullRequests.length,
      workItems: issues.length,
    }),
  );
  return {
    github: githubDataset,
    jira: jiraDataset,
    groundTruth,
    gitDirs,
    paths,
    pullRequests: pullRequests.length,
  };
}
