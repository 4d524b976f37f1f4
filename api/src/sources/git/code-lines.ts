/**
 * Language-aware split of a source file into the code on each line, with comments removed and
 * string literals kept. A line whose code is empty is a comment or blank line: the tracer never
 * blames those, and changes that only touch comments or layout are not treated as fixes. Pure.
 */

interface Syntax {
  lineComments: readonly string[];
  blockComments: readonly (readonly [string, string])[];
  quotes: readonly string[];
  /** Quotes whose strings may run over several lines (template literals, raw strings). */
  multilineQuotes: readonly string[];
  /** `#` starts a comment only at line start or after whitespace (shell, YAML). */
  lineCommentNeedsSpace: boolean;
  /** Python-style triple-quoted strings; when a statement of their own they are docstrings. */
  tripleQuotes: boolean;
}

const cLike: Syntax = {
  lineComments: ['//'],
  blockComments: [['/*', '*/']],
  quotes: ['"', "'", '`'],
  multilineQuotes: ['`'],
  lineCommentNeedsSpace: false,
  tripleQuotes: false,
};
const hashLoose: Syntax = { ...cLike, lineComments: ['#'], blockComments: [], multilineQuotes: [] };
const python: Syntax = { ...hashLoose, quotes: ['"', "'"], tripleQuotes: true };
const hashStrict: Syntax = { ...hashLoose, quotes: ['"', "'"], lineCommentNeedsSpace: true };
const dashDash: Syntax = {
  ...cLike,
  lineComments: ['--'],
  quotes: ['"', "'"],
  multilineQuotes: [],
};
const lua: Syntax = { ...dashDash, blockComments: [['--[[', ']]']] };
const haskell: Syntax = { ...dashDash, blockComments: [['{-', '-}']] };
const css: Syntax = { ...cLike, lineComments: [], quotes: ['"', "'"], multilineQuotes: [] };
const markup: Syntax = {
  ...cLike,
  lineComments: [],
  blockComments: [['<!--', '-->']],
  quotes: [],
  multilineQuotes: [],
};
const php: Syntax = { ...cLike, lineComments: ['//', '#'] };

const byExtension: Record<string, Syntax> = {};
const register = (syntax: Syntax, extensions: string): void => {
  for (const extension of extensions.split(' ')) byExtension[extension] = syntax;
};
register(
  cLike,
  'js jsx mjs cjs ts tsx mts cts java c h cc cpp cxx hpp hh cs go rs kt kts swift scala groovy dart m mm proto gradle',
);
register(python, 'py pyi pyx');
register(hashLoose, 'rb pl pm r jl cr ex exs nim');
register(
  hashStrict,
  'sh bash zsh fish yaml yml toml tf hcl cmake mk mak ps1 conf ini properties dockerfile makefile',
);
register(dashDash, 'sql ada vhd vhdl');
register(lua, 'lua');
register(haskell, 'hs elm');
register(css, 'css scss less');
register(markup, 'html htm xml svg vue xhtml');
register(php, 'php');

/** The syntax for a path, by extension or well-known file name; undefined when unknown. */
export function syntaxFor(path: string): Syntax | undefined {
  const name = (path.split('/').pop() ?? path).toLowerCase();
  if (name === 'dockerfile' || name === 'makefile' || name.endsWith('.dockerfile'))
    return hashStrict;
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : byExtension[name.slice(dot + 1)];
}

type State =
  | { kind: 'code' }
  | { kind: 'block'; end: string }
  | { kind: 'string'; quote: string; docstring: boolean };

/**
 * Returns one entry per line of `content` (split on `\n`): the line's code without comments.
 * Files of unknown languages come back unchanged (everything counts as code).
 */
export function codeOfLines(path: string, content: string): string[] {
  const lines = content.split('\n');
  const syntax = syntaxFor(path);
  if (syntax === undefined) return lines;
  const result: string[] = [];
  let state: State = { kind: 'code' };

  for (const line of lines) {
    let code = '';
    let index = 0;
    lineLoop: while (index < line.length) {
      const rest = line.slice(index);
      switch (state.kind) {
        case 'block': {
          const end = rest.indexOf(state.end);
          if (end < 0) break lineLoop;
          index += end + state.end.length;
          state = { kind: 'code' };
          continue;
        }
        case 'string': {
          const char = line[index] ?? '';
          if (char === '\\') {
            if (!state.docstring) code += rest.slice(0, 2);
            index += 2;
            continue;
          }
          if (rest.startsWith(state.quote)) {
            if (!state.docstring) code += state.quote;
            index += state.quote.length;
            state = { kind: 'code' };
            continue;
          }
          if (!state.docstring) code += char;
          index += 1;
          continue;
        }
        case 'code': {
          const block = syntax.blockComments.find(([start]) => rest.startsWith(start));
          if (block !== undefined) {
            state = { kind: 'block', end: block[1] };
            index += block[0].length;
            continue;
          }
          const lineComment = syntax.lineComments.find((start) => rest.startsWith(start));
          const spaced = index === 0 || /\s/.test(line[index - 1] ?? '');
          if (lineComment !== undefined && (!syntax.lineCommentNeedsSpace || spaced))
            break lineLoop;
          if (syntax.tripleQuotes && (rest.startsWith('"""') || rest.startsWith("'''"))) {
            const quote = rest.slice(0, 3);
            const docstring = code.trim() === '';
            if (!docstring) code += quote;
            state = { kind: 'string', quote, docstring };
            index += 3;
            continue;
          }
          const quote = syntax.quotes.find((candidate) => rest.startsWith(candidate));
          if (quote !== undefined) {
            state = { kind: 'string', quote, docstring: false };
            code += quote;
            index += 1;
            continue;
          }
          code += line[index] ?? '';
          index += 1;
          continue;
        }
      }
    }
    // A one-line string left open at the end of a line was not a string (an apostrophe, a
    // Rust lifetime): do not let it swallow the rest of the file.
    if (
      state.kind === 'string' &&
      !state.docstring &&
      !syntax.multilineQuotes.includes(state.quote) &&
      state.quote.length === 1
    ) {
      state = { kind: 'code' };
    }
    result.push(code);
  }
  return result;
}

/**
 * Code compared modulo layout: whitespace removed, quote style unified, semicolons and trailing
 * commas dropped. Two lines equal under this normal form differ only in formatting.
 */
export function normalizeCode(code: string): string {
  return code
    .replace(/\s+/g, '')
    .replace(/'/g, '"')
    .replace(/;/g, '')
    .replace(/,(?=[)\]}])/g, '');
}
