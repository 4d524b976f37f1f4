import { codeOfLines, normalizeCode, syntaxFor } from './code-lines';

describe('codeOfLines', () => {
  it('strips C-style comments but keeps comment markers inside strings', () => {
    const source = [
      'const url = "http://x"; // home',
      '/* start',
      '   still comment */ const b = 2;',
      "const s = '/* not */';",
      '`multi',
      '// inside template`',
      '',
    ].join('\n');
    expect(codeOfLines('a.ts', source).map((code) => code.trim())).toEqual([
      'const url = "http://x";',
      '',
      'const b = 2;',
      "const s = '/* not */';",
      '`multi',
      '// inside template`',
      '',
    ]);
  });

  it('treats Python docstrings and # comments as non-code, but keeps assigned triple-quoted strings', () => {
    const source = [
      'def f():',
      '    """Doc',
      '    more doc',
      '    """',
      "    x = '''text",
      "    # kept'''",
      '    return x  # why',
      '',
    ].join('\n');
    expect(codeOfLines('m.py', source).map((code) => code.trim())).toEqual([
      'def f():',
      '',
      '',
      '',
      "x = '''text",
      "# kept'''",
      'return x',
      '',
    ]);
  });

  it('knows shell, SQL and unknown files', () => {
    expect(codeOfLines('run.sh', 'echo $# # count\n# note').map((code) => code.trim())).toEqual([
      'echo $#',
      '',
    ]);
    expect(codeOfLines('q.sql', "SELECT '--' -- why\n-- note").map((code) => code.trim())).toEqual([
      "SELECT '--'",
      '',
    ]);
    expect(codeOfLines('notes.unknown', '// kept')).toEqual(['// kept']);
    expect(syntaxFor('Dockerfile')).toBeDefined();
    expect(syntaxFor('LICENSE')).toBeUndefined();
  });

  it('does not let an apostrophe swallow the following lines', () => {
    expect(
      codeOfLines('a.rs', "fn f<'a>(x: &'a str) {}\nlet y = 1; // c").map((code) => code.trim()),
    ).toEqual(["fn f<'a>(x: &'a str) {}", 'let y = 1;']);
  });
});

describe('normalizeCode', () => {
  it('equates layout-only variants and keeps real changes apart', () => {
    expect(normalizeCode("  f(a, 'b');")).toBe(normalizeCode('f( a,"b" )'));
    expect(normalizeCode('f(a, b,)')).toBe(normalizeCode('f(a, b)'));
    expect(normalizeCode('x > 1')).not.toBe(normalizeCode('x >= 1'));
  });
});
