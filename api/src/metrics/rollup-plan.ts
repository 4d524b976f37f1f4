import {
  periodKinds,
  periodsBetween,
  type MetricDataset,
  type MetricScope,
  type Period,
} from '@rework-radar/shared';
import type { RollupScopeKind } from './metric-rollup.entity';

/** Pure planning of a rollup refresh: which scopes, which periods, and what the inputs were. */

export interface RollupScope {
  kind: RollupScopeKind;
  key: string;
  scope: MetricScope;
}

export function rollupScopes(data: MetricDataset, teamSlugs: readonly string[]): RollupScope[] {
  const repos = [
    ...new Set([...data.pullRequests.map((pr) => pr.repo), ...data.deployments.map((d) => d.repo)]),
  ].sort();
  return [
    { kind: 'org', key: '', scope: {} },
    ...[...teamSlugs]
      .sort()
      .map((slug) => ({ kind: 'team' as const, key: slug, scope: { team: slug } })),
    ...repos.map((repo) => ({ kind: 'repo' as const, key: repo, scope: { repository: repo } })),
  ];
}

/** The span the data covers: first record to last record (exclusive end just after it). */
export function dataSpan(data: MetricDataset): { from: Date; to: Date } | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const see = (date: Date | null | undefined): void => {
    if (date === null || date === undefined) return;
    const time = date.getTime();
    if (time < min) min = time;
    if (time > max) max = time;
  };
  for (const pr of data.pullRequests) {
    see(pr.createdAt);
    see(pr.mergedAt);
  }
  for (const item of data.workItems) {
    see(item.createdAt);
    see(item.resolvedAt);
  }
  for (const item of data.reworkItems) see(item.detectedAt);
  for (const deployment of data.deployments) {
    see(deployment.createdAt);
    see(deployment.finishedAt);
  }
  for (const incident of data.incidents) {
    see(incident.startedAt);
    see(incident.resolvedAt);
  }
  return Number.isFinite(min) ? { from: new Date(min), to: new Date(max + 1) } : null;
}

/** Every period of every kind over the span; sprints are the scope's own sprints. */
export function rollupPeriods(span: { from: Date; to: Date }, data: MetricDataset): Period[] {
  return periodKinds.flatMap((kind) => periodsBetween(span.from, span.to, kind, data.sprints));
}
