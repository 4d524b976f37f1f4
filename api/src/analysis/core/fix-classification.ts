import picomatch from 'picomatch';
import type { AnalysisConfig } from './analysis-config';

/**
 * Is a PR a fix? Linked to a Bug-type work item, labelled as a fix, or titled as one. Decisions:
 * - a Conventional Commits type wins over words in the subject: `fix:` is a fix, while
 *   `chore: fix lint`, `test: fix flaky spec`, `ci: fix pipeline`, `docs: fix typo` are not
 *   defect fixes by title (a Bug link or fix label still makes them fixes);
 * - "Fix typo in docs" without a type is a fix; `scope` says `docs_only` when every file is
 *   documentation, so callers can skip line tracing (docs lines are not code rework);
 * - "prefix", "fixture", "suffix", "fixed-width" never count (whole-word rules).
 */
export interface FixCandidate {
  title: string;
  labels: readonly string[];
  /** Changed file paths, when known; only used to tell docs-only fixes apart. */
  files?: readonly string[];
}

export interface LinkedWorkItem {
  key: string;
  type: string;
}

export type FixRule = 'linked-bug' | 'fix-label' | 'conventional-fix' | 'fix-title';

export interface FixClassification {
  isFix: boolean;
  reasons: Array<{ rule: FixRule; detail: string }>;
  scope: 'code' | 'docs_only' | 'unknown';
}

const conventional = /^(\w+)(\([^)]*\))?!?:\s*/;
const fixTypes = new Set(['fix', 'bugfix', 'hotfix', 'bug', 'patch']);
const fixTitle: RegExp[] = [
  /^(fix(es|ed|ing)?|hot-?fix(es|ed)?|bug-?fix(es|ed)?|bug fix(es)?|quick-?fix)\b(?!-)/i,
  /\b(hot-?fix|bug-?fix|bug fix)\b/i,
  /^(resolve[sd]?|correct(s|ed)?|prevent(s|ed)?|avoid(s|ed)?|handle[sd]?|stop(s|ped)?|repair(s|ed)?|patch(es|ed)?)\b.{0,60}\b(crash(es)?|errors?|exceptions?|bugs?|regressions?|failures?|panics?|leaks?|race|npe|null|undefined|nan|deadlocks?|timeouts?|500s?|broken|wrong|incorrect)\b/i,
  /^(corrige|corrig[eé]|correction|corrección|corregir|arregla|arreglar|behebt|behoben|fehlerbehebung|korrigiert|correção|corrigir|исправ\w*|修复|修正)/i,
];
const docsGlobs = [
  '**/*.md',
  '**/*.mdx',
  '**/*.rst',
  '**/*.txt',
  '**/*.adoc',
  'docs/**',
  'doc/**',
  '**/CHANGELOG*',
  '**/README*',
  '**/LICENSE*',
];
const isDocs = picomatch(docsGlobs, { dot: true, nocase: true });

/** Drops leading ticket keys and bracketed tags: `[ABC-12] `, `ABC-12: `, `[WIP] `, emoji. */
function cleanTitle(title: string): { title: string; tags: string[] } {
  const tags: string[] = [];
  let rest = title.trim();
  for (;;) {
    const tag =
      /^(\[([^\]]+)\]|\(([^)]+)\)|[A-Z][A-Z0-9]+-\d+\b:?|:[a-z_]+:|[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}])\s*[-:|]?\s*/u.exec(
        rest,
      );
    if (tag === null) break;
    tags.push((tag[2] ?? tag[3] ?? '').toLowerCase());
    rest = rest.slice(tag[0].length);
  }
  return { title: rest, tags };
}

function labelWords(label: string): string[] {
  return label
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

export function classifyFix(
  candidate: FixCandidate,
  linkedWorkItems: readonly LinkedWorkItem[],
  config: AnalysisConfig,
): FixClassification {
  const reasons: FixClassification['reasons'] = [];
  const bugTypes = new Set(config.classification.bugIssueTypes.map((type) => type.toLowerCase()));
  for (const item of linkedWorkItems) {
    if (bugTypes.has(item.type.toLowerCase()))
      reasons.push({ rule: 'linked-bug', detail: `${item.key} is a ${item.type}` });
  }
  const words = new Set(config.classification.fixLabelWords.map((word) => word.toLowerCase()));
  for (const label of candidate.labels) {
    if (labelWords(label).some((word) => words.has(word)))
      reasons.push({ rule: 'fix-label', detail: `labelled "${label}"` });
  }
  const { title, tags } = cleanTitle(candidate.title);
  const type = conventional.exec(title);
  if (type !== null) {
    if (fixTypes.has((type[1] ?? '').toLowerCase()))
      reasons.push({ rule: 'conventional-fix', detail: `type "${type[0].trim()}"` });
  } else if (tags.some((tag) => /^(bug|fix|hotfix|bugfix|regression)$/.test(tag))) {
    reasons.push({ rule: 'fix-title', detail: `tagged [${tags.join('][')}]` });
  } else if (fixTitle.some((pattern) => pattern.test(title))) {
    reasons.push({ rule: 'fix-title', detail: `titled "${candidate.title}"` });
  }
  return { isFix: reasons.length > 0, reasons, scope: scopeOf(candidate.files) };
}

function scopeOf(files: readonly string[] | undefined): FixClassification['scope'] {
  if (files === undefined || files.length === 0) return 'unknown';
  return files.every((file) => isDocs(file)) ? 'docs_only' : 'code';
}
