import {
  changeFailureRate,
  deploymentFrequency,
  failedDeploymentRecoveryTime,
  leadTimeForChanges,
  mergeIntervals,
  reworkRate,
} from './dora.js';
import { defaultMetricOptions as options } from './metric-result.js';
import { at, build, week12 } from './testing/build.js';

// Week 12 (16-23 March 2026) on acme/web. Each production deployment is created 10 minutes before it finishes.
const deploy = (
  id: string,
  finished: string,
  extra: Partial<Parameters<typeof build.deployment>[0]> = {},
) =>
  build.deployment({
    id,
    createdAt: new Date(at(finished).getTime() - 600_000),
    finishedAt: at(finished),
    ...extra,
  });

const deployments = [
  deploy('d1', '2026-03-16T10:00:00Z'),
  deploy('d2', '2026-03-17T10:00:00Z'), // causes incidents i1 and i3
  deploy('d3', '2026-03-18T10:00:00Z', { isFix: true, pullRequestIds: ['p7'] }), // unplanned fix, ships p7
  deploy('d4', '2026-03-18T12:00:00Z', { environment: 'staging' }),
  deploy('d5', '2026-03-19T10:00:00Z', { status: 'failure' }),
  deploy('d6', '2026-03-20T10:00:00Z'), // rolled back by d7
  deploy('d7', '2026-03-20T12:00:00Z', { rollbackOfDeploymentId: 'd6' }),
  deploy('d8', '2026-03-25T10:00:00Z'), // next week
];
const incidents = [
  build.incident({
    id: 'i1',
    startedAt: at('2026-03-17T11:00:00Z'),
    resolvedAt: at('2026-03-17T15:00:00Z'),
    causedByDeploymentId: 'd2',
  }),
  build.incident({
    id: 'i3',
    startedAt: at('2026-03-17T13:00:00Z'),
    resolvedAt: at('2026-03-17T16:00:00Z'),
    causedByDeploymentId: 'd2',
  }),
  build.incident({
    id: 'i2',
    startedAt: at('2026-03-19T08:00:00Z'),
    resolvedAt: at('2026-03-19T09:00:00Z'),
  }), // no deployment
  build.incident({
    id: 'i4',
    startedAt: at('2026-03-20T13:00:00Z'),
    resolvedAt: null,
    causedByDeploymentId: 'd6',
  }), // still open
];
const pullRequests = [
  build.pullRequest({ id: 'p1', mergedAt: at('2026-03-16T08:00:00Z') }), // d1 (created 09:50): 2 h
  build.pullRequest({ id: 'p2', mergedAt: at('2026-03-16T09:55:00Z') }), // d1 started before the merge -> d2: 24 h 05 min
  build.pullRequest({ id: 'p3', mergedAt: at('2026-03-18T11:00:00Z') }), // d3 lists PRs, d4 staging, d5 failed -> d6: 47 h
  build.pullRequest({ id: 'p7', mergedAt: at('2026-03-18T08:00:00Z') }), // listed by d3: 2 h
  build.pullRequest({ id: 'p4', mergedAt: at('2026-03-22T00:00:00Z') }), // ships with d8, next week
  build.pullRequest({ id: 'p5', repo: 'acme/api', mergedAt: at('2026-03-22T12:00:00Z') }), // repo never deployed
];
const data = build.dataset({ deployments, incidents, pullRequests });
const notProduction = { reason: 'not a production environment', count: 1 };
const notSuccessful = {
  reason: 'deployment did not succeed (failed, errored or still running)',
  count: 1,
};
const unlinked = {
  reason: 'incident not linked to a deployment (cannot be attributed to a change)',
  count: 1,
};

describe('DORA on a hand-built week', () => {
  it('deployment frequency counts successful production deployments per week', () => {
    // d1, d2, d3, d6, d7 = 5 in one week; d4 staging and d5 failed excluded
    expect(deploymentFrequency(data, week12, options)).toEqual({
      value: 5,
      universe: { count: 5, noun: 'deployments' },
      excluded: [notProduction, notSuccessful],
    });
  });

  it('lead time is the median of merge to production deployment finished', () => {
    // [2, 24.0833, 47, 2] sorted [2, 2, 24.0833, 47]: median (2 + 24.0833) / 2 = 13.0417 h
    const result = leadTimeForChanges(data, week12, options);
    expect(result.value).toBeCloseTo((2 + 24 + 5 / 60) / 2, 10);
    expect(result.universe).toEqual({ count: 4, noun: 'pull requests' });
    expect(result.excluded).toEqual([
      { reason: 'merged in period, not (yet) deployed to production', count: 1 },
    ]);
    expect(result.linkingRule).toMatch(/first successful production deployment/);
  });

  it('links changes again when the production environments differ (no stale cache)', () => {
    expect(leadTimeForChanges(data, week12, options).value).toBeCloseTo((2 + 24 + 5 / 60) / 2, 10); // warm the cache
    const stagingIsProduction = { ...options, productionEnvironments: ['Staging'] };
    // Only d4 (created 18 Mar 11:50, finished 12:00) counts: p1 52 h, p2 50 h 05 min, p7 4 h, p3 1 h.
    // Sorted [1, 4, 50.083, 52]: median (4 + 50.083) / 2 = 27.0417 h
    expect(leadTimeForChanges(data, week12, stagingIsProduction).value).toBeCloseTo(
      (4 + 50 + 5 / 60) / 2,
      10,
    );
    expect(deploymentFrequency(data, week12, stagingIsProduction).value).toBe(1);
  });

  it('change failure rate counts deployments with an incident, a rollback or a hotfix', () => {
    // failed: d2 (incidents), d6 (rollback and an incident) = 2 of 5; the unlinked incident i2 is excluded
    expect(changeFailureRate(data, week12, options)).toMatchObject({
      value: 2 / 5,
      universe: { count: 5, noun: 'deployments' },
      excluded: [notProduction, notSuccessful, unlinked],
    });
    const hotfixed = build.dataset({
      deployments: [
        deploy('a', '2026-03-16T10:00:00Z'),
        deploy('b', '2026-03-17T10:00:00Z', { isFix: true, fixesDeploymentId: 'a' }),
      ],
    });
    expect(changeFailureRate(hotfixed, week12, options).value).toBe(1 / 2); // a failed (hotfixed by b); b did not
  });

  it('rework rate is unplanned fix deployments over all deployments', () => {
    expect(reworkRate(data, week12, options).value).toBe(1 / 5); // d3 of d1, d2, d3, d6, d7
  });

  it('recovery time merges overlapping incidents of one failure and skips open ones', () => {
    // d2: i1 11:00-15:00 and i3 13:00-16:00 overlap -> one failure of 11:00-16:00 = 5 h (not 4 + 3)
    // d6: rollback d7 finished 2 h after d6 finished -> 2 h (open i4 excluded)
    // median of [5, 2] = 3.5 h
    const result = failedDeploymentRecoveryTime(data, week12, options);
    expect(result).toMatchObject({
      value: 3.5,
      universe: { count: 2, noun: 'failures' },
      excluded: [unlinked, { reason: 'incident not yet resolved', count: 1 }],
    });
    expect(result.linkingRule).toMatch(/incident names it/);
  });
});

describe('DORA edge cases', () => {
  it('no deployments: frequency unknown, ratios not computable', () => {
    const none = build.dataset({ incidents: [incidents[2]!] });
    expect(deploymentFrequency(none, week12, options)).toMatchObject({
      value: null,
      reason: 'no deployments recorded for this scope',
    });
    expect(changeFailureRate(none, week12, options)).toMatchObject({
      value: null,
      reason: 'no deployments in period',
      universe: { count: 0 },
      excluded: [unlinked],
    });
    expect(reworkRate(none, week12, options)).toMatchObject({
      value: null,
      reason: 'no deployments in period',
    });
    expect(leadTimeForChanges(none, week12, options)).toMatchObject({
      value: null,
      reason: 'no deployments in period',
    });
    expect(failedDeploymentRecoveryTime(none, week12, options)).toMatchObject({
      value: null,
      reason: 'no failed deployment recovered in period',
    });
  });

  it('deployments elsewhere but none in the period: frequency 0, failure rate not computable', () => {
    const later = build.dataset({ deployments: [deploy('x', '2026-04-01T10:00:00Z')] });
    expect(deploymentFrequency(later, week12, options)).toMatchObject({
      value: 0,
      universe: { count: 0 },
    });
    expect(changeFailureRate(later, week12, options)).toMatchObject({
      value: null,
      reason: 'no deployments in period',
    });
  });

  it('incidents with no deployment never make a deployment failed', () => {
    const clean = build.dataset({
      deployments: [deploy('a', '2026-03-16T10:00:00Z')],
      incidents: [incidents[2]!, { ...incidents[2]!, id: 'i9' }],
    });
    expect(changeFailureRate(clean, week12, options)).toMatchObject({
      value: 0,
      excluded: [{ ...unlinked, count: 2 }],
    });
  });

  it('overlapping incidents of two different deployments are two failures', () => {
    const two = build.dataset({
      deployments: [deploy('a', '2026-03-16T10:00:00Z'), deploy('b', '2026-03-16T11:00:00Z')],
      incidents: [
        build.incident({
          id: 'x',
          startedAt: at('2026-03-16T12:00:00Z'),
          resolvedAt: at('2026-03-16T14:00:00Z'),
          causedByDeploymentId: 'a',
        }), // 2 h
        build.incident({
          id: 'y',
          startedAt: at('2026-03-16T13:00:00Z'),
          resolvedAt: at('2026-03-16T19:00:00Z'),
          causedByDeploymentId: 'b',
        }), // 6 h
      ],
    });
    expect(failedDeploymentRecoveryTime(two, week12, options)).toMatchObject({
      value: 4,
      universe: { count: 2 },
    }); // (2 + 6) / 2
    expect(changeFailureRate(two, week12, options).value).toBe(1);
  });

  it('a failure is placed in the period it started', () => {
    const late = build.dataset({
      deployments: [deploy('a', '2026-03-22T20:00:00Z')],
      incidents: [
        build.incident({
          id: 'x',
          startedAt: at('2026-03-23T01:00:00Z'),
          resolvedAt: at('2026-03-23T04:00:00Z'),
          causedByDeploymentId: 'a',
        }),
      ],
    });
    expect(failedDeploymentRecoveryTime(late, week12, options).value).toBeNull();
    expect(changeFailureRate(late, week12, options).value).toBe(1); // the deployment is in week 12
  });

  it('merges touching and nested intervals', () => {
    expect(
      mergeIntervals([
        { start: 5, end: 6 },
        { start: 0, end: 2 },
        { start: 2, end: 3 },
        { start: 0, end: 1 },
      ]),
    ).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 6 },
    ]);
  });
});
