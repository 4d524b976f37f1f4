import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { generateOrganisation } from './generator/org-stream';

export interface StreamFigures {
  pullRequests: number;
  workItems: number;
  reworkItems: number;
  seconds: number;
  prsPerSecond: number;
  peakRssMb: number;
}

/**
 * The streaming core without git: every month's PRs, work items and ground truth go straight to
 * NDJSON files (or nowhere when `outDir` is undefined), so memory stays flat at any size.
 * Commits are named by commit id here; SHAs exist only when git histories are written.
 */
export async function streamOrganisation(options: {
  seed: number;
  prs: number;
  outDir?: string;
}): Promise<StreamFigures> {
  const started = process.hrtime.bigint();
  let peak = process.memoryUsage().rss;
  const files: Record<string, WriteStream> = {};
  if (options.outDir !== undefined) {
    await mkdir(options.outDir, { recursive: true });
    for (const name of ['pull-requests', 'work-items', 'deployments', 'ground-truth'])
      files[name] = createWriteStream(join(options.outDir, `${name}.ndjson`));
  }
  const write = async (name: string, records: unknown[]): Promise<void> => {
    const stream = files[name];
    if (stream === undefined || records.length === 0) return;
    if (!stream.write(`${records.map((record) => JSON.stringify(record)).join('\n')}\n`))
      await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  };
  const counts = { pullRequests: 0, workItems: 0, reworkItems: 0 };
  for (const event of generateOrganisation({ seed: options.seed, prs: options.prs })) {
    if (event.kind === 'skeleton') continue;
    counts.pullRequests += event.pullRequests.length;
    counts.workItems += event.workItems.length;
    counts.reworkItems += event.groundTruth.length;
    await write('pull-requests', event.pullRequests);
    await write('work-items', event.workItems);
    await write('deployments', event.deployments);
    await write('ground-truth', event.groundTruth);
    peak = Math.max(peak, process.memoryUsage().rss);
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
  };
}
