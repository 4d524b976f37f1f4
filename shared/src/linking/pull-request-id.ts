const pullRequestIdPattern = /^(?:github:)?([\w.-]+\/[\w.-]+)#(\d+)$/;

/** A pull request's domain id (`github:owner/name#12`, or `owner/name#12`) read back into its repository and number. */
export function parsePullRequestId(id: string): { repo: string; number: number } | null {
  const match = pullRequestIdPattern.exec(id);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { repo: match[1], number: Number(match[2]) };
}
