import { parsePullRequestId } from '@rework-radar/shared';

/** Rework items name pull requests by their domain id (`github:owner/name#12`); people read `owner/name#12`. */
export function pullRequestLabel(id: string): string {
  const parsed = parsePullRequestId(id);
  return parsed === null ? id : `${parsed.repo}#${parsed.number}`;
}

/** A link name that says where it goes, so neighbouring links are told apart. */
export function sourceLinkName(url: string): string {
  if (/\/browse\/[A-Z][A-Z0-9_]*-\d+$/i.test(url))
    return `Open ${url.slice(url.lastIndexOf('/') + 1)} in Jira`;
  const pull = /\/([\w.-]+\/[\w.-]+)\/pull\/(\d+)/.exec(url);
  if (pull !== null) return `Open ${pull[1] ?? ''}#${pull[2] ?? ''} on GitHub`;
  return 'Open source';
}
