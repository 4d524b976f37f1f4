/**
 * Recognises a revert from a PR (title, body, head branch) or a commit (message), and returns
 * what it points at so the origin can be resolved: SHAs (`This reverts commit <sha>`, full or
 * abbreviated), PR numbers (`Reverts owner/repo#12`, `revert-12-branch`, `(#12)` in the reverted
 * title) and the reverted title. `Revert "Revert "X""` (or git's `Reapply "X"`) re-lands X: it
 * is reported with `relands: true`, because it undoes a revert rather than reworking X.
 */
export interface RevertInput {
  title?: string | null;
  body?: string | null;
  /** A commit's full message (subject + body); read like title + body. */
  message?: string | null;
  headRef?: string | null;
}

export type RevertRule =
  | 'title'
  | 'reapply-title'
  | 'conventional-title'
  | 'reverts-commit'
  | 'reverts-pr'
  | 'revert-branch';

export interface RevertDetection {
  isRevert: boolean;
  /** True when this undoes a revert (even nesting, or `Reapply`): the original work comes back. */
  relands: boolean;
  /** How many `Revert "` layers wrap the innermost title (1 for a plain revert). */
  depth: number;
  revertedShas: string[];
  revertedPullRequests: number[];
  /** The title of the change directly reverted (one layer stripped), when known. */
  revertedTitle: string | null;
  /** The innermost title: the original work, after all revert layers. */
  originalTitle: string | null;
  rules: RevertRule[];
}

const revertLayer = /^\s*revert\s*[:]?\s*"(.*)"\s*$/is;
const reapplyLayer = /^\s*reapply\s*"(.*)"\s*$/is;
const conventionalRevert = /^\s*revert(\([^)]*\))?!?:\s*(.+)$/i;
const revertsCommit = /\bthis\s+reverts\s+commits?\s+([0-9a-f]{7,40})\b/gi;
const alsoCommit = /\b(?:reverts?|reverting|refs?:)\s+(?:commit\s+)?([0-9a-f]{7,40})\b/gi;
const revertsPull = /\breverts?\s+(?:[\w.-]+\/[\w.-]+)?#(\d+)\b/gi;
const revertsPullUrl = /\breverts?\s+https?:\/\/\S+\/pull\/(\d+)\b/gi;
const revertBranch = /^revert-(\d+)-.+/i;
const squashNumber = /\(#(\d+)\)\s*$/;

/** Strips `Revert "…"` layers; GitHub and git nest them verbatim, without escaping inner quotes. */
function unwrap(title: string): {
  depth: number;
  inner: string;
  oneLayer: string | null;
  reapply: boolean;
} {
  let depth = 0;
  let current = title.trim();
  let oneLayer: string | null = null;
  let reapply = false;
  for (;;) {
    const revert = revertLayer.exec(current);
    const again = revert === null ? reapplyLayer.exec(current) : null;
    const next = revert?.[1] ?? again?.[1];
    if (next === undefined) break;
    if (again !== null) reapply = true;
    // Reapply "X" is a revert of Revert "X": two layers.
    depth += again !== null ? 2 : 1;
    current = next.trim();
    oneLayer ??= current;
  }
  return { depth, inner: current, oneLayer, reapply };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function detectRevert(input: RevertInput): RevertDetection {
  const message = input.message ?? '';
  const subject = input.title ?? message.split('\n')[0] ?? '';
  const body = [
    input.body ?? '',
    input.title === undefined || input.title === null
      ? message.split('\n').slice(1).join('\n')
      : message,
  ].join('\n');
  const rules: RevertRule[] = [];

  const layers = unwrap(subject);
  let revertedTitle = layers.oneLayer;
  let originalTitle = layers.depth > 0 ? layers.inner : null;
  let depth = layers.depth;
  if (layers.depth > 0) rules.push(layers.reapply ? 'reapply-title' : 'title');
  const conventional = layers.depth === 0 ? conventionalRevert.exec(subject) : null;
  if (conventional?.[2] !== undefined) {
    rules.push('conventional-title');
    const nested = unwrap(conventional[2]);
    depth = 1 + nested.depth;
    revertedTitle = conventional[2].trim();
    originalTitle = nested.depth > 0 ? nested.inner : revertedTitle;
  }

  // Only read SHA mentions in the body when something else says this is a revert, or the
  // canonical git sentence is present: "reverting abc1234 broke X" in prose is not a revert.
  const canonical = [...body.matchAll(revertsCommit)].map((match) =>
    (match[1] ?? '').toLowerCase(),
  );
  if (canonical.length > 0) rules.push('reverts-commit');
  const loose =
    rules.length > 0
      ? [...body.matchAll(alsoCommit)].map((match) => (match[1] ?? '').toLowerCase())
      : [];
  const revertedShas = unique([
    ...canonical,
    ...loose.filter((sha) => /[a-f]/.test(sha) || sha.length >= 12),
  ]);

  const pulls = [...body.matchAll(revertsPull), ...body.matchAll(revertsPullUrl)].map((match) =>
    Number(match[1]),
  );
  if (pulls.length > 0) rules.push('reverts-pr');
  const branch = revertBranch.exec(input.headRef ?? '');
  if (branch?.[1] !== undefined) {
    rules.push('revert-branch');
    pulls.push(Number(branch[1]));
  }
  const fromTitle = revertedTitle === null ? null : squashNumber.exec(revertedTitle);
  if (fromTitle?.[1] !== undefined) pulls.push(Number(fromTitle[1]));

  const isRevert = rules.length > 0;
  if (isRevert && depth === 0) depth = 1;
  return {
    isRevert,
    relands: isRevert && depth % 2 === 0,
    depth,
    revertedShas,
    revertedPullRequests: unique(pulls),
    revertedTitle,
    originalTitle,
    rules,
  };
}
