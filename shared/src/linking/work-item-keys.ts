/**
 * Finds Jira issue keys (ENG-123) in the text around a pull request: title, branch name, body and
 * commit messages. Pure, shared by the api (linking rule) and the web (highlighting).
 *
 * False positives are the danger: `UTF-8`, `SHA-256`, `ISO-8601`, `RFC-7231` look like keys. When
 * the known project keys are given, only those count (the reliable mode). Without them, a
 * deny-list of common standard names and a few shape rules keep the obvious ones out.
 */

export type WorkItemKeySource = 'title' | 'branch' | 'body' | 'commit';

export interface WorkItemKeyTexts {
  title?: string | null;
  branch?: string | null;
  body?: string | null;
  commitMessages?: readonly string[];
}

export interface WorkItemKeyOptions {
  /** Project keys that exist (e.g. ["ENG", "OPS"]); when given, nothing else matches. */
  projectKeys?: readonly string[];
}

export interface WorkItemKeyMatch {
  key: string;
  /** Where the key was found, in the order title, branch, body, commit. */
  sources: WorkItemKeySource[];
}

/** Prefixes that look like project keys in prose but are standards, encodings or hashes. */
const notProjectKeys = new Set([
  'UTF',
  'UCS',
  'SHA',
  'MD',
  'ISO',
  'IEC',
  'RFC',
  'CVE',
  'CWE',
  'GHSA',
  'HTTP',
  'TLS',
  'SSL',
  'AES',
  'RSA',
  'ES',
  'EC',
  'WCAG',
  'PEP',
  'JSR',
  'X',
  'IEEE',
  'ECMA',
  'ANSI',
  'WIN',
  'CP',
  'LATIN',
  'BASE',
  'INT',
  'UINT',
  'FLOAT',
  'COVID',
  'GPT',
  'TS',
  'ARM',
  'AMD',
  'PR',
  'V',
  'IPV',
  'HTML',
  'CSS',
  'IE',
]);

// A key: letter first, then letters/digits/underscore, a dash, a number without leading zero.
// Not glued to a word or a preceding dash/dot (so `x-ENG-1` inside a hash or path is still ok
// when the key starts a segment).
const keyPattern =
  /(?<![A-Za-z0-9_.])([A-Za-z][A-Za-z0-9_]{0,9})-([1-9][0-9]{0,6})(?![0-9])(?!\.[0-9])/g;

function candidates(text: string, caseInsensitive: boolean): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(keyPattern)) {
    const [, project = '', number = ''] = match;
    if (!caseInsensitive && project !== project.toUpperCase()) continue;
    found.push(`${project.toUpperCase()}-${number}`);
  }
  return found;
}

function accepted(key: string, known: ReadonlySet<string> | undefined): boolean {
  const project = key.slice(0, key.lastIndexOf('-'));
  if (known !== undefined) return known.has(project);
  // Without a list: two letters at least, and not a standard's name.
  return project.length >= 2 && /^[A-Z]/.test(project) && !notProjectKeys.has(project);
}

/**
 * Keys found in the texts, deduplicated, in first-seen order. Branch names are matched without
 * regard to case (`feature/eng-42-login`) only when known project keys are given; prose needs
 * upper case keys.
 */
export function findWorkItemKeys(
  texts: WorkItemKeyTexts,
  options: WorkItemKeyOptions = {},
): WorkItemKeyMatch[] {
  const known =
    options.projectKeys === undefined
      ? undefined
      : new Set(options.projectKeys.map((key) => key.toUpperCase()));
  const sources: [WorkItemKeySource, string][] = [];
  if (texts.title) sources.push(['title', texts.title]);
  if (texts.branch) sources.push(['branch', texts.branch]);
  if (texts.body) sources.push(['body', texts.body]);
  for (const message of texts.commitMessages ?? []) sources.push(['commit', message]);

  const matches = new Map<string, WorkItemKeyMatch>();
  for (const [source, text] of sources) {
    const caseInsensitive = source === 'branch' && known !== undefined;
    for (const key of candidates(text, caseInsensitive)) {
      if (!accepted(key, known)) continue;
      const match = matches.get(key) ?? { key, sources: [] };
      if (!match.sources.includes(source)) match.sources.push(source);
      matches.set(key, match);
    }
  }
  return [...matches.values()];
}
