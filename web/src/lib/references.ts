/**
 * Rework items name pull requests by their domain id (`github:owner/name#12`); people read
 * `owner/name#12`. Links come from the item's own detection links and evidence, which carry
 * the real GitHub and Jira addresses.
 */
const pullRequestIdPattern = /^(?:github:)?([\w.-]+\/[\w.-]+)#(\d+)$/;

export function parsePullRequestId(id: string): { repo: string; number: number } | null {
  const match = pullRequestIdPattern.exec(id);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { repo: match[1], number: Number(match[2]) };
}

export function pullRequestLabel(id: string): string {
  const parsed = parsePullRequestId(id);
  return parsed === null ? id : `${parsed.repo}#${parsed.number}`;
}

/** The first known address that points at this pull request (`…/owner/name/pull/12`). */
export function pullRequestUrl(id: string, urls: readonly string[]): string | undefined {
  const parsed = parsePullRequestId(id);
  if (parsed === null) return undefined;
  const suffix = `/${parsed.repo}/pull/${parsed.number}`.toLowerCase();
  return urls.find((url) => url.toLowerCase().endsWith(suffix));
}

/** The first known address of this Jira issue (`…/browse/KEY-1`). */
export function workItemUrl(key: string, urls: readonly string[]): string | undefined {
  const suffix = `/browse/${key}`.toLowerCase();
  return urls.find((url) => url.toLowerCase().endsWith(suffix));
}

/** A link name that says where it goes, so neighbouring links are told apart. */
export function sourceLinkName(url: string): string {
  if (/\/browse\/[A-Z][A-Z0-9_]*-\d+$/i.test(url))
    return `Open ${url.slice(url.lastIndexOf('/') + 1)} in Jira`;
  const pull = /\/([\w.-]+\/[\w.-]+)\/pull\/(\d+)/.exec(url);
  if (pull !== null) return `Open ${pull[1] ?? ''}#${pull[2] ?? ''} on GitHub`;
  return 'Open source';
}
