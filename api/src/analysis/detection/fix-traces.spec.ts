import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { mirrorPath } from '../../sources/git';
import { HistoryBuilder, isolateGitConfig } from '../../sources/git/evaluation/history-builder';
import { createMigratedDataSource, type TestDatabase } from '../../testing/test-database';
import { traceFixes, type TraceCounts } from './fix-traces';

/** The trace cache over a real repository and a real database. */
describe('traceFixes', () => {
  let root: string;
  let restoreGit: () => void;
  let dataSource: DataSource;
  let database: TestDatabase;
  const repo = 'acme/pricing';
  const fixes: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'fix-traces-'));
    restoreGit = isolateGitConfig(root);
    ({ dataSource, database } = await createMigratedDataSource());
    const history = await HistoryBuilder.create(join(root, 'work'));
    await history.write('src/price.js', 'const a = 1;\nconst b = 2;\nconst c = 3;\n');
    await history.commit('initial');
    for (const [from, to] of [
      ['a = 1', 'a = 10'],
      ['b = 2', 'b = 20'],
      ['c = 3', 'c = 30'],
    ] as const) {
      await history.edit('src/price.js', (content) => content.replace(from, to));
      fixes.push(await history.commit(`fix ${from}`));
    }
    const gitDir = mirrorPath(root, repo);
    await mkdir(dirname(gitDir), { recursive: true });
    await symlink(history.gitDir, gitDir);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    restoreGit();
    await rm(root, { recursive: true, force: true });
  });

  const requests = (): Array<{ repositoryId: string; repo: string; sha: string }> =>
    fixes.map((sha) => ({ repositoryId: 'r1', repo, sha }));
  const cachedIds = async (): Promise<string[]> =>
    (await dataSource.query<{ id: string }[]>('SELECT id FROM analysis_fix_trace ORDER BY id')).map(
      (row) => row.id,
    );

  it('keeps the traces written before a run stops, and the next run traces only the rest', async () => {
    // The second write fails, as a crash or a lost connection would stop a long first analysis.
    await dataSource.query(`
      CREATE FUNCTION refuse_second_trace() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT count(*) FROM analysis_fix_trace) >= 1 THEN RAISE EXCEPTION 'stopped'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_second_trace BEFORE INSERT ON analysis_fix_trace
        FOR EACH ROW EXECUTE FUNCTION refuse_second_trace();`);
    const options = { dataDir: root, testFileGlobs: [], concurrency: 1, flushEvery: 1 };
    const first: TraceCounts = { cached: 0, traced: 0, failed: 0 };
    await expect(traceFixes(dataSource.manager, requests(), options, first)).rejects.toThrow(
      'stopped',
    );
    expect(await cachedIds()).toEqual([`r1@${fixes[0]}`]);

    await dataSource.query(
      'DROP TRIGGER refuse_second_trace ON analysis_fix_trace; DROP FUNCTION refuse_second_trace();',
    );
    const second: TraceCounts = { cached: 0, traced: 0, failed: 0 };
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const traces = await traceFixes(dataSource.manager, requests(), { ...options, logger }, second);
    // Each write is told, with how far the repository's tracing has come.
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ msg: 'fix commits traced', repository: repo, traced: 1, of: 2 }),
      expect.objectContaining({ msg: 'fix commits traced', repository: repo, traced: 2, of: 2 }),
    ]);
    expect(second).toEqual({ cached: 1, traced: 2, failed: 0 });
    expect([...traces.keys()].sort()).toEqual(fixes.map((sha) => `r1@${sha}`).sort());
    expect(await cachedIds()).toEqual(fixes.map((sha) => `r1@${sha}`).sort());
    // Each fix is blamed on the commit that last wrote its line: the initial one.
    for (const trace of traces.values()) expect(trace.introducers).toHaveLength(1);
  });
});
