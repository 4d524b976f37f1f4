import { readFile } from 'node:fs/promises';
import { defaultMetricOptions, scopeDataset, type PullRequestRecord } from '@rework-radar/shared';
import { loadMetricDataset } from '../metrics/metric-dataset.repository';
import { demoTeamsConfig } from '../teams/demo-teams';
import { applyTeamsConfig, loadMemberships } from '../teams/teams.store';
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

  beforeAll(async () => {
    demo = await loadDemoDatabase({ seed: 7, prs: 2000 });
    truth = JSON.parse(await readFile(demo.loaded.groundTruthPath, 'utf8')) as GroundTruthFile;
    const teams = demoTeamsConfig(7);
    await demo.dataSource.transaction((manager) => applyTeamsConfig(manager, teams));
    const data = await loadMetricDataset(demo.dataSource.manager);
    const slug = teams.teams.find((team) => team.name === truth.story.velocityTeam)?.slug;
    velocityTeamPrs = scopeDataset(
      data,
      { team: slug ?? 'missing' },
      await loadMemberships(demo.dataSource.manager),
    ).data.pullRequests;
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
});
