import { changeFailureRate } from './dora.js';
import { defaultMetricOptions as options } from './metric-result.js';
import {
  organisationDataset,
  repositoryDataset,
  scopeDataset,
  teamDataset,
  teamsAt,
  type TeamMembership,
} from './team-scoping.js';
import { at, build, march } from './testing/build.js';
import { pullRequestThroughput } from './velocity.js';

// Alice moves from team A to team B on 15 March; Bob is in A and C at once; Carol in C.
const memberships: TeamMembership[] = [
  { personId: 'alice', teamId: 'A', from: null, to: at('2026-03-15T00:00:00Z') },
  { personId: 'alice', teamId: 'B', from: at('2026-03-15T00:00:00Z'), to: null },
  { personId: 'bob', teamId: 'A', from: null, to: null },
  { personId: 'bob', teamId: 'C', from: at('2026-01-01T00:00:00Z'), to: null },
  { personId: 'carol', teamId: 'C', from: null, to: null },
];

const pr = (id: string, author: string | null, created: string, repo = 'acme/web') =>
  build.pullRequest({
    id,
    repo,
    authorPersonId: author,
    createdAt: at(created),
    mergedAt: new Date(at(created).getTime() + 3_600_000),
  });
const pa1 = pr('pa1', 'alice', '2026-03-10T00:00:00Z');
const pa2 = { ...pr('pa2', 'alice', '2026-03-20T00:00:00Z'), workItemKeys: ['W2'] };
const pb1 = pr('pb1', 'bob', '2026-03-12T00:00:00Z', 'acme/api');
const pc1 = pr('pc1', 'carol', '2026-03-13T00:00:00Z', 'acme/api');
const bot = pr('px', null, '2026-03-14T00:00:00Z');

const data = build.dataset({
  pullRequests: [pa1, pa2, pb1, pc1, bot, pa1], // pa1 twice, as a join on two teams would return it
  workItems: [
    build.workItem({
      key: 'W1',
      assigneePersonId: 'alice',
      startedAt: at('2026-03-14T00:00:00Z'),
      committedSprintIds: ['S1'],
    }),
    build.workItem({ key: 'W2', assigneePersonId: 'alice', createdAt: at('2026-03-16T00:00:00Z') }), // not started: created time decides
  ],
  sprints: [
    build.sprint('S1', '2026-03-02T00:00:00Z', '2026-03-16T00:00:00Z'),
    build.sprint('S9', '2026-03-02T00:00:00Z', '2026-03-16T00:00:00Z'),
  ],
  deployments: [
    build.deployment({
      id: 'd1',
      createdAt: at('2026-03-11T00:00:00Z'),
      finishedAt: at('2026-03-11T00:10:00Z'),
      pullRequestIds: ['pa1'],
    }),
    build.deployment({
      id: 'd2',
      createdAt: at('2026-03-21T00:00:00Z'),
      finishedAt: at('2026-03-21T00:10:00Z'),
    }), // time rule: ships pa2 (and px)
    build.deployment({
      id: 'd3',
      createdAt: at('2026-03-11T02:00:00Z'),
      finishedAt: at('2026-03-11T02:10:00Z'),
      rollbackOfDeploymentId: 'd1',
    }),
    build.deployment({
      id: 'd4',
      repo: 'acme/api',
      createdAt: at('2026-03-13T00:00:00Z'),
      finishedAt: at('2026-03-13T00:10:00Z'),
    }), // ships pb1
  ],
  incidents: [
    build.incident({ id: 'i1', startedAt: at('2026-03-11T01:00:00Z'), causedByDeploymentId: 'd1' }),
    build.incident({ id: 'i2', repo: 'acme/api', startedAt: at('2026-03-12T01:00:00Z') }),
  ],
  reworkItems: [
    build.reworkItem({ id: 'k1', originPrIds: ['pa2'] }),
    build.reworkItem({ id: 'k2', originWorkItemKeys: ['W1'] }),
  ],
});
const ids = (records: ReadonlyArray<{ id: string }>): string[] =>
  records.map((record) => record.id).sort();

describe('teamsAt', () => {
  it('uses the membership in force at the time (from inclusive, to exclusive)', () => {
    expect(teamsAt('alice', at('2026-03-14T23:59:59Z'), memberships)).toEqual(['A']);
    expect(teamsAt('alice', at('2026-03-15T00:00:00Z'), memberships)).toEqual(['B']);
    expect(teamsAt('bob', at('2026-03-01T00:00:00Z'), memberships)).toEqual(['A', 'C']);
    expect(teamsAt('bob', at('2025-12-31T00:00:00Z'), memberships)).toEqual(['A']);
    expect(teamsAt(null, at('2026-03-01T00:00:00Z'), memberships)).toEqual([]);
  });
});

describe('team views', () => {
  it('attribute each PR to the author’s team at the time it was opened', () => {
    const a = teamDataset(data, 'A', memberships);
    expect(ids(a.data.pullRequests)).toEqual(['pa1', 'pb1']); // alice before the move, bob
    expect(ids(teamDataset(data, 'B', memberships).data.pullRequests)).toEqual(['pa2']); // alice after the move
    expect(ids(teamDataset(data, 'C', memberships).data.pullRequests)).toEqual(['pb1', 'pc1']);
    expect(a.unattributed).toEqual({ pullRequests: 1, workItems: 0 }); // the bot PR
  });

  it('count a person in two teams in each team, and once in the organisation', () => {
    // merged in March: A 2 (pa1, pb1), C 2 (pb1, pc1), B 1; org 5 (pa1 once, px too), not 2 + 2 + 1 = 5 + the duplicate
    const perWeek = (dataset: typeof data) =>
      (pullRequestThroughput(dataset, march).value ?? 0) * (31 / 7);
    expect(perWeek(teamDataset(data, 'A', memberships).data)).toBeCloseTo(2, 10);
    expect(perWeek(teamDataset(data, 'C', memberships).data)).toBeCloseTo(2, 10);
    expect(perWeek(organisationDataset(data))).toBeCloseTo(5, 10);
    expect(ids(scopeDataset(data, {}, memberships).data.pullRequests)).toEqual([
      'pa1',
      'pa2',
      'pb1',
      'pc1',
      'px',
    ]);
  });

  it('build the organisation view once per dataset, and take it as its own view', () => {
    const organisation = organisationDataset(data);
    expect(organisationDataset(data)).toBe(organisation);
    expect(organisationDataset(organisation)).toBe(organisation);
    expect(scopeDataset(data, {}, memberships).data).toBe(organisation);
  });

  it('attribute work items by start time (else creation) and keep their sprints', () => {
    const a = teamDataset(data, 'A', memberships).data;
    expect(a.workItems.map((item) => item.key)).toEqual(['W1']);
    expect(a.sprints.map((sprint) => sprint.id)).toEqual(['S1']);
    expect(teamDataset(data, 'B', memberships).data.workItems.map((item) => item.key)).toEqual([
      'W2',
    ]);
  });

  it('follow PRs to deployments, their rollbacks and incidents, and origins to rework', () => {
    const a = teamDataset(data, 'A', memberships).data;
    expect(ids(a.deployments)).toEqual(['d1', 'd3', 'd4']); // d1 lists pa1, d3 rolls d1 back, d4 ships pb1
    expect(ids(a.incidents)).toEqual(['i1']);
    expect(ids(a.reworkItems)).toEqual(['k2']); // origin W1
    expect(changeFailureRate(a, march, options).value).toBe(1 / 3); // d1 of d1, d3, d4
    const b = teamDataset(data, 'B', memberships).data;
    expect(ids(b.deployments)).toEqual(['d2']);
    expect(ids(b.reworkItems)).toEqual(['k1']);
  });
});

describe('repository views', () => {
  it('keep the repository’s PRs, linked work items, its own deployments and incidents reported against it', () => {
    const api = repositoryDataset(data, 'acme/api');
    expect(ids(api.pullRequests)).toEqual(['pb1', 'pc1']);
    expect(ids(api.deployments)).toEqual(['d4']);
    expect(ids(api.incidents)).toEqual(['i2']);
    expect(repositoryDataset(data, 'acme/web').workItems.map((item) => item.key)).toEqual(['W2']);
  });

  it('combine with a team', () => {
    expect(
      ids(scopeDataset(data, { team: 'C', repository: 'acme/api' }, memberships).data.pullRequests),
    ).toEqual(['pb1', 'pc1']);
    expect(
      ids(scopeDataset(data, { team: 'A', repository: 'acme/web' }, memberships).data.pullRequests),
    ).toEqual(['pa1']);
  });
});
