import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommitFacts, isFormattingOnlyPatch } from './cosmetic-commit';
import { HistoryBuilder, isolateGitConfig } from './evaluation/history-builder';
import { parseUnifiedDiff } from './unified-diff.parser';

const patch = (path: string, removed: string[], added: string[]): string =>
  [
    `diff --git a/${path} b/${path}`,
    `--- a/${path}`,
    `+++ b/${path}`,
    `@@ -1,${removed.length} +1,${added.length} @@`,
    ...removed.map((l) => `-${l}`),
    ...added.map((l) => `+${l}`),
    '',
  ].join('\n');

describe('isFormattingOnlyPatch', () => {
  it('accepts re-indentation, line splits, quote style and comment edits', () => {
    expect(
      isFormattingOnlyPatch(
        parseUnifiedDiff(
          patch('a.ts', ["  f(a, 'b');"], ['    f(', '      a,', '      "b",', '    );']),
        ),
      ),
    ).toBe(true);
    expect(
      isFormattingOnlyPatch(
        parseUnifiedDiff(patch('a.py', ['x = 1  # old'], ['x = 1  # new', '# more'])),
      ),
    ).toBe(true);
  });

  it('rejects code changes, new files with code and binary changes', () => {
    expect(
      isFormattingOnlyPatch(
        parseUnifiedDiff(patch('a.ts', ['if (x > 1) go();'], ['if (x >= 1) go();'])),
      ),
    ).toBe(false);
    expect(
      isFormattingOnlyPatch(parseUnifiedDiff(patch('a.ts', [], ['export const x = 1;']))),
    ).toBe(false);
    expect(
      isFormattingOnlyPatch(
        parseUnifiedDiff('diff --git a/p.png b/p.png\nBinary files a/p.png and b/p.png differ\n'),
      ),
    ).toBe(false);
    expect(isFormattingOnlyPatch([])).toBe(false);
  });
});

describe('CommitFacts', () => {
  let root: string;
  let restore: () => void;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'commit-facts-'));
    restore = isolateGitConfig(root);
  });
  afterAll(async () => {
    restore();
    await rm(root, { recursive: true, force: true });
  });

  it('tells cosmetic commits from code changes, merges and the root commit, with their parents', async () => {
    const repo = await HistoryBuilder.create(join(root, 'kinds'));
    await repo.write('src/a.ts', 'export const rate = (x: number) => x * 2;\n');
    const initial = await repo.commit('initial');
    await repo.checkout('feature', true);
    await repo.write('src/a.ts', 'export const rate = (x: number) =>\n  x * 2; // doubled\n');
    const formatter = await repo.commit('format');
    await repo.checkout('main');
    await repo.write('src/b.ts', 'export const b = 1;\n');
    const code = await repo.commit('add b');
    const merge = await repo.merge('feature', 'Merge feature');

    const facts = await new CommitFacts(repo.gitDir).of([initial, formatter, code, merge]);
    expect(Object.fromEntries(facts)).toEqual({
      [initial]: { parents: [], cosmetic: false },
      [formatter]: { parents: [initial], cosmetic: true },
      [code]: { parents: [initial], cosmetic: false },
      [merge]: { parents: [code, formatter], cosmetic: false },
    });
  });

  it('reads commits whose diff holds NUL bytes (a file git is told to diff as text)', async () => {
    const repo = await HistoryBuilder.create(join(root, 'nul'));
    // In the repository's own attributes: a bare mirror reads no .gitattributes from the tree.
    await writeFile(join(repo.gitDir, 'info', 'attributes'), '*.bin diff\n');
    await repo.write('data.bin', 'rate\0 2\n');
    const initial = await repo.commit('initial');
    await repo.write('data.bin', '  rate\0 2\n');
    const indent = await repo.commit('indent');
    await repo.write('data.bin', '  rate\0 3\n');
    const change = await repo.commit('change');

    const facts = await new CommitFacts(repo.gitDir).of([indent, change]);
    expect(Object.fromEntries(facts)).toEqual({
      [indent]: { parents: [initial], cosmetic: true },
      [change]: { parents: [indent], cosmetic: false },
    });
  });

  it('reads each commit once: later questions about it are answered without git', async () => {
    const dir = join(root, 'once');
    const repo = await HistoryBuilder.create(dir);
    await repo.write('a.ts', 'export const a = 1;\n');
    const initial = await repo.commit('initial');
    await repo.write('a.ts', 'export const a = 2;\n');
    const second = await repo.commit('second');
    const shared = new CommitFacts(repo.gitDir);
    await shared.of([initial, second]);

    await rm(dir, { recursive: true, force: true });
    expect((await shared.of([second])).get(second)).toEqual({
      parents: [initial],
      cosmetic: false,
    });
    await expect(new CommitFacts(repo.gitDir).of([second])).rejects.toThrow(/git/);
  });
});
