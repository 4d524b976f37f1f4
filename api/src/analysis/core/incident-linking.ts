/**
 * Links an incident to the change(s) that caused it. Explicit links first (a PR or commit named
 * on the incident, or a work item linked to it); otherwise the latest deployment of an affected
 * repository that finished within the window before the incident started. Failed deployments
 * shipped nothing, so they never take the blame. The answer names the rule that linked it.
 */
export interface IncidentRecord {
  id: string;
  startedAt: Date;
  /** `owner/name` of the repositories the incident names as affected. */
  affectedRepos: readonly string[];
}

export interface ExplicitIncidentLink {
  kind: 'change' | 'work_item';
  /** A change id (PR) or a work item key. */
  ref: string;
  /** Where the link came from, e.g. `jira-link:causes`, `github-mention`. */
  source: string;
}

export interface DeploymentRecord {
  id: string;
  repo: string;
  deployedAt: Date;
  status: 'success' | 'failure' | 'unknown';
  /** The changes (PR ids) the deployment shipped for the first time. */
  changeRefs: readonly string[];
}

export type IncidentLinkRule =
  'explicit-change' | 'explicit-work-item' | 'deployment-window' | 'none';

export interface IncidentLink {
  rule: IncidentLinkRule;
  changeRefs: string[];
  workItemKeys: string[];
  deployment: { id: string; repo: string; deployedAt: Date; hoursBeforeIncident: number } | null;
  explanation: string;
}

export function linkIncident(
  incident: IncidentRecord,
  explicitLinks: readonly ExplicitIncidentLink[],
  deployments: readonly DeploymentRecord[],
  windowHours: number,
): IncidentLink {
  const changes = [
    ...new Set(explicitLinks.filter((link) => link.kind === 'change').map((link) => link.ref)),
  ];
  const items = [
    ...new Set(explicitLinks.filter((link) => link.kind === 'work_item').map((link) => link.ref)),
  ];
  if (changes.length > 0) {
    return {
      rule: 'explicit-change',
      changeRefs: changes,
      workItemKeys: items,
      deployment: null,
      explanation: `Incident names ${changes.join(', ')}`,
    };
  }
  if (items.length > 0) {
    return {
      rule: 'explicit-work-item',
      changeRefs: [],
      workItemKeys: items,
      deployment: null,
      explanation: `Incident is linked to ${items.join(', ')}`,
    };
  }
  const affected = new Set(incident.affectedRepos.map((repo) => repo.toLowerCase()));
  const start = incident.startedAt.getTime();
  const candidates = deployments
    .filter(
      (deployment) =>
        affected.has(deployment.repo.toLowerCase()) && deployment.status !== 'failure',
    )
    .filter(
      (deployment) =>
        deployment.deployedAt.getTime() <= start &&
        start - deployment.deployedAt.getTime() <= windowHours * 3_600_000,
    )
    .sort((a, b) => b.deployedAt.getTime() - a.deployedAt.getTime());
  const latest = candidates[0];
  if (latest === undefined) {
    return {
      rule: 'none',
      changeRefs: [],
      workItemKeys: [],
      deployment: null,
      explanation: `No deployment of ${[...affected].join(', ') || 'an affected repository'} within ${windowHours} h before the incident`,
    };
  }
  const hours = Math.round(((start - latest.deployedAt.getTime()) / 3_600_000) * 100) / 100;
  return {
    rule: 'deployment-window',
    changeRefs: [...latest.changeRefs],
    workItemKeys: [],
    deployment: {
      id: latest.id,
      repo: latest.repo,
      deployedAt: latest.deployedAt,
      hoursBeforeIncident: hours,
    },
    explanation: `Latest deployment of ${latest.repo} (${latest.id}) finished ${hours} h before the incident started`,
  };
}
