import { metricFormulas } from './formulas.js';
import { metricGroups, metricValueSchema } from './metric-definition.js';
import { periodOf } from './periods.js';
import { computeMetricValues, metricById, metricDefinitions } from './registry.js';
import { at, build } from './testing/build.js';

describe('metric registry', () => {
  const ids = metricDefinitions.map((definition) => definition.id);

  it('has one definition per formula and one formula per definition', () => {
    expect([...ids].sort()).toEqual(Object.keys(metricFormulas).sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses stable kebab-case ids prefixed by their group, and complete definitions', () => {
    for (const definition of metricDefinitions) {
      expect(definition.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(metricGroups).toContain(definition.group);
      expect(
        definition.id.startsWith(
          definition.group === 'review' ? 'review-' : `${definition.group}-`,
        ),
      ).toBe(true);
      expect(definition.definition.length).toBeGreaterThan(40);
      expect(definition.name.length).toBeGreaterThan(3);
    }
  });

  it('covers every metric the product spec names', () => {
    for (const id of [
      'velocity-story-points-per-sprint',
      'velocity-sprint-completion',
      'velocity-work-item-throughput',
      'velocity-pull-request-throughput',
      'velocity-pull-request-cycle-time',
      'velocity-work-item-cycle-time',
      'dora-deployment-frequency',
      'dora-lead-time-for-changes',
      'dora-change-failure-rate',
      'dora-failed-deployment-recovery-time',
      'dora-rework-rate',
      'context-missing-context-rework-effort-share',
      'review-depth-risk-correlation',
      'review-escaped-defect-rate-high-risk',
      'agents-review-depth-agent',
      'rework-engineer-days-execution',
    ]) {
      expect(metricById(id)?.id).toBe(id);
    }
    expect(metricById('nope')).toBeUndefined();
    expect(metricById('dora-change-failure-rate')).toMatchObject({
      unit: 'ratio',
      directionOfGood: 'down',
      universeNoun: 'deployments',
    });
  });

  it('computes every metric into values the api schema accepts, null ones with a reason', () => {
    const data = build.dataset({
      pullRequests: [
        build.pullRequest({
          id: 'p1',
          createdAt: at('2026-03-02T00:00:00Z'),
          mergedAt: at('2026-03-02T05:00:00Z'),
          riskScore: 70,
          depthScore: 10,
          rubberStamp: true,
        }),
      ],
      deployments: [
        build.deployment({
          id: 'd1',
          createdAt: at('2026-03-03T00:00:00Z'),
          finishedAt: at('2026-03-03T00:10:00Z'),
        }),
      ],
    });
    const periods = [
      periodOf(at('2026-03-02T00:00:00Z'), 'week'),
      periodOf(at('2026-03-02T00:00:00Z'), 'quarter'),
    ];
    const values = computeMetricValues(data, periods, { team: 'platform' });
    expect(values).toHaveLength(ids.length * 2);
    for (const value of values) expect(metricValueSchema.parse(value)).toEqual(value);
    const cycle = values.find(
      (value) =>
        value.metricId === 'velocity-pull-request-cycle-time' && value.period.label === '2026-W10',
    );
    expect(cycle).toMatchObject({
      value: 5,
      scope: { team: 'platform' },
      universe: { count: 1, noun: 'pull requests' },
    });
    const correlation = values.find((value) => value.metricId === 'review-depth-risk-correlation');
    expect(correlation).toMatchObject({
      value: null,
      reason: 'fewer than 10 scored pull requests',
    });
    expect(() => computeMetricValues(data, periods, {}, undefined, ['unknown-metric'])).toThrow(
      'unknown metric',
    );
  });

  it('rejects a null value without a reason', () => {
    const period = {
      kind: 'week',
      start: '2026-03-02T00:00:00.000Z',
      end: '2026-03-09T00:00:00.000Z',
      label: '2026-W10',
    };
    const bare = {
      metricId: 'dora-rework-rate',
      period,
      scope: {},
      value: null,
      universe: { count: 0, noun: 'deployments' },
      excluded: [],
    };
    expect(metricValueSchema.safeParse(bare).success).toBe(false);
    expect(
      metricValueSchema.safeParse({ ...bare, reason: 'no deployments in period' }).success,
    ).toBe(true);
  });
});
