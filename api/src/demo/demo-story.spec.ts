import { readFile } from 'node:fs/promises';
import {
  computeMetricValues,
  defaultMetricOptions,
  scopeDataset,
  type MetricDataset,
  type PullRequestRecord,
} from '@rework-radar/shared';
import { loadMetricDataset } from '../metrics/metric-dataset.repository';
import { demoTeamsConfig } from '../teams/demo-teams';
import { applyTeamsConfig, loadMemberships, reresolveTeams } from '../teams/teams.store';
import { loadDemoDatabase, type DemoDatabase } from '../testing/demo-database';
import type { GroundTruthFile } from './ground-truth';

/**
 * The demo's story as the product reads it (simulators, connectors, analysis, metric records),
 * not as the generator meant it: what the review calibration view shows must carry the story.
 */
describe('the demo organisation, analysed', () => {
  let demo: DemoDatabase;
  let truth: GroundTruthFile;
  let velocityTeamPrs: readonly PullRequestRecord[];
  let allPrs: readonly PullRequestRecord[];
  let teamData: Map<string, MetricDataset>;

  beforeAll(async () => {
    demo = await loadDemoDatabase({ seed: 7, prs: 2000 });
    truth = JSON.parse(await readFile(demo.loaded.groundTruthPath, 'utf8')) as GroundTruthFile;
    const teams = demoTeamsConfig(7);
    // As the product does: the configuration, then (before each rollup refresh) the identity
    // merge with the accounts each member names, and the members resolved again.
    await demo.dataSource.transaction((manager) => applyTeamsConfig(manager, teams));
    await demo.dataSource.transaction((manager) => reresolveTeams(manager));
    const data = await loadMetricDataset(demo.dataSource.manager);
    const memberships = await loadMemberships(demo.dataSource.manager);
    teamData = new Map(
      teams.teams.map((team) => [
        team.name,
        scopeDataset(data, { team: team.slug }, memberships).data,
      ]),
    );
    velocityTeamPrs = teamData.get(truth.story.velocityTeam)?.pullRequests ?? [];
    allPrs = data.pullRequests;
  }, 300_000);

  afterAll(() => demo.close());

  /** The review calibration metric's reading: high-risk merged PRs, and the share rubber-stamped. */
  const stamps = (prs: readonly PullRequestRecord[]) => {
    const risky = prs.filter(
      (pr) => pr.mergedAt !== null && (pr.riskScore ?? 0) >= defaultMetricOptions.highRiskMin,
    );
    return {
      risky: risky.length,
      share: risky.filter((pr) => pr.rubberStamp === true).length / Math.max(1, risky.length),
    };
  };

  it('has large risky PRs that review calibration flags as rubber stamps', () => {
    const all = stamps(allPrs);
    expect(all.risky).toBeGreaterThan(allPrs.length * 0.02);
    expect(all.share).toBeGreaterThan(0.1);
  });

  it('shows the velocity team shipping more risky batches, and rubber-stamping more of them than the rest, once it chases velocity', () => {
    const switchedAt = Date.parse(truth.story.velocityFrom);
    const months = (from: number, to: number): number => (to - from) / (30.4 * 86_400_000);
    const start = Date.parse('2024-07-01');
    const end = Date.parse('2026-01-01');
    const before = stamps(velocityTeamPrs.filter((pr) => pr.createdAt.getTime() < switchedAt));
    const after = stamps(velocityTeamPrs.filter((pr) => pr.createdAt.getTime() >= switchedAt));
    const team = new Set(velocityTeamPrs.map((pr) => pr.id));
    const rest = stamps(allPrs.filter((pr) => !team.has(pr.id)));
    expect(after.risky / months(switchedAt, end)).toBeGreaterThan(
      (2 * before.risky) / months(start, switchedAt),
    );
    expect(after.share).toBeGreaterThan(rest.share + 0.15);
  });

  /** One metric of a team over [from, to). */
  const metric = (team: string, metricId: string, from: number, to: number): number | null => {
    const data = teamData.get(team);
    if (data === undefined) throw new Error(`no team ${team}`);
    const period = {
      kind: 'quarter' as const,
      start: new Date(from),
      end: new Date(to),
      label: '',
    };
    return (
      computeMetricValues(data, [period], { team }, defaultMetricOptions, [metricId])[0]?.value ??
      null
    );
  };
  const start = Date.parse('2024-07-01');
  const end = Date.parse('2026-01-01');

  it("counts each member's tickets in their team: story points, context scores and ticket cycle times in every team's view", () => {
    const empty: string[] = [];
    for (const [team, data] of teamData) {
      expect(data.workItems.length).toBeGreaterThan(data.pullRequests.length * 0.5);
      for (const metricId of [
        'velocity-story-points-per-sprint',
        'velocity-work-item-cycle-time',
        'context-score-at-start-mean',
      ])
        if (metric(team, metricId, start, end) === null) empty.push(`${team}: ${metricId}`);
    }
    expect(empty).toEqual([]);
  });

  /** Rework the analysis attributed to missing context, per merged PR of the team, by when its origin was opened. */
  const missingContextRate = (team: string, from: number, to: number): number => {
    const data = teamData.get(team);
    if (data === undefined) throw new Error(`no team ${team}`);
    const opened = new Map(data.pullRequests.map((pr) => [pr.id, pr.createdAt.getTime()]));
    const inWindow = (id: string): boolean => {
      const at = opened.get(id);
      return at !== undefined && at >= from && at < to;
    };
    const merged = data.pullRequests.filter((pr) => pr.mergedAt !== null && inWindow(pr.id));
    const missing = data.reworkItems.filter(
      (item) => item.cause === 'missing_context' && item.originPrIds.some(inWindow),
    );
    return missing.length / Math.max(1, merged.length);
  };

  it('shows the context-first team causing markedly less missing-context rework per PR once it switches', () => {
    const switchedAt = Date.parse(truth.story.contextFirstFrom);
    const team = truth.story.contextFirstTeam;
    expect(missingContextRate(team, switchedAt, end)).toBeLessThan(
      0.7 * missingContextRate(team, start, switchedAt),
    );
  });

  // The generator's agents open 5% of feature PRs in the first month and 35% in the last; people
  // write the fixes, so of all PRs about 5% and 30% (seed 7: 4.8% and 28%).
  it('shows agent-authored PRs growing from about 5% of the first quarter to about 30% of the last, as the connector detects them', () => {
    const agentShare = (from: string, to: string): number => {
      const opened = allPrs.filter(
        (pr) => pr.createdAt >= new Date(from) && pr.createdAt < new Date(to),
      );
      return opened.filter((pr) => pr.isAgent).length / Math.max(1, opened.length);
    };
    const first = agentShare('2024-07-01', '2024-10-01');
    const last = agentShare('2025-10-01', '2026-01-01');
    expect(first).toBeGreaterThan(0.02);
    expect(first).toBeLessThan(0.1);
    expect(last).toBeGreaterThan(0.2);
    expect(last).toBeLessThan(0.4);
  });

  it('shows the velocity team completing more story points per sprint once it chases velocity', () => {
    const switchedAt = Date.parse(truth.story.velocityFrom);
    const team = truth.story.velocityTeam;
    const before = metric(team, 'velocity-story-points-per-sprint', start, switchedAt);
    const after = metric(team, 'velocity-story-points-per-sprint', switchedAt, end);
    expect(before).not.toBeNull();
    expect(after ?? 0).toBeGreaterThan((before ?? 0) * 1.1);
  });
});
