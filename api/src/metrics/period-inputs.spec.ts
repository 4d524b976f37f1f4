import {
  computeMetricValues,
  periodKinds,
  periodsBetween,
  scopeDataset,
  type DeploymentRecord,
  type IncidentRecord,
  type MetricDataset,
  type PullRequestRecord,
  type ReworkItemRecord,
  type SprintRecord,
  type TeamMembership,
  type WorkItemRecord,
} from '@rework-radar/shared';
import { periodInputs } from './period-inputs';

/** A seeded generator so a failure names a dataset that can be rebuilt. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const start = Date.UTC(2025, 0, 1);
const day = 86_400_000;
const hour = 3_600_000;

/** An organisation with everything the formulas link across periods: deployments listing PRs or not, remedies, incidents, sprints. */
function organisation(seed: number): { data: MetricDataset; memberships: TeamMembership[] } {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const when = (from: number, days: number): Date =>
    new Date(from + Math.floor(next() * days * day));
  const people = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
  const repos = ['acme/web', 'acme/api'];
  const sprints: SprintRecord[] = Array.from({ length: 20 }, (_, index) => ({
    id: `s${index}`,
    name: `Sprint ${index}`,
    startedAt: new Date(start + index * 14 * day),
    endedAt: new Date(start + (index + 1) * 14 * day - (index % 3) * day),
  }));
  const pullRequests: PullRequestRecord[] = Array.from({ length: 300 }, (_, index) => {
    const createdAt = when(start, 270);
    return {
      id: `github:${pick(repos)}#${index}`,
      repo: pick(repos),
      authorPersonId: next() < 0.1 ? null : pick(people),
      isAgent: next() < 0.2,
      createdAt,
      firstReviewAt: next() < 0.7 ? new Date(createdAt.getTime() + 2 * hour) : null,
      mergedAt:
        next() < 0.85 ? new Date(createdAt.getTime() + Math.floor(next() * 20 * day)) : null,
      additions: Math.floor(next() * 500),
      deletions: Math.floor(next() * 200),
      workItemKeys: next() < 0.6 ? [`W-${Math.floor(next() * 200)}`] : [],
      riskScore: next() < 0.9 ? Math.floor(next() * 100) : null,
      depthScore: next() < 0.9 ? Math.floor(next() * 100) : null,
      rubberStamp: next() < 0.1,
      overReview: next() < 0.1,
      clarifyingQuestions: next() < 0.5 ? Math.floor(next() * 4) : null,
    };
  });
  const workItems: WorkItemRecord[] = Array.from({ length: 200 }, (_, index) => {
    const createdAt = when(start, 270);
    const startedAt =
      next() < 0.8 ? new Date(createdAt.getTime() + Math.floor(next() * 5 * day)) : null;
    const sprint = pick(sprints);
    return {
      key: `W-${index}`,
      type: pick(['Story', 'Bug', 'Sub-task', 'Task']),
      assigneePersonId: next() < 0.1 ? null : pick(people),
      storyPoints: next() < 0.7 ? Math.floor(next() * 8) : null,
      createdAt,
      startedAt,
      // Some work starts with a PR a few days before the ticket moves.
      workStartedAt:
        startedAt !== null && next() < 0.3
          ? new Date(startedAt.getTime() - Math.floor(next() * 4 * day))
          : startedAt,
      resolvedAt:
        startedAt !== null && next() < 0.8
          ? new Date(startedAt.getTime() + Math.floor(next() * 30 * day))
          : null,
      committedSprintIds: next() < 0.6 ? [sprint.id] : [],
      completedInSprintId: next() < 0.5 ? sprint.id : null,
      contextScoreAtStart: startedAt === null ? null : Math.floor(next() * 100),
      hadAcceptanceCriteriaAtStart: startedAt === null ? null : next() < 0.5,
      churnAfterStart: next() < 0.7 ? Math.floor(next() * 3) : null,
    };
  });
  const merged = pullRequests.filter((pr) => pr.mergedAt !== null);
  const reworkItems: ReworkItemRecord[] = Array.from({ length: 60 }, (_, index) => {
    const origin = pick(merged);
    return {
      id: `rework-${index}`,
      kind: pick(['revert', 'follow-up-fix', 'reopened', 'linked-bug', 'incident'] as const),
      cause: pick(['missing_context', 'execution', 'unknown'] as const),
      detectedAt: new Date((origin.mergedAt?.getTime() ?? start) + Math.floor(next() * 60 * day)),
      originPrIds: next() < 0.8 ? [origin.id] : [],
      originWorkItemKeys: next() < 0.4 ? [`W-${Math.floor(next() * 200)}`] : [],
      originAuthoredByAgent: origin.isAgent,
      reworkChanges: [
        { pullRequestId: pick(merged).id, lines: next() * 90, cycleHours: next() * 70 },
      ],
    };
  });
  const deployments: DeploymentRecord[] = [];
  for (let index = 0; index < 80; index += 1) {
    const createdAt = when(start, 290);
    const listed = next() < 0.5;
    const shipped = merged.filter(
      (pr) => (pr.mergedAt?.getTime() ?? 0) <= createdAt.getTime() && next() < 0.03,
    );
    const earlier = deployments.filter((d) => d.createdAt.getTime() < createdAt.getTime());
    const target = earlier.length > 0 && next() < 0.15 ? pick(earlier).id : null;
    deployments.push({
      id: `d${index}`,
      repo: pick(repos),
      environment: next() < 0.85 ? 'production' : 'staging',
      createdAt,
      finishedAt:
        next() < 0.8 ? new Date(createdAt.getTime() + Math.floor(next() * 48 * hour)) : null,
      status: next() < 0.85 ? 'success' : pick(['failure', 'error', 'in_progress'] as const),
      isFix: next() < 0.2,
      ...(target !== null && next() < 0.5 ? { rollbackOfDeploymentId: target } : {}),
      ...(target !== null && next() < 0.5 ? { fixesDeploymentId: target } : {}),
      ...(listed ? { pullRequestIds: shipped.map((pr) => pr.id) } : {}),
    });
  }
  const incidents: IncidentRecord[] = Array.from({ length: 30 }, (_, index) => {
    const cause = next() < 0.75 ? pick(deployments) : null;
    const startedAt = new Date(
      (cause?.createdAt.getTime() ?? start) + Math.floor(next() * 40 * day),
    );
    return {
      id: `i${index}`,
      repo: cause?.repo ?? pick(repos),
      startedAt,
      resolvedAt:
        next() < 0.8 ? new Date(startedAt.getTime() + Math.floor(next() * 80 * hour)) : null,
      causedByDeploymentId: cause?.id ?? null,
    };
  });
  const memberships: TeamMembership[] = [
    { personId: 'p0', teamId: 'red', from: null, to: null },
    { personId: 'p1', teamId: 'red', from: null, to: new Date(start + 100 * day) },
    { personId: 'p1', teamId: 'blue', from: new Date(start + 100 * day), to: null },
    { personId: 'p2', teamId: 'blue', from: null, to: null },
    { personId: 'p3', teamId: 'red', from: null, to: null },
    { personId: 'p3', teamId: 'blue', from: null, to: null },
  ];
  return {
    data: { pullRequests, workItems, reworkItems, deployments, incidents, sprints },
    memberships,
  };
}

describe('periodInputs', () => {
  it.each([1, 2, 3, 4, 5])(
    'gives every period the values the whole dataset gives it (seed %i; organisation, team, repository)',
    (seed) => {
      const { data, memberships } = organisation(seed);
      for (const scope of [{}, { team: 'red' }, { team: 'blue' }, { repository: 'acme/api' }]) {
        const scoped = scopeDataset(data, scope, memberships).data;
        const periods = periodKinds.flatMap((kind) =>
          periodsBetween(new Date(start), new Date(start + 400 * day), kind, scoped.sprints),
        );
        const whole = computeMetricValues(scoped, periods, scope);
        const inputs = periodInputs(scoped, periods);
        const sliced = periods.flatMap((period, index) =>
          computeMetricValues(inputs[index] as MetricDataset, [period], scope),
        );
        expect(sliced).toEqual(whole);
        // And the slices are smaller than the history, or this proves nothing about speed.
        const largest = Math.max(...inputs.map((input) => input.pullRequests.length));
        expect(largest).toBeLessThan(scoped.pullRequests.length);
      }
    },
  );
});
