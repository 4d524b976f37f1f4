import { normalizeCode } from './code-lines';
import type { DiffHunk } from './unified-diff.parser';

/**
 * Decides which lines a fix removed or changed are worth blaming. Pure.
 *
 * Skipped: comment and blank lines (their code is empty), and lines the fix only reformatted:
 * a removed line whose code, modulo layout, reappears among the lines the same hunk added, or a
 * hunk whose removed code and added code are the same text modulo layout (a line split or
 * joined).
 */

export interface TraceableSelection {
  /** 1-based line numbers in the fix's parent version of the file. */
  lines: number[];
  commentOrBlank: number;
  formattingOnly: number;
}

export interface SelectionOptions {
  /** Skip comment and blank lines (default true). */
  skipCommentsAndBlanks: boolean;
  /** Skip lines whose replacement differs only in layout (default true). */
  skipFormattingOnly: boolean;
}

export function selectTraceableLines(
  hunks: readonly DiffHunk[],
  oldCode: readonly string[],
  newCode: readonly string[],
  options: SelectionOptions,
): TraceableSelection {
  const selection: TraceableSelection = { lines: [], commentOrBlank: 0, formattingOnly: 0 };
  for (const hunk of hunks) {
    const removed = hunk.removed.filter((entry) => {
      const code = oldCode[entry.line - 1] ?? entry.text;
      const keep = !options.skipCommentsAndBlanks || code.trim() !== '';
      if (!keep) selection.commentOrBlank += 1;
      return keep;
    });
    if (removed.length === 0) continue;
    if (!options.skipFormattingOnly) {
      selection.lines.push(...removed.map((entry) => entry.line));
      continue;
    }
    const removedRaw = removed.map((entry) => oldCode[entry.line - 1] ?? entry.text);
    const addedRaw = hunk.added.map((entry) => newCode[entry.line - 1] ?? entry.text);
    // Joined before normalising, so a trailing comma a formatter added when splitting still
    // lines up with the closing bracket on the next line.
    if (normalizeCode(removedRaw.join('\n')) === normalizeCode(addedRaw.join('\n'))) {
      selection.formattingOnly += removed.length;
      continue;
    }
    const removedCode = removedRaw.map(normalizeCode);
    const addedCode = addedRaw.map(normalizeCode).filter((code) => code !== '');
    const available = new Map<string, number>();
    for (const code of addedCode) available.set(code, (available.get(code) ?? 0) + 1);
    removed.forEach((entry, index) => {
      const code = removedCode[index] ?? '';
      const count = available.get(code) ?? 0;
      if (count > 0) {
        available.set(code, count - 1);
        selection.formattingOnly += 1;
      } else {
        selection.lines.push(entry.line);
      }
    });
  }
  return selection;
}

/** Collapses sorted line numbers into inclusive ranges for `git blame -L start,end`. */
export function toLineRanges(lines: readonly number[]): [number, number][] {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const line of sorted) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && line === last[1] + 1) last[1] = line;
    else ranges.push([line, line]);
  }
  return ranges;
}
