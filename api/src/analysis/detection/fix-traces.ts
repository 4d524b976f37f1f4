import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { runGit } from '../../sources/git/git-command';
import { CommitFacts, mirrorPath, traceFix } from '../../sources/git';
import { readTestExpectationChanges, touchesTestFiles } from '../core';
import { upsertRows } from '../../sources/jira/domain/upsert-rows';
import type { StoredExpectationReading, StoredIntroducer } from '../storage/analysis-model.entity';

/**
 * Reads: `analysis_fix_trace` (the cache), else the repository's bare mirror under
 * `<dataDir>/git/<owner>/<name>.git`. Writes: one cache row per traced fix commit. A fix commit's
 * trace never changes (git history is immutable), so re-analysis never traces it again.
 */
export interface FixTrace {
  introducers: StoredIntroducer[];
  expectations: StoredExpectationReading;
}

export interface TraceCounts {
  cached: number;
  traced: number;
  failed: number;
}

const emptyExpectations: StoredExpectationReading = {
  rewritesExpectations: false,
  changedAssertions: [],
  addedAssertions: 0,
  testFilesTouched: [],
  addsTestsOnly: false,
};

export async function traceFixes(
  manager: EntityManager,
  requests: ReadonlyArray<{ repositoryId: string; repo: string; sha: string }>,
  options: {
    dataDir: string | null;
    testFileGlobs: readonly string[];
    concurrency?: number;
    /** Traces held before they are written to the cache. */
    flushEvery?: number;
    /** Told of each write: a first analysis of a large organisation traces for hours. */
    logger?: Logger;
  },
  counts: TraceCounts,
): Promise<Map<string, FixTrace>> {
  const result = new Map<string, FixTrace>();
  const ids = requests.map((request) => `${request.repositoryId}@${request.sha}`);
  for (let start = 0; start < ids.length; start += 5000) {
    const rows = await manager.query<
      { id: string; introducers: StoredIntroducer[]; expectations: StoredExpectationReading }[]
    >('SELECT id, introducers, expectations FROM analysis_fix_trace WHERE id = ANY($1::text[])', [
      ids.slice(start, start + 5000),
    ]);
    for (const row of rows)
      result.set(row.id, { introducers: row.introducers, expectations: row.expectations });
  }
  counts.cached += result.size;
  const missing = requests.filter(
    (request) => !result.has(`${request.repositoryId}@${request.sha}`),
  );
  if (options.dataDir === null || missing.length === 0) return result;
  const dataDir = options.dataDir;
  let fresh: Array<{ id: string; trace: FixTrace }> = [];
  let done = 0;
  // Written as they come, so a first analysis stopped after hours of tracing resumes where it was.
  const flush = async (): Promise<void> => {
    const batch = fresh;
    if (batch.length === 0) return;
    fresh = [];
    for (const { id, trace } of batch) result.set(id, trace);
    await storeTraces(manager, batch);
    done += batch.length;
    options.logger?.info(
      { repository: missing[0]?.repo, traced: done, of: missing.length },
      'fix commits traced',
    );
  };
  const commitFacts = new Map<string, CommitFacts>();
  const factsOf = (gitDir: string): CommitFacts => {
    let facts = commitFacts.get(gitDir);
    if (facts === undefined) {
      facts = new CommitFacts(gitDir);
      commitFacts.set(gitDir, facts);
    }
    return facts;
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const request = missing[next++];
      if (request === undefined) return;
      const gitDir = mirrorPath(dataDir, request.repo);
      if (!existsSync(gitDir)) {
        counts.failed += 1;
        continue;
      }
      try {
        const trace = await traceOne(factsOf(gitDir), request.sha, options.testFileGlobs);
        fresh.push({ id: `${request.repositoryId}@${request.sha}`, trace });
        counts.traced += 1;
      } catch {
        // A SHA missing from the mirror (force-pushed away, mirror behind): not cached, retried next run.
        counts.failed += 1;
      }
      if (fresh.length >= (options.flushEvery ?? 500)) await flush();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, () => worker()));
  await flush();
  return result;
}

async function storeTraces(
  manager: EntityManager,
  traces: ReadonlyArray<{ id: string; trace: FixTrace }>,
): Promise<void> {
  const tracedAt = new Date();
  await upsertRows(
    manager,
    {
      table: 'analysis_fix_trace',
      columns: [
        ['id', (row: { id: string; trace: FixTrace }) => row.id],
        ['introducers', (row) => JSON.stringify(row.trace.introducers)],
        ['expectations', (row) => JSON.stringify(row.trace.expectations)],
        ['traced_at', () => tracedAt],
      ],
      keepOnUpdate: ['traced_at'],
    },
    traces,
  );
}

async function traceOne(
  commitFacts: CommitFacts,
  sha: string,
  testFileGlobs: readonly string[],
): Promise<FixTrace> {
  const { gitDir } = commitFacts;
  const trace = await traceFix({ gitDir, fixSha: sha, options: { concurrency: 1 }, commitFacts });
  const introducers = trace.introducers.map((introducer) => ({
    sha: introducer.sha,
    lines: introducer.lineCount,
    at: introducer.committerTime.toISOString(),
  }));
  // The reading looks at test and snapshot files only: without them the diff would be read for nothing.
  if (trace.parentSha === null || !touchesTestFiles(trace.changedPaths, testFileGlobs))
    return { introducers, expectations: emptyExpectations };
  const diff = await runGit(
    ['diff', '--no-color', '--no-ext-diff', '-U3', trace.parentSha, trace.fixSha],
    { cwd: gitDir },
  );
  const reading = readTestExpectationChanges(diff, testFileGlobs);
  return {
    introducers,
    expectations: {
      rewritesExpectations: reading.rewritesExpectations,
      changedAssertions: reading.changedAssertions.slice(0, 5),
      addedAssertions: reading.addedAssertions,
      testFilesTouched: reading.testFilesTouched.slice(0, 20),
      addsTestsOnly: reading.addsTestsOnly,
    },
  };
}
