import { inPeriod, type ExplainRow, type MetricDataset, type Period } from '@rework-radar/shared';
import {
  issueUrl,
  pullRequestUrl,
  workItemUrl,
  type LinkBase,
} from '../analysis/detection/detected-rework';

/**
 * "Explain this number": the records of a metric's universe that its formula places in the
 * period, by the same date the formula uses (merged, resolved, started, deployed...), each with
 * the figures the formula reads and a link to GitHub or Jira. Pure, over an already scoped dataset.
 */
export interface ExplainRule {
  rule: string;
  /** The records the rule lists, so only they (and what scoping them needs) are loaded. */
  records: ExplainRecords;
  rows: (data: MetricDataset, period: Period, links: LinkBase) => ExplainRow[];
}

export type ExplainRecords =
  | 'merged-pull-requests'
  | 'resolved-work-items'
  | 'started-work-items'
  | 'ended-sprints'
  | 'rework-items'
  | 'deployments'
  | 'incidents';

const iso = (date: Date): string => date.toISOString();

function prLink(links: LinkBase, id: string): string | null {
  const match = /^github:(.+)#(\d+)$/.exec(id);
  return match?.[1] === undefined || match[2] === undefined
    ? null
    : pullRequestUrl(links, match[1], Number(match[2]));
}

function incidentLink(links: LinkBase, id: string): string | null {
  const match = /^github:(.+)!(\d+)$/.exec(id);
  return match?.[1] === undefined || match[2] === undefined
    ? null
    : issueUrl(links, match[1], Number(match[2]));
}

const mergedPullRequests: ExplainRule = {
  rule: 'pull requests merged in the period',
  records: 'merged-pull-requests',
  rows: (data, period, links) =>
    data.pullRequests.flatMap((pr) =>
      inPeriod(pr.mergedAt, period)
        ? [
            {
              kind: 'pull-request' as const,
              id: pr.id,
              title: null,
              at: iso(pr.mergedAt),
              url: prLink(links, pr.id),
              facts: {
                repo: pr.repo,
                isAgent: pr.isAgent,
                cycleHours: (pr.mergedAt.getTime() - pr.createdAt.getTime()) / 3_600_000,
                lines: pr.additions + pr.deletions,
                risk: pr.riskScore ?? null,
                depth: pr.depthScore ?? null,
                rubberStamp: pr.rubberStamp ?? null,
                overReview: pr.overReview ?? null,
                workItems: pr.workItemKeys.join(' '),
              },
            },
          ]
        : [],
    ),
};

function workItemsBy(which: 'resolvedAt' | 'workStartedAt', rule: string): ExplainRule {
  return {
    rule,
    records: which === 'resolvedAt' ? 'resolved-work-items' : 'started-work-items',
    rows: (data, period, links) =>
      data.workItems.flatMap((item) => {
        const at = item[which];
        return inPeriod(at, period)
          ? [
              {
                kind: 'work-item' as const,
                id: item.key,
                title: null,
                at: iso(at),
                url: workItemUrl(links, item.key) ?? null,
                facts: {
                  type: item.type,
                  storyPoints: item.storyPoints,
                  workStartedAt: item.workStartedAt?.toISOString() ?? null,
                  startedAt: item.startedAt?.toISOString() ?? null,
                  resolvedAt: item.resolvedAt?.toISOString() ?? null,
                  contextScoreAtStart: item.contextScoreAtStart,
                  acceptanceCriteriaAtStart: item.hadAcceptanceCriteriaAtStart,
                  churnAfterStart: item.churnAfterStart,
                },
              },
            ]
          : [];
      }),
  };
}

const endedSprints: ExplainRule = {
  rule: 'sprints that ended in the period',
  records: 'ended-sprints',
  rows: (data, period) =>
    data.sprints.flatMap((sprint) =>
      inPeriod(new Date(sprint.endedAt.getTime() - 1), period)
        ? [
            {
              kind: 'sprint' as const,
              id: sprint.id,
              title: sprint.name,
              at: iso(sprint.endedAt),
              url: null,
              facts: {
                committed: data.workItems.filter((item) =>
                  item.committedSprintIds.includes(sprint.id),
                ).length,
                completed: data.workItems.filter((item) => item.completedInSprintId === sprint.id)
                  .length,
                points: data.workItems
                  .filter((item) => item.completedInSprintId === sprint.id)
                  .reduce((sum, item) => sum + (item.storyPoints ?? 0), 0),
              },
            },
          ]
        : [],
    ),
};

const reworkItems: ExplainRule = {
  rule: 'rework items that happened in the period',
  records: 'rework-items',
  rows: (data, period) =>
    data.reworkItems.flatMap((item) =>
      inPeriod(item.detectedAt, period)
        ? [
            {
              kind: 'rework-item' as const,
              id: item.id,
              title: null,
              at: iso(item.detectedAt),
              url: `/rework/${encodeURIComponent(item.id)}`,
              facts: {
                kind: item.kind,
                cause: item.cause,
                originPullRequests: item.originPrIds.join(' '),
                originWorkItems: item.originWorkItemKeys.join(' '),
                reworkPullRequests: item.reworkChanges.length,
                lines: item.reworkChanges.reduce((sum, change) => sum + change.lines, 0),
              },
            },
          ]
        : [],
    ),
};

const deployments: ExplainRule = {
  rule: 'deployments finished in the period (created, when not finished)',
  records: 'deployments',
  rows: (data, period) =>
    data.deployments.flatMap((deployment) => {
      const at = deployment.finishedAt ?? deployment.createdAt;
      return inPeriod(at, period)
        ? [
            {
              kind: 'deployment' as const,
              id: deployment.id,
              title: null,
              at: iso(at),
              url: null,
              facts: {
                repo: deployment.repo,
                environment: deployment.environment,
                status: deployment.status,
                isFix: deployment.isFix,
                pullRequests: (deployment.pullRequestIds ?? []).join(' '),
                incidents: data.incidents.filter(
                  (incident) => incident.causedByDeploymentId === deployment.id,
                ).length,
              },
            },
          ]
        : [];
    }),
};

const incidents: ExplainRule = {
  rule: 'incidents that started in the period',
  records: 'incidents',
  rows: (data, period, links) =>
    data.incidents.flatMap((incident) =>
      inPeriod(incident.startedAt, period)
        ? [
            {
              kind: 'incident' as const,
              id: incident.id,
              title: null,
              at: iso(incident.startedAt),
              url: incidentLink(links, incident.id),
              facts: {
                repo: incident.repo,
                resolvedAt: incident.resolvedAt?.toISOString() ?? null,
                causedByDeployment: incident.causedByDeploymentId,
              },
            },
          ]
        : [],
    ),
};

/** Which records each metric is computed from, by id (prefixes for families). */
export function explainRuleFor(metricId: string): ExplainRule {
  if (metricId === 'velocity-story-points-per-sprint' || metricId === 'velocity-sprint-completion')
    return endedSprints;
  if (metricId.startsWith('velocity-work-item-'))
    return workItemsBy('resolvedAt', 'work items resolved in the period');
  if (metricId === 'context-clarification-rate') return mergedPullRequests;
  if (metricId.startsWith('context-missing-context-rework') || metricId.startsWith('rework-'))
    return reworkItems;
  if (metricId.startsWith('context-'))
    return workItemsBy(
      'workStartedAt',
      'work items whose work started in the period (moved to in progress, or a linked PR opened first)',
    );
  if (metricId === 'dora-failed-deployment-recovery-time') return incidents;
  if (metricId.startsWith('dora-')) return deployments;
  return mergedPullRequests;
}
