import { parseUnifiedDiff, unquoteGitPath } from './unified-diff.parser';

describe('parseUnifiedDiff', () => {
  it('reads renames, new, deleted and binary files and numbers removed and added lines', () => {
    const output = [
      'diff --git a/src/old.ts b/lib/new.ts',
      'similarity index 90%',
      'rename from src/old.ts',
      'rename to lib/new.ts',
      'index 1111111..2222222 100644',
      '--- a/src/old.ts',
      '+++ b/lib/new.ts',
      '@@ -3,2 +3 @@ export function f() {',
      '-  const a = 1;',
      '-  --- not a header',
      '+  const a = 2;',
      '@@ -10,0 +10,2 @@',
      '+  added();',
      '+  more();',
      '\\ No newline at end of file',
      'diff --git a/gone.js b/gone.js',
      'deleted file mode 100644',
      '--- a/gone.js',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-x',
      'diff --git a/logo.png b/logo.png',
      'Binary files a/logo.png and b/logo.png differ',
      'diff --git a/"tab\\there.js" b/"tab\\there.js"',
      '--- "a/tab\\there.js"',
      '+++ "b/tab\\there.js"',
      '@@ -5 +5 @@',
      '-y',
      '+z',
      '',
    ].join('\n');
    const [renamed, deleted, binary, quoted] = parseUnifiedDiff(output);
    expect(renamed).toMatchObject({ oldPath: 'src/old.ts', newPath: 'lib/new.ts', binary: false });
    expect(renamed?.hunks[0]).toEqual({
      oldStart: 3,
      oldCount: 2,
      newStart: 3,
      newCount: 1,
      removed: [
        { line: 3, text: '  const a = 1;' },
        { line: 4, text: '  --- not a header' },
      ],
      added: [{ line: 3, text: '  const a = 2;' }],
    });
    expect(renamed?.hunks[1]?.added.map((entry) => entry.line)).toEqual([10, 11]);
    expect(deleted).toMatchObject({ oldPath: 'gone.js', newPath: null });
    expect(deleted?.hunks[0]?.removed).toEqual([{ line: 1, text: 'x' }]);
    expect(binary?.binary).toBe(true);
    expect(quoted).toMatchObject({ oldPath: 'tab\there.js', newPath: 'tab\there.js' });
  });

  it('unquotes octal UTF-8 bytes', () => {
    expect(unquoteGitPath('"caf\\303\\251.ts"')).toBe('café.ts');
    expect(unquoteGitPath('plain.ts')).toBe('plain.ts');
  });
});
