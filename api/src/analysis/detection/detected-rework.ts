import type { ReworkDetection, ReworkKind } from '../storage/rework-item.entity';
import type { StoredExpectationReading } from '../storage/analysis-model.entity';

/** A rework item as the detectors find it, before effort, attribution and storage. */
export interface DetectedRework {
  id: string;
  kind: ReworkKind;
  repositoryId: string | null;
  reworkPullRequestIds: string[];
  reworkWorkItemKeys: string[];
  incidentId: string | null;
  originPullRequestIds: string[];
  originWorkItemKeys: string[];
  rule: string;
  detection: ReworkDetection;
  occurredAt: Date;
  /** When the rework itself ended (reopened item done again, incident closed), for cycle time without PRs. */
  endedAt: Date | null;
  /** Texts that describe the problem (bug, incident, revert or fix PR, reopen comment), read for intent vs fault. */
  defectTexts: Array<{ key: string; url?: string; text: string }>;
  /** How the fix changed tests, when a fix diff was read. */
  expectations: StoredExpectationReading | null;
}

export interface LinkBase {
  /** e.g. `https://github.com` or a GitHub Enterprise host. */
  githubWebUrl: string;
  /** e.g. `https://acme.atlassian.net`; null when unknown (no Jira links then). */
  jiraBaseUrl: string | null;
}

export const defaultLinkBase: LinkBase = { githubWebUrl: 'https://github.com', jiraBaseUrl: null };

export function pullRequestUrl(base: LinkBase, repo: string, number: number): string {
  return `${base.githubWebUrl.replace(/\/+$/, '')}/${repo}/pull/${number}`;
}

export function issueUrl(base: LinkBase, repo: string, number: number): string {
  return `${base.githubWebUrl.replace(/\/+$/, '')}/${repo}/issues/${number}`;
}

export function workItemUrl(base: LinkBase, key: string): string | undefined {
  return base.jiraBaseUrl === null
    ? undefined
    : `${base.jiraBaseUrl.replace(/\/+$/, '')}/browse/${key}`;
}

export function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}
