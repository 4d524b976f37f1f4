import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { domainChecksums, githubDomainTables } from '../../sources/github/domain-checksum';
import { createMigratedDataSource, type TestDatabase } from '../../testing/test-database';
import { silentLogger } from '../../testing/silent-logger';
import { loadDemoOrganisation } from '../demo-loader';
import { streamOrganisation } from '../stream-to-files';
import { generatedFiles, replayGeneratedOrganisation } from './replay-generated-org';

const jiraDomainTables = [
  'work_item',
  'work_item_change',
  'work_item_comment',
  'work_item_link',
  'work_item_sprint',
  'sprint',
  'board',
];

/** Row count and content digest per table; lineage (raw payload) and sync times left out. */
async function checksums(dataSource: DataSource): Promise<Record<string, string>> {
  const github = await domainChecksums(dataSource);
  const result: Record<string, string> = {};
  for (const table of githubDomainTables)
    result[table] = `${github[table]?.rows ?? 0} ${github[table]?.md5 ?? ''}`;
  for (const table of jiraDomainTables) {
    const [row] = await dataSource.query<{ rows: number; md5: string }[]>(
      `SELECT count(*)::int AS rows, coalesce(md5(string_agg((to_jsonb(t) - 'raw_payload_id' - 'synced_at')::text, '|' ORDER BY t.id::text)), '') AS md5 FROM "${table}" t`,
    );
    result[table] = `${row?.rows ?? 0} ${row?.md5 ?? ''}`;
  }
  return result;
}

describe('replayGeneratedOrganisation', () => {
  const seed = 11;
  const prs = 300;
  let workDir: string;
  let demo: { dataSource: DataSource; database: TestDatabase };
  let replayed: { dataSource: DataSource; database: TestDatabase };
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'rr-replay-'));
    demo = await createMigratedDataSource();
    replayed = await createMigratedDataSource();
  });
  afterAll(async () => {
    for (const { dataSource, database } of [demo, replayed]) {
      await dataSource.destroy();
      await database.drop();
    }
    await rm(workDir, { recursive: true, force: true });
  });

  it('stores, batch after batch, exactly what one sync of the whole organisation stores', async () => {
    await loadDemoOrganisation({
      dataDir: join(workDir, 'demo'),
      dataSource: demo.dataSource,
      logger: silentLogger(),
      seed,
      scale: { prs },
    });
    const generatedDir = join(workDir, 'streamed');
    const streamed = await streamOrganisation({ seed, prs, outDir: generatedDir, git: true });
    // Newest first: each batch is older than the one before, which a sync cursor carried from
    // one batch to the next would skip.
    for (const file of [generatedFiles.pullRequests, generatedFiles.workItems]) {
      const lines = (await readFile(join(generatedDir, file), 'utf8')).trimEnd().split('\n');
      await writeFile(join(generatedDir, file), `${lines.reverse().join('\n')}\n`);
    }

    const progress: Array<{ source: string; batch: number }> = [];
    const report = await replayGeneratedOrganisation({
      dataSource: replayed.dataSource,
      logger: silentLogger(),
      generatedDir,
      seed,
      // Several batches each, so records must cross from one simulator to the next.
      pullRequestsPerBatch: 70,
      workItemsPerBatch: 110,
      onProgress: (event) => progress.push({ source: event.source, batch: event.batch }),
    });

    expect(report.github.batches).toBe(Math.floor(streamed.pullRequests / 70) + 1);
    expect(report.jira.batches).toBe(Math.ceil(streamed.workItems / 110));
    expect(report.github.pullRequestsStored).toBe(streamed.pullRequests);
    expect(report.jira.issuesSynced).toBe(streamed.workItems);
    expect(report.github.quarantined + report.jira.quarantined).toBe(0);
    expect(progress.filter((event) => event.source === 'github')).toHaveLength(
      report.github.batches,
    );
    const expected = await checksums(demo.dataSource);
    // Every table holds rows (the generator makes no releases), so equal digests mean something.
    expect(
      Object.keys(expected).filter((table) => expected[table]?.startsWith('0 ') === true),
    ).toEqual(['release']);
    expect(await checksums(replayed.dataSource)).toEqual(expected);
  }, 240_000);

  it('refuses a directory the generator did not finish, naming the missing file', async () => {
    const partial = join(workDir, 'partial');
    await streamOrganisation({ seed, prs: 60, outDir: partial, git: false });
    await rm(join(partial, generatedFiles.groundTruth));
    await expect(
      replayGeneratedOrganisation({
        dataSource: replayed.dataSource,
        logger: silentLogger(),
        generatedDir: partial,
        seed,
      }),
    ).rejects.toThrow(`${join(partial, generatedFiles.groundTruth)} is missing`);
  });

  it('refuses an organisation generated without git: its commits have no SHAs', async () => {
    const withoutGit = join(workDir, 'no-git');
    await streamOrganisation({ seed, prs: 60, outDir: withoutGit, git: false });
    await expect(
      replayGeneratedOrganisation({
        dataSource: replayed.dataSource,
        logger: silentLogger(),
        generatedDir: withoutGit,
        seed,
      }),
    ).rejects.toThrow('generated without git');
  });
});
