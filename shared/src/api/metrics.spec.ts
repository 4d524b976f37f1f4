import { metricsQuerySchema, reviewCalibrationQuerySchema } from './metrics.js';
import { quarterlyQuerySchema } from './quarterly.js';
import { teamsConfigSchema } from './teams.js';

const fields = (result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[] }> };
}): string[] => (result.error?.issues ?? []).map((issue) => issue.path.join('.')).sort();

describe('metrics API query schemas', () => {
  it('parses metric ids, the period and the range, with month as the default period', () => {
    const query = metricsQuerySchema.parse({
      team: 'payments',
      metric: 'dora-rework-rate, velocity-pull-request-throughput',
      from: '2025-01-01',
      to: '2025-07-01T00:00:00Z',
    });
    expect(query).toMatchObject({
      period: 'month',
      metric: ['dora-rework-rate', 'velocity-pull-request-throughput'],
    });
  });

  it('names the field of every refused value', () => {
    expect(fields(metricsQuerySchema.safeParse({ period: 'year', metric: 'nope' }))).toEqual([
      'metric',
      'period',
    ]);
    expect(fields(metricsQuerySchema.safeParse({ team: 'a', repo: 'o/r' }))).toEqual(['repo']);
    expect(fields(metricsQuerySchema.safeParse({ from: '2025-02-01', to: '2025-01-01' }))).toEqual([
      'to',
    ]);
    expect(fields(metricsQuerySchema.safeParse({ extra: '1' }))).toEqual(['']);
    expect(
      fields(reviewCalibrationQuerySchema.safeParse({ limit: '501', from: 'yesterday' })),
    ).toEqual(['from', 'limit']);
    expect(fields(quarterlyQuerySchema.safeParse({ quarter: '2026-Q5' }))).toEqual(['quarter']);
  });
});

describe('teams configuration schema', () => {
  it('accepts members by any identity with dated moves, and refuses duplicates and members with no identity', () => {
    const config = {
      teams: [
        {
          slug: 'payments',
          name: 'Payments',
          members: [{ github: 'ada', to: '2025-03-01' }],
          repositories: ['acme/pay'],
        },
      ],
    };
    expect(teamsConfigSchema.parse(config).teams[0]?.jiraProjects).toEqual([]);
    const bad = teamsConfigSchema.safeParse({
      teams: [{ slug: 'Pay ments', name: 'x', members: [{ from: '2025-03-01' }] }],
    });
    expect(fields(bad)).toEqual(['teams.0.members.0.github', 'teams.0.slug']);
    const twice = teamsConfigSchema.safeParse({
      teams: [
        { slug: 'a', name: 'A' },
        { slug: 'a', name: 'B' },
      ],
    });
    expect(fields(twice)).toEqual(['teams']);
  });
});
