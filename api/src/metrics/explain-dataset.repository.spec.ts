import {
  metricDefinitions,
  periodsBetween,
  scopeDataset,
  type MetricDataset,
  type MetricScope,
  type Period,
  type TeamMembership,
} from '@rework-radar/shared';
import type { DataSource } from 'typeorm';
import type { LinkBase } from '../analysis/detection/detected-rework';
import { demoTeamsConfig } from '../teams/demo-teams';
import { applyTeamsConfig, loadMemberships } from '../teams/teams.store';
import { loadDemoDatabase, type DemoDatabase } from '../testing/demo-database';
import { loadExplainDataset } from './explain-dataset.repository';
import { loadMetricDataset } from './metric-dataset.repository';
import { explainRuleFor, type ExplainRule } from './metric-explain';

const links: LinkBase = { githubWebUrl: 'https://github.com', jiraBaseUrl: 'https://acme.test' };

describe('the records loaded to explain one value', () => {
  let demo: DemoDatabase;
  let dataSource: DataSource;
  let whole: MetricDataset;
  let memberships: TeamMembership[];
  let scopes: MetricScope[];
  let unlisted: string[];

  beforeAll(async () => {
    demo = await loadDemoDatabase({ seed: 11, prs: 400 });
    ({ dataSource } = demo);
    await dataSource.transaction((manager) => applyTeamsConfig(manager, demoTeamsConfig(11)));
    // Deployments that list no pull request (no merge commit has their SHA): what they shipped
    // follows from merge times alone, and the pull requests they listed are listed by none.
    unlisted = (
      await dataSource.query<Array<{ id: string }>>(
        "SELECT id FROM deployment WHERE status = 'success' ORDER BY id LIMIT 60",
      )
    ).map((row) => row.id);
    await dataSource.query(
      "UPDATE deployment SET sha = 'unlisted-' || sha WHERE id = ANY($1::text[])",
      [unlisted],
    );
    whole = await loadMetricDataset(dataSource.manager);
    memberships = await loadMemberships(dataSource.manager);
    const teams = await dataSource.query<Array<{ slug: string }>>('SELECT slug FROM team');
    const repos = [...new Set(whole.pullRequests.map((pr) => pr.repo))].sort().slice(0, 3);
    scopes = [
      {},
      ...teams.map((team) => ({ team: team.slug })),
      ...repos.map((repository) => ({ repository })),
    ];
  }, 300_000);

  afterAll(() => demo.close());

  const rows = (data: MetricDataset, rule: ExplainRule, scope: MetricScope, period: Period) =>
    rule
      .rows(scopeDataset(data, scope, memberships).data, period, links)
      .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));

  it('lists exactly what the whole dataset lists, for every rule, scope and period kind', async () => {
    const rules = new Map(
      metricDefinitions.map((definition) => {
        const rule = explainRuleFor(definition.id);
        return [rule.records, rule] as const;
      }),
    );
    expect([...rules.keys()].sort()).toEqual([
      'deployments',
      'ended-sprints',
      'incidents',
      'merged-pull-requests',
      'resolved-work-items',
      'rework-items',
      'started-work-items',
    ]);
    const periods = [
      ...periodsBetween(new Date('2024-07-01'), new Date('2026-01-01'), 'quarter', whole.sprints),
      ...periodsBetween(new Date('2025-03-01'), new Date('2025-05-01'), 'month', whole.sprints),
      ...periodsBetween(new Date('2025-04-01'), new Date('2025-04-22'), 'week', whole.sprints),
      ...periodsBetween(new Date('2025-01-01'), new Date('2025-04-01'), 'sprint', whole.sprints),
    ];
    let compared = 0;
    let nonEmpty = 0;
    for (const rule of rules.values()) {
      for (const period of periods) {
        const part = await loadExplainDataset(dataSource.manager, rule.records, period);
        for (const scope of scopes) {
          const expected = rows(whole, rule, scope, period);
          expect({
            rule: rule.records,
            scope,
            period: period.label,
            rows: rows(part, rule, scope, period),
          }).toEqual({
            rule: rule.records,
            scope,
            period: period.label,
            rows: expected,
          });
          compared += 1;
          if (expected.length > 0) nonEmpty += 1;
        }
      }
    }
    // The comparisons are about something: many of them list records.
    expect(nonEmpty).toBeGreaterThan(compared / 3);
  }, 300_000);

  it('covers team views of deployments that list no pull request and of incidents with a cause', () => {
    const shippedUnlisted = whole.deployments.filter(
      (deployment) =>
        unlisted.includes(deployment.id) &&
        scopes.some(
          (scope) =>
            scope.team !== undefined &&
            scopeDataset(whole, scope, memberships).data.deployments.includes(deployment),
        ),
    );
    expect(shippedUnlisted.length).toBeGreaterThan(0);
    expect(whole.incidents.some((incident) => incident.causedByDeploymentId !== null)).toBe(true);
  });

  it('reads a period instead of the history', async () => {
    const [quarter] = periodsBetween(
      new Date('2025-04-01'),
      new Date('2025-07-01'),
      'quarter',
      whole.sprints,
    );
    if (quarter === undefined) throw new Error('no quarter');
    const part = await loadExplainDataset(dataSource.manager, 'merged-pull-requests', quarter);
    expect(part.pullRequests.length).toBeGreaterThan(0);
    expect(part.pullRequests.length).toBeLessThan(whole.pullRequests.length / 2);
    expect(part.workItems).toEqual([]);
  });
});
