import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryBuilder, isolateGitConfig } from './evaluation/history-builder';
import { traceFix, type TraceResult } from './szz-tracer';
import { filterIntroducersByWindow, traceFixRange } from './trace-range';

/** Each refinement over plain blame, on a small real history built with git commands. */
describe('traceFix', () => {
  let root: string;
  let restore: () => void;
  let counter = 0;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'szz-tracer-'));
    restore = isolateGitConfig(root);
  });
  afterAll(async () => {
    restore();
    await rm(root, { recursive: true, force: true });
  });
  const newRepo = (): Promise<HistoryBuilder> =>
    HistoryBuilder.create(join(root, `repo-${(counter += 1)}`));
  const shas = (result: TraceResult): string[] =>
    result.introducers.map((introducer) => introducer.sha);

  const base = [
    'function price(order) {',
    '  const net = order.total;',
    '  const tax = net * 0.2;',
    '  return net + tax;',
    '}',
    '',
  ].join('\n');

  it('blames the deleted and changed lines on the commits that last wrote them', async () => {
    const repo = await newRepo();
    await repo.write('src/price.js', base);
    const initial = await repo.commit('initial');
    await repo.edit('src/price.js', (c) => c.replace('net * 0.2', 'net * 2'));
    const bug = await repo.commit('tax change');
    await repo.edit('src/price.js', (c) =>
      c
        .replace('net * 2', 'net * 0.2')
        .replace('  return net + tax;\n', '  return Math.round(net + tax);\n'),
    );
    const fix = await repo.commit('fix tax');

    const result = await traceFix({ gitDir: repo.gitDir, fixSha: fix });
    expect(shas(result)).toEqual([initial, bug].sort());
    const bugIntroducer = result.introducers.find((introducer) => introducer.sha === bug);
    expect(bugIntroducer).toMatchObject({
      lineCount: 1,
      files: ['src/price.js'],
      summary: 'tax change',
      parentCount: 1,
    });
    expect(bugIntroducer?.lines).toEqual([
      { path: 'src/price.js', line: 3, originPath: 'src/price.js', originLine: 3 },
    ]);
    expect(bugIntroducer?.authorTime.getTime()).toBeLessThan(result.fixAuthorTime.getTime());
    expect(result.parentSha).toBe(bug);
  });

  it('does not trace lines the fix only re-indented, and blames through whitespace-only commits', async () => {
    const repo = await newRepo();
    await repo.write('src/price.js', base);
    await repo.commit('initial');
    await repo.edit('src/price.js', (c) => c.replace('net * 0.2', 'net * 2'));
    const bug = await repo.commit('tax change');
    await repo.edit('src/price.js', (c) => c.replace(/^ {2}/gm, '    '));
    await repo.commit('re-indent');
    await repo.edit('src/price.js', (c) =>
      c.replace('net * 2', 'net * 0.2').replace('    return net + tax;', '  return net + tax;'),
    );
    const fix = await repo.commit('fix tax and indentation');

    const result = await traceFix({ gitDir: repo.gitDir, fixSha: fix });
    expect(shas(result)).toEqual([bug]);
    expect(result.stats.skippedFormattingOnly).toBe(1);
    const plain = await traceFix({
      gitDir: repo.gitDir,
      fixSha: fix,
      options: { ignoreWhitespace: false, skipCosmeticCommits: false },
    });
    expect(plain.introducers).toHaveLength(1);
    expect(shas(plain)).not.toEqual([bug]);
  });

  it('walks through a formatting-only commit that split the buggy line (ignore-rev)', async () => {
    const repo = await newRepo();
    await repo.write('src/price.ts', base.replace('order)', 'order: Order)'));
    await repo.commit('initial');
    await repo.edit('src/price.ts', (c) =>
      c.replace('const tax = net * 0.2;', "const tax = computeTax(net, 'eu', 2);"),
    );
    const bug = await repo.commit('tax by region');
    await repo.edit('src/price.ts', (c) =>
      c.replace(
        "const tax = computeTax(net, 'eu', 2);",
        'const tax = computeTax(\n    net,\n    "eu",\n    2,\n  );',
      ),
    );
    const formatter = await repo.commit('prettier');
    await repo.edit('src/price.ts', (c) => c.replace('    2,\n', '    0.2,\n'));
    const fix = await repo.commit('fix rate');

    const result = await traceFix({ gitDir: repo.gitDir, fixSha: fix });
    expect(shas(result)).toEqual([bug]);
    expect(result.stats.cosmeticCommits).toEqual([formatter]);
    const withoutSkip = await traceFix({
      gitDir: repo.gitDir,
      fixSha: fix,
      options: { skipCosmeticCommits: false },
    });
    expect(shas(withoutSkip)).toEqual([formatter]);
  });

  it('does not trace comment, docstring or blank lines', async () => {
    const repo = await newRepo();
    await repo.write(
      'app/tax.py',
      [
        'def tax(net):',
        '    """Tax for a net amount.',
        '',
        '    Rates come from config.',
        '    """',
        '    # flat rate',
        '',
        '    return net * 0.2',
        '',
      ].join('\n'),
    );
    await repo.write(
      'db/schema.sql',
      ['-- orders table', 'CREATE TABLE orders (id int);', ''].join('\n'),
    );
    await repo.write(
      'src/a.ts',
      ['/*', ' * Block comment', ' */', 'export const a = 1; // one', ''].join('\n'),
    );
    await repo.commit('initial');
    await repo.edit('app/tax.py', (c) =>
      c
        .replace('Rates come from config.', 'Rates come from settings.')
        .replace('# flat rate\n\n', '# flat rate, see docs\n'),
    );
    await repo.edit('db/schema.sql', (c) => c.replace('-- orders table', '-- the orders'));
    await repo.edit('src/a.ts', (c) =>
      c.replace(' * Block comment', ' * A block comment').replace('// one', '// the first'),
    );
    const fix = await repo.commit('comments only');

    const result = await traceFix({ gitDir: repo.gitDir, fixSha: fix });
    expect(result.introducers).toEqual([]);
    expect(result.stats.skippedCommentOrBlank).toBe(5);
    expect(result.stats.skippedFormattingOnly).toBe(1);
    const plain = await traceFix({
      gitDir: repo.gitDir,
      fixSha: fix,
      options: { skipCommentsAndBlanks: false, ignoreWhitespace: false },
    });
    expect(plain.stats.tracedLines).toBe(6);
  });

  it('follows a file renamed and moved to another directory between the bug and the fix', async () => {
    const repo = await newRepo();
    await repo.write('src/price.js', base);
    await repo.commit('initial');
    await repo.edit('src/price.js', (c) => c.replace('net * 0.2', 'net * 2'));
    const bug = await repo.commit('tax change');
    await repo.move('src/price.js', 'lib/billing/pricing.js');
    await repo.edit('lib/billing/pricing.js', (c) =>
      c.replace('function price', 'export function price'),
    );
    await repo.commit('move to lib/billing');
    await repo.edit('lib/billing/pricing.js', (c) => c.replace('net * 2', 'net * 0.2'));
    const fix = await repo.commit('fix tax');

    const result = await traceFix({ gitDir: repo.gitDir, fixSha: fix });
    expect(shas(result)).toEqual([bug]);
    expect(result.introducers[0]?.lines[0]).toMatchObject({
      path: 'lib/billing/pricing.js',
      originPath: 'src/price.js',
    });
  });

  it('credits a line merged from a branch to the branch commit, and diffs a merge fix against its first parent', async () => {
    const repo = await newRepo();
    await repo.write('src/price.js', base);
    await repo.commit('initial');
    await repo.checkout('feature', true);
    await repo.edit('src/price.js', (c) => c.replace('net * 0.2', 'net * 2'));
    const bug = await repo.commit('tax change on a branch');
    await repo.checkout('main');
    await repo.write('other.js', 'export const other = 1;\n');
    await repo.commit('parallel work');
    const merge = await repo.merge('feature', 'Merge feature');
    await repo.checkout('hotfix', true);
    await repo.edit('src/price.js', (c) => c.replace('net * 2', 'net * 0.2'));
    await repo.commit('fix tax');
    await repo.checkout('main');
    await repo.write('other.js', 'export const other = 2;\n');
    const mainline = await repo.commit('more work on main');
    const fixMerge = await repo.merge('hotfix', 'Merge hotfix');

    const result = await traceFix({ gitDir: repo.gitDir, fixSha: fixMerge });
    expect(result.parentSha).toBe(mainline);
    expect(shas(result)).toEqual([bug]);
    expect(shas(result)).not.toContain(merge);
    expect(result.introducers[0]?.parentCount).toBe(1);
  });

  it('returns nothing for a fix that only adds lines, or for a root commit', async () => {
    const repo = await newRepo();
    await repo.write('src/price.js', base);
    const initial = await repo.commit('initial');
    await repo.edit('src/price.js', (c) =>
      c.replace(
        '  const net = order.total;\n',
        '  if (!order) return 0;\n  const net = order.total;\n',
      ),
    );
    const fix = await repo.commit('guard');

    const added = await traceFix({ gitDir: repo.gitDir, fixSha: fix });
    expect(added.introducers).toEqual([]);
    expect(added.stats).toMatchObject({ removedLines: 0, tracedLines: 0 });
    const root = await traceFix({ gitDir: repo.gitDir, fixSha: initial });
    expect(root).toMatchObject({ parentSha: null, introducers: [] });
  });

  it('traces a fix whose diff holds NUL bytes (a file git is told to diff as text)', async () => {
    const repo = await newRepo();
    // In the repository's own attributes: a bare mirror reads no .gitattributes from the tree.
    await writeFile(join(repo.gitDir, 'info', 'attributes'), '*.dat diff\n');
    await repo.write('table.dat', 'rate\0 0.2\nlimit\0 10\n');
    const initial = await repo.commit('initial');
    await repo.edit('table.dat', (c) => c.replace('0.2', '2'));
    const bug = await repo.commit('rate change');
    await repo.edit('table.dat', (c) => c.replace('\0 2', '\0 0.2'));
    const fix = await repo.commit('fix rate');

    const result = await traceFix({ gitDir: repo.gitDir, fixSha: fix });
    expect(result.parentSha).toBe(bug);
    expect(shas(result)).toEqual([bug]);
    expect(shas(result)).not.toContain(initial);
  });

  it('ignores documentation and lockfile changes, accepts any revision, rejects unknown ones', async () => {
    const repo = await newRepo();
    await repo.write('README.md', 'Use it well.\n');
    await repo.write('package-lock.json', '{\n  "lockfileVersion": 3\n}\n');
    await repo.write('src/price.js', base);
    await repo.commit('initial');
    await repo.write('README.md', 'Use it wisely.\n');
    await repo.write('package-lock.json', '{\n  "lockfileVersion": 4\n}\n');
    await repo.commit('docs');
    await repo.git(['tag', 'v1']);

    const result = await traceFix({ gitDir: repo.gitDir, fixSha: 'v1' });
    expect(result.introducers).toEqual([]);
    expect(result.stats.skippedIgnoredPath).toBe(2);
    await expect(traceFix({ gitDir: repo.gitDir, fixSha: 'no-such-branch' })).rejects.toThrow(
      /unknown revision/,
    );
    await expect(traceFix({ gitDir: repo.gitDir, fixSha: '--output=/tmp/x' })).rejects.toThrow(
      /unknown revision/,
    );
  });

  it('traces a range of fix commits without blaming the range on itself, and filters by time window', async () => {
    const repo = await newRepo();
    await repo.write('src/price.js', base);
    const initial = await repo.commit('initial');
    await repo.edit('src/price.js', (c) => c.replace('net * 0.2', 'net * 2'));
    const bug = await repo.commit('tax change');
    await repo.edit('src/price.js', (c) => c.replace('net * 2', 'net * 0.3'));
    const first = await repo.commit('fix attempt');
    await repo.edit('src/price.js', (c) =>
      c.replace('net * 0.3', 'net * 0.2').replace('net + tax', 'tax + net'),
    );
    const second = await repo.commit('fix for real');

    const range = await traceFixRange(repo.gitDir, [first, second]);
    expect(range.fixShas).toEqual([first, second]);
    expect(range.introducers.map((introducer) => introducer.sha)).toEqual([initial, bug].sort());

    const last = range.perFix[1];
    if (last === undefined) throw new Error('missing trace');
    const fixTime = { fixAuthorTime: last.fixAuthorTime, fixCommitTime: last.fixCommitTime };
    // Commits are an hour apart: a window of 2.5 hours keeps the bug and drops the initial import.
    const windowDays = 2.5 / 24;
    expect(
      filterIntroducersByWindow(range.introducers, fixTime, { maxAgeDays: windowDays }).map(
        (i) => i.sha,
      ),
    ).toEqual([bug]);
    expect(
      filterIntroducersByWindow(
        range.introducers,
        { fixAuthorTime: new Date(0), fixCommitTime: new Date(0) },
        {},
      ),
    ).toEqual([]);
  });
});
