import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RepoHistoryWriter } from './generator/git-writer';
import { generateOrganisation } from './generator/org-stream';

export interface StreamFigures {
  pullRequests: number;
  workItems: number;
  reworkItems: number;
  seconds: number;
  prsPerSecond: number;
  peakRssMb: number;
  /** With git: the largest `git fast-import` process (each repository has its own). */
  importerPeakRssMb?: number;
  /** With git: `owner/name` -> the marks file (`:<commit id> <sha>` per line) naming each commit id's SHA. */
  marks?: Record<string, string>;
}

/**
 * The heap limit the streaming generator runs in, up to 1,000,000 PRs. Its live heap there is
 * 200-330 MB (heap snapshots at the 1M scale: 208 MB at 184k PRs, 256 MB at 500k); only the
 * repositories' current trees grow. Without a limit V8 lets garbage grow the heap towards its
 * 4 GiB default, so a benchmark's peak RSS would say more about V8 than about the generator;
 * finishing 1,000,000 PRs inside this limit shows memory stays bounded.
 */
export const streamingGeneratorHeapMiB = 512;

/** `<outDir>/git/<owner>/<name>.git`, as the demo build lays them out. */
const gitDirOf = (outDir: string, owner: string, name: string): string =>
  join(outDir, 'git', owner, `${name}.git`);

/**
 * The streaming generator: every slice's PRs, work items, deployments, incidents and ground truth
 * go straight to NDJSON files (or nowhere when `outDir` is undefined), so memory stays flat at
 * any size. With `git`, each PR also goes to its repository's `git fast-import` as it comes
 * (needs `outDir`); commits stay named by commit id in the NDJSON and the marks files map ids to
 * SHAs, so no table of every SHA is held in memory.
 */
export async function streamOrganisation(options: {
  seed: number;
  prs: number;
  outDir?: string;
  git?: boolean;
}): Promise<StreamFigures> {
  const started = process.hrtime.bigint();
  let peak = process.memoryUsage().rss;
  const files: Record<string, WriteStream> = {};
  if (options.outDir !== undefined) {
    await mkdir(options.outDir, { recursive: true });
    for (const name of ['pull-requests', 'work-items', 'deployments', 'incidents', 'ground-truth'])
      files[name] = createWriteStream(join(options.outDir, `${name}.ndjson`));
  }
  const write = async (name: string, records: unknown[]): Promise<void> => {
    const stream = files[name];
    if (stream === undefined || records.length === 0) return;
    if (!stream.write(`${records.map((record) => JSON.stringify(record)).join('\n')}\n`))
      await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  };
  const outDir = options.outDir;
  if (options.git === true && outDir === undefined) throw new Error('git histories need outDir');
  const writers = new Map<string, RepoHistoryWriter>();
  let organization = '';
  const counts = { pullRequests: 0, workItems: 0, reworkItems: 0 };
  try {
    for (const event of generateOrganisation({ seed: options.seed, prs: options.prs })) {
      if (event.kind === 'skeleton') {
        organization = event.skeleton.organization;
        if (options.git === true && outDir !== undefined)
          for (const repo of event.skeleton.repos)
            writers.set(
              repo.name,
              await RepoHistoryWriter.open(
                gitDirOf(outDir, organization, repo.name),
                repo,
                repo.createdAt,
              ),
            );
        continue;
      }
      for (const pr of event.pullRequests) await writers.get(pr.repo)?.write(pr);
      counts.pullRequests += event.pullRequests.length;
      counts.workItems += event.workItems.length;
      counts.reworkItems += event.groundTruth.length;
      await write('pull-requests', event.pullRequests);
      await write('work-items', event.workItems);
      await write('deployments', event.deployments);
      await write('incidents', event.incidents);
      await write('ground-truth', event.groundTruth);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
  } catch (error) {
    for (const writer of writers.values()) writer.abort();
    throw error;
  }
  let importerPeak = 0;
  const marks: Record<string, string> = {};
  for (const [name, writer] of writers) {
    importerPeak = Math.max(importerPeak, (await writer.importerPeakRssBytes()) ?? 0);
    marks[`${organization}/${name}`] = await writer.close();
  }
  await Promise.all(
    Object.values(files).map(
      (stream) => new Promise<void>((resolve) => stream.end(() => resolve())),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    ...counts,
    seconds,
    prsPerSecond: Math.round(counts.pullRequests / seconds),
    peakRssMb: Math.round(peak / 1_048_576),
    ...(options.git === true
      ? { importerPeakRssMb: Math.round(importerPeak / 1_048_576), marks }
      : {}),
  };
}
