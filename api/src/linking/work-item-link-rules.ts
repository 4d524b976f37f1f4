import { findWorkItemKeys, type WorkItemKeySource } from '@rework-radar/shared';
import type { WorkItemLinkRule } from './pull-request-work-item.entity';

/**
 * Which work items a pull request names, by which rule, and the words that show it. Pure: the
 * texts in, the links out. Keys count only for the given project keys, so `UTF-8` or `SHA-256`
 * never link.
 */

export interface PullRequestTexts {
  title: string;
  headRef: string;
  body: string;
  commits: readonly { sha: string; message: string }[];
}

export interface ProposedLink {
  key: string;
  rule: WorkItemLinkRule;
  evidence: string;
}

const ruleOf: Record<WorkItemKeySource, WorkItemLinkRule> = {
  title: 'title',
  branch: 'branch',
  body: 'body',
  commit: 'commit-message',
};

/** Around this many characters each side of the key, within its line. */
const EXCERPT_CONTEXT = 60;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The line holding the key, cut to the key's neighbourhood; undefined when the key is absent. */
export function excerptAround(
  text: string,
  key: string,
  caseInsensitive: boolean,
): string | undefined {
  const pattern = new RegExp(
    `(?<![A-Za-z0-9_.])${escapeRegExp(key)}(?![0-9])`,
    caseInsensitive ? 'i' : '',
  );
  const match = pattern.exec(text);
  if (match === null) return undefined;
  const lineStart = text.lastIndexOf('\n', match.index) + 1;
  const lineEndAt = text.indexOf('\n', match.index);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  const from = Math.max(lineStart, match.index - EXCERPT_CONTEXT);
  const to = Math.min(lineEnd, match.index + key.length + EXCERPT_CONTEXT);
  return `${from > lineStart ? '…' : ''}${text.slice(from, to).trim()}${to < lineEnd ? '…' : ''}`;
}

function sourceTexts(
  texts: PullRequestTexts,
  source: WorkItemKeySource,
): { text: string; label: string }[] {
  switch (source) {
    case 'title':
      return [{ text: texts.title, label: '' }];
    case 'branch':
      return [{ text: texts.headRef, label: '' }];
    case 'body':
      return [{ text: texts.body, label: '' }];
    case 'commit':
      return texts.commits.map((commit) => ({
        text: commit.message,
        label: `${commit.sha.slice(0, 7)}: `,
      }));
  }
}

/** One link per (key, rule), in the order findWorkItemKeys found them. */
export function proposeLinks(
  texts: PullRequestTexts,
  projectKeys: readonly string[],
): ProposedLink[] {
  if (projectKeys.length === 0) return [];
  const matches = findWorkItemKeys(
    {
      title: texts.title,
      branch: texts.headRef,
      body: texts.body,
      commitMessages: texts.commits.map((commit) => commit.message),
    },
    { projectKeys },
  );
  const links: ProposedLink[] = [];
  for (const match of matches) {
    for (const source of match.sources) {
      // Branch names match without regard to case (`feature/eng-42`), prose needs the key as written.
      const caseInsensitive = source === 'branch';
      let evidence: string | undefined;
      for (const { text, label } of sourceTexts(texts, source)) {
        const excerpt = excerptAround(text, match.key, caseInsensitive);
        if (excerpt !== undefined) {
          evidence = `${label}${excerpt}`;
          break;
        }
      }
      links.push({ key: match.key, rule: ruleOf[source], evidence: evidence ?? match.key });
    }
  }
  return links;
}
