import picomatch from 'picomatch';
import { globMatcher } from './glob-matcher';
import { parseUnifiedDiff, type FilePatch } from '../../sources/git/unified-diff.parser';

/**
 * Does a fix rewrite existing test expectations (removed or changed assertion lines, expected
 * values in table-driven tests, snapshot lines) or only add tests? Rewriting expectations means
 * the team changed its mind about what the code should do: a missing-context signal. Pure over
 * the diff text (`git diff` or GitHub's `.diff`).
 */
export interface ExpectationChange {
  file: string;
  line: number;
  removed: string;
}

export interface TestExpectationReading {
  rewritesExpectations: boolean;
  changedAssertions: ExpectationChange[];
  addedAssertions: number;
  testFilesTouched: string[];
  addedTestFiles: string[];
  /** Test files changed, only by additions: new tests, no rewritten expectations. */
  addsTestsOnly: boolean;
}

const assertionLine = new RegExp(
  [
    /\bexpect\s*\(.*\)\s*\.\s*(not\s*\.\s*)?(to|resolves|rejects)\w*/.source,
    /\bexpect\s*\(.*\)\s*\.to\b/.source,
    /\bto\s+(eq|eql|equal|be|match|include|have|raise_error|contain)\b/.source,
    /\b(self\.)?assert\w*\s*[(\s]/.source,
    /\bAssert\.\w+\s*\(/.source,
    /\bXCTAssert\w*\s*\(/.source,
    /\b(require|assert)\.(Equal|NotEqual|True|False|Nil|NotNil|Len|Contains|ErrorIs|EqualValues)\w*\s*\(/
      .source,
    /\bt\.(Errorf|Fatalf|is|deepEqual|equal|true|false|same|match|throws|snapshot)\s*\(/.source,
    /\.should(\.|\s*\(|\s+(eq|be|equal|==))/.source,
    /\bshould(Be|Equal|Contain|Throw)\w*\s*\(/.source,
    /\b(want|wanted|expected|expect|exp|wantErr)\w*\s*(:|=|:=)\s*\S/.source,
    /\btoMatchInlineSnapshot\s*\(/.source,
  ].join('|'),
);

const snapshotFile = picomatch(
  [
    '**/__snapshots__/**',
    '**/*.snap',
    '**/*.snap.*',
    '**/snapshots/**',
    '**/*.approved.*',
    '**/*.golden',
    '**/testdata/**/*.golden',
  ],
  { dot: true },
);

function normalise(text: string): string {
  return text.replace(/\s+/g, '').replace(/[;,]$/, '');
}

/** `parseUnifiedDiff` needs `diff --git` headers; plain `diff -u` output gets them added. */
function withGitHeaders(diff: string): string {
  if (/^diff --git /m.test(diff)) return diff;
  return diff.replace(
    /^--- (\S+)[^\n]*\n\+\+\+ (\S+)/gm,
    (whole, a: string, b: string) => `diff --git ${a} ${b}\n${whole}`,
  );
}

function pathOf(file: FilePatch): string {
  return file.newPath ?? file.oldPath ?? '';
}

/** Whether any of these paths is a test or snapshot file: the only files a reading looks at. */
export function touchesTestFiles(
  paths: readonly string[],
  testFileGlobs: readonly string[],
): boolean {
  const isTest = globMatcher(testFileGlobs);
  return paths.some((path) => snapshotFile(path) || isTest(path));
}

export function readTestExpectationChanges(
  diff: string,
  testFileGlobs: readonly string[],
): TestExpectationReading {
  const isTest = globMatcher(testFileGlobs);
  const changedAssertions: ExpectationChange[] = [];
  const touched: string[] = [];
  const addedFiles: string[] = [];
  let addedAssertions = 0;
  let removedTestLines = 0;
  for (const file of parseUnifiedDiff(withGitHeaders(diff))) {
    const path = pathOf(file);
    const snapshot = snapshotFile(path);
    if (!snapshot && !isTest(path)) continue;
    touched.push(path);
    if (file.oldPath === null) addedFiles.push(path);
    const added = file.hunks.flatMap((hunk) => hunk.added);
    const addedNormalised = new Set(added.map((line) => normalise(line.text)));
    addedAssertions += added.filter((line) => assertionLine.test(line.text)).length;
    for (const removed of file.hunks.flatMap((hunk) => hunk.removed)) {
      if (removed.text.trim() === '') continue;
      removedTestLines += 1;
      // A line moved or re-indented is not a changed expectation.
      if (addedNormalised.has(normalise(removed.text))) continue;
      const isSnapshotContent =
        snapshot && !/^\s*(\/\/|#)\s*(jest|vitest)?\s*snapshot/i.test(removed.text);
      if (isSnapshotContent || assertionLine.test(removed.text))
        changedAssertions.push({ file: path, line: removed.line, removed: removed.text.trim() });
    }
  }
  return {
    rewritesExpectations: changedAssertions.length > 0,
    changedAssertions,
    addedAssertions,
    testFilesTouched: touched,
    addedTestFiles: addedFiles,
    addsTestsOnly: touched.length > 0 && removedTestLines === 0 && addedAssertions > 0,
  };
}
