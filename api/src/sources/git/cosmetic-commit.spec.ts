import { isFormattingOnlyPatch } from './cosmetic-commit';
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
