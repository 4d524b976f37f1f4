import { selectTraceableLines, toLineRanges } from './traceable-lines';
import type { DiffHunk } from './unified-diff.parser';

const hunk = (removed: [number, string][], added: [number, string][]): DiffHunk => ({
  oldStart: removed[0]?.[0] ?? 0,
  oldCount: removed.length,
  newStart: added[0]?.[0] ?? 0,
  newCount: added.length,
  removed: removed.map(([line, text]) => ({ line, text })),
  added: added.map(([line, text]) => ({ line, text })),
});
const all = { skipCommentsAndBlanks: true, skipFormattingOnly: true };

describe('selectTraceableLines', () => {
  it('keeps changed code, skips blank/comment lines and lines only re-indented', () => {
    const oldCode = ['a', '  if (x > 1) {', '', '    go();', '  }'];
    const newCode = ['a', '  if (x >= 1) {', '  go();', '  }'];
    const hunks = [
      hunk(
        [
          [2, '  if (x > 1) {'],
          [3, '// note'],
          [4, '    go();'],
        ],
        [
          [2, '  if (x >= 1) {'],
          [3, '  go();'],
        ],
      ),
    ];
    expect(selectTraceableLines(hunks, oldCode, newCode, all)).toEqual({
      lines: [2],
      commentOrBlank: 1,
      formattingOnly: 1,
    });
    expect(
      selectTraceableLines(hunks, oldCode, newCode, {
        skipCommentsAndBlanks: false,
        skipFormattingOnly: false,
      }).lines,
    ).toEqual([2, 3, 4]);
  });

  it('skips a line the fix split over several lines', () => {
    const oldCode = ['call(a, b, c);'];
    const newCode = ['call(', '  a,', '  b,', '  c,', ');'];
    const hunks = [
      hunk(
        [[1, 'call(a, b, c);']],
        newCode.map((text, index): [number, string] => [index + 1, text]),
      ),
    ];
    expect(selectTraceableLines(hunks, oldCode, newCode, all)).toEqual({
      lines: [],
      commentOrBlank: 0,
      formattingOnly: 1,
    });
  });

  it('traces every removed code line of a hunk that only deletes', () => {
    const oldCode = ['x();', 'y();'];
    expect(
      selectTraceableLines(
        [
          hunk(
            [
              [1, 'x();'],
              [2, 'y();'],
            ],
            [],
          ),
        ],
        oldCode,
        [],
        all,
      ).lines,
    ).toEqual([1, 2]);
  });
});

describe('toLineRanges', () => {
  it('merges consecutive lines into ranges', () => {
    expect(toLineRanges([7, 2, 3, 4, 9, 3])).toEqual([
      [2, 4],
      [7, 7],
      [9, 9],
    ]);
  });
});
