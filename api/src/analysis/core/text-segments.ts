/**
 * Text plumbing shared by the comment and defect classifiers: real comments quote earlier
 * replies, paste logs and stack traces in code blocks, and mix several sentences, so rules must
 * read prose sentences only, and know when a term is negated ("no crash").
 */

export interface SplitText {
  /** The text with code blocks and quoted replies removed; inline code becomes the token `CODE_SPAN`. */
  prose: string;
  /** Contents of fenced / `{code}` / `{noformat}` / indented blocks, in order. */
  codeBlocks: string[];
}

const fenced = /```[^\n]*\n?([\s\S]*?)(?:```|$)|~~~[^\n]*\n?([\s\S]*?)(?:~~~|$)/g;
const jiraBlock = /\{(code|noformat)(?::[^}]*)?\}([\s\S]*?)(?:\{\1\}|$)/g;
const jiraQuote = /\{quote\}[\s\S]*?(?:\{quote\}|$)/g;
const inlineCode = /`[^`\n]+`/g;
const htmlComment = /<!--[\s\S]*?-->/g;

/** Separates prose from code and drops quoted text (`> ...` lines, Jira `{quote}`, HTML comments). */
export function splitProseAndCode(text: string): SplitText {
  const codeBlocks: string[] = [];
  let prose = text.replace(/\r\n?/g, '\n').replace(htmlComment, ' ');
  prose = prose.replace(fenced, (_whole, a: string | undefined, b: string | undefined) => {
    codeBlocks.push((a ?? b ?? '').trim());
    return '\n';
  });
  prose = prose.replace(jiraBlock, (_whole, _kind: string, body: string) => {
    codeBlocks.push(body.trim());
    return '\n';
  });
  prose = prose.replace(jiraQuote, '\n');
  const kept: string[] = [];
  let indented: string[] = [];
  const flushIndented = (): void => {
    if (indented.length > 0) codeBlocks.push(indented.join('\n'));
    indented = [];
  };
  for (const line of prose.split('\n')) {
    if (/^\s*>/.test(line)) continue;
    // Four-space or tab indented lines after a blank line are Markdown code (pasted logs).
    if (
      /^(?: {4}|\t)\S/.test(line) &&
      (indented.length > 0 || kept.length === 0 || kept[kept.length - 1]?.trim() === '')
    ) {
      indented.push(line.trim());
      continue;
    }
    flushIndented();
    kept.push(line);
  }
  flushIndented();
  return { prose: kept.join('\n').replace(inlineCode, ' CODE_SPAN ').trim(), codeBlocks };
}

/**
 * Sentences of prose: split after `.`, `?`, `!` (not inside numbers or common abbreviations)
 * and at line breaks, so bullet lists give one sentence per bullet. Markdown markers trimmed.
 */
export function splitSentences(prose: string): string[] {
  const sentences: string[] = [];
  for (const line of prose.split('\n')) {
    const cleaned = line.replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6})\s+/, '').trim();
    if (cleaned === '') continue;
    const protectedLine = cleaned.replace(/\b(e\.g|i\.e|etc|vs|approx|cf)\./gi, (abbr) =>
      abbr.replace(/\./g, '\uE000'),
    );
    for (const part of protectedLine.split(/(?<=[.?!])\s+(?=\S)/)) {
      const sentence = part.replace(/\uE000/g, '.').trim();
      if (sentence !== '') sentences.push(sentence);
    }
  }
  return sentences;
}

const negators = /\b(no|not|never|without|none|nor|neither|cannot)\b|n['’]t\b/gi;
const modalBefore = /\b(should|must|ought to|supposed to|expected to|shall|needs? to)\s*$/i;
const clauseBreak = /[,;:()]|\b(but|however|although|though|yet|instead|except)\b/i;

/**
 * Whether the term starting at `index` is negated within its clause: a negator at most four
 * words before it, with no clause break ("no crash, but ...") in between. "should not crash"
 * states an expectation the system broke, so a modal before the negator cancels the negation.
 */
export function isNegatedAt(sentence: string, index: number): boolean {
  const before = sentence.slice(0, index);
  let clauseStart = 0;
  for (const match of before.matchAll(new RegExp(clauseBreak.source, 'gi')))
    clauseStart = match.index + match[0].length;
  const words = before
    .slice(clauseStart)
    .split(/\s+/)
    .filter((word) => word !== '');
  const clause = words.slice(-4).join(' ');
  let negated = false;
  for (const match of clause.matchAll(negators)) {
    negated = !modalBefore.test(clause.slice(0, match.index).trimEnd());
  }
  return negated;
}

/** A stack trace or runtime error dump (Java/JS/.NET `at ...`, Python traceback, Go panic). */
export function looksLikeStackTrace(text: string): boolean {
  return (
    /^\s*at\s+[\w$.<>[\]/]+\s*\(?[^\n]*:\d+(:\d+)?\)?\s*$/m.test(text) ||
    /Traceback \(most recent call last\)/.test(text) ||
    /^(panic|fatal error):\s/m.test(text) ||
    /^goroutine \d+ \[/m.test(text) ||
    /\b(Exception|Error)( in thread "[^"]*")?:\s.*\n\s+at\s/.test(text) ||
    /^\s*File "[^"]+", line \d+/m.test(text)
  );
}

export interface PhraseRule {
  /** A stable name shown as evidence, e.g. `null-pointer`. */
  name: string;
  pattern: RegExp;
  weight: number;
}

export interface PhraseMatch {
  rule: string;
  phrase: string;
  sentence: string;
  weight: number;
}

/**
 * Every rule's first match in each sentence, split into kept and negated matches. With
 * `negatable` false nothing is negated: "not what finance expects" still talks about expectations.
 */
export function matchPhrases(
  sentences: readonly string[],
  rules: readonly PhraseRule[],
  negatable = true,
): { kept: PhraseMatch[]; negated: PhraseMatch[] } {
  const kept: PhraseMatch[] = [];
  const negated: PhraseMatch[] = [];
  for (const sentence of sentences) {
    for (const rule of rules) {
      const flags = rule.pattern.flags.includes('g')
        ? rule.pattern.flags
        : `${rule.pattern.flags}g`;
      const all = [...sentence.matchAll(new RegExp(rule.pattern.source, flags))];
      if (all.length === 0) continue;
      const positive = all.find((match) => !negatable || !isNegatedAt(sentence, match.index));
      const chosen = positive ?? all[0];
      if (chosen === undefined) continue;
      const found: PhraseMatch = {
        rule: rule.name,
        phrase: chosen[0],
        sentence,
        weight: rule.weight,
      };
      (positive === undefined ? negated : kept).push(found);
    }
  }
  return { kept, negated };
}
