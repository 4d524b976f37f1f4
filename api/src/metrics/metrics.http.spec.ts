import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import {
  apiErrorSchema,
  computeMetricValues,
  metricExplainResponseSchema,
  metricsResponseSchema,
  periodsBetween,
  quarterlyResponseSchema,
  reviewCalibrationResponseSchema,
  reworkListResponseSchema,
  scopeDataset,
  teamsResponseSchema,
  type MetricValue,
  type ReviewCalibrationPoint,
} from '@rework-radar/shared';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import { demoTeamsConfig } from '../teams/demo-teams';
import { loadMemberships } from '../teams/teams.store';
import { applyTeamsConfig } from '../teams/teams.store';
import { silentLogger } from '../testing/silent-logger';
import { startTestApp } from '../testing/test-app';
import { bearerHeaders } from '../testing/test-auth';
import { loadDemoDatabase, type DemoDatabase } from '../testing/demo-database';
import { loadMetricDataset } from './metric-dataset.repository';
import { refreshMetricRollups } from './refresh-metric-rollups';

/** Values the API answers must equal the shared formulas over the same data, scope and periods. */
async function expectedValues(
  dataSource: DataSource,
  scope: { team?: string },
  kind: 'month' | 'quarter',
  from: Date,
  to: Date,
): Promise<MetricValue[]> {
  const data = scopeDataset(
    await loadMetricDataset(dataSource.manager),
    scope,
    await loadMemberships(dataSource.manager),
  ).data;
  return computeMetricValues(data, periodsBetween(from, to, kind, data.sprints), scope);
}

const strip = (value: MetricValue): MetricValue => ({
  metricId: value.metricId,
  period: value.period,
  scope: value.scope,
  value: value.value,
  ...(value.reason === undefined ? {} : { reason: value.reason }),
  universe: value.universe,
  excluded: value.excluded,
  ...(value.linkingRule === undefined ? {} : { linkingRule: value.linkingRule }),
});

describe('metrics, teams and quarterly API over a small demo organisation', () => {
  let app: INestApplication;
  let demo: DemoDatabase;
  let dataSource: DataSource;
  const server = () => app.getHttpServer() as Server;
  let auth: { Authorization: string };
  /** Every request signs in as an admin (the access guard refuses anonymous reads). */
  const get = (url: string): request.Test => request(server()).get(url).set(auth);
  const put = (url: string): request.Test => request(server()).put(url).set(auth);
  const jiraSite = 'https://acme.atlassian.net';
  const from = '2025-01-01';
  const to = '2025-07-01';

  beforeAll(async () => {
    demo = await loadDemoDatabase({ seed: 7, prs: 400 });
    ({ dataSource } = demo);
    await dataSource.transaction((manager) => applyTeamsConfig(manager, demoTeamsConfig(7)));
    await refreshMetricRollups(dataSource, silentLogger());
    // A Jira site, so work items link to their browse page.
    app = await startTestApp(demo.database.url, { JIRA_BASE_URL: jiraSite, JIRA_PAT: 'unused' });
    auth = await bearerHeaders(app);
  }, 300_000);

  afterAll(async () => {
    await app.close();
    await demo.close();
  });

  it('lists the demo teams with every member resolved to a person through their identities', async () => {
    const { teams } = teamsResponseSchema.parse((await get('/api/teams').expect(200)).body);
    expect(teams.map((team) => team.slug)).toEqual([
      'growth',
      'mobile',
      'payments',
      'platform',
      'search',
    ]);
    expect(teams.every((team) => team.members.length === 8 && team.unresolved.length === 0)).toBe(
      true,
    );
    expect(teams.find((team) => team.slug === 'payments')).toMatchObject({
      jiraProjects: ['PAY'],
      repositories: ['acme-corp/ledger-service', 'acme-corp/payments-api'],
    });
  });

  it('answers the same values as the shared formulas, for the organisation and a team, with previous periods and deltas', async () => {
    for (const scope of [{}, { team: 'payments' }]) {
      const response = await get('/api/metrics')
        .query({ ...scope, period: 'month', from, to })
        .expect(200);
      const answer = metricsResponseSchema.parse(response.body);
      const expected = await expectedValues(
        dataSource,
        scope,
        'month',
        new Date(from),
        new Date(to),
      );
      expect(
        answer.values
          .map(strip)
          .sort(
            (a, b) =>
              a.period.start.localeCompare(b.period.start) || a.metricId.localeCompare(b.metricId),
          ),
      ).toEqual(
        expected.sort(
          (a, b) =>
            a.period.start.localeCompare(b.period.start) || a.metricId.localeCompare(b.metricId),
        ),
      );
      const march = answer.values.find(
        (v) => v.metricId === 'velocity-pull-request-throughput' && v.period.label === '2025-03',
      );
      const february = answer.values.find(
        (v) => v.metricId === 'velocity-pull-request-throughput' && v.period.label === '2025-02',
      );
      expect(march?.previous).toEqual({ period: february?.period, value: february?.value });
      expect(march?.delta).toBeCloseTo((march?.value ?? 0) - (february?.value ?? 0), 10);
    }
  });

  it('counts merged pull requests per week exactly as the table holds them (org, one month)', async () => {
    const [row] = await dataSource.query<Array<{ merged: string }>>(
      "SELECT count(*) AS merged FROM pull_request WHERE merged_at >= '2025-03-01' AND merged_at < '2025-04-01'",
    );
    const answer = metricsResponseSchema.parse(
      (
        await get('/api/metrics')
          .query({
            period: 'month',
            from: '2025-03-01',
            to: '2025-04-01',
            metric: 'velocity-pull-request-throughput',
          })
          .expect(200)
      ).body,
    );
    expect(answer.values).toHaveLength(1);
    expect(answer.values[0]?.universe.count).toBe(Number(row?.merged));
    expect(answer.values[0]?.value).toBeCloseTo(Number(row?.merged) / (31 / 7), 10);
  });

  it('computes the clarification rate from the questions the analysis counted per merged PR', async () => {
    const [row] = await dataSource.query<Array<{ prs: string; questions: string }>>(
      `SELECT count(*) AS prs, sum(c.questions) AS questions FROM pull_request p
       JOIN pull_request_clarification c ON c.pull_request_id = p.id
       WHERE p.merged_at >= '2025-03-01' AND p.merged_at < '2025-04-01'`,
    );
    expect(Number(row?.prs)).toBeGreaterThan(0);
    const answer = metricsResponseSchema.parse(
      (
        await get('/api/metrics')
          .query({
            period: 'month',
            from: '2025-03-01',
            to: '2025-04-01',
            metric: 'context-clarification-rate',
          })
          .expect(200)
      ).body,
    );
    expect(answer.values[0]?.universe.count).toBe(Number(row?.prs));
    expect(answer.values[0]?.value).toBeCloseTo(Number(row?.questions) / Number(row?.prs), 10);
  });

  it('refuses bad parameters with 400 naming each field, and unknown teams', async () => {
    const bad = apiErrorSchema.parse(
      (await get('/api/metrics').query({ period: 'year', metric: 'nope' }).expect(400)).body,
    );
    expect(bad.issues?.map((issue) => issue.field).sort()).toEqual(['metric', 'period']);
    const range = apiErrorSchema.parse(
      (await get('/api/metrics').query({ from: '2025-02-01', to: '2025-01-01' }).expect(400)).body,
    );
    expect(range.issues).toEqual([{ field: 'to', message: 'to must be after from' }]);
    const team = apiErrorSchema.parse(
      (await get('/api/metrics').query({ team: 'nobody' }).expect(400)).body,
    );
    expect(team.issues).toEqual([{ field: 'team', message: 'unknown team: nobody' }]);
    expect(
      apiErrorSchema.parse(
        (await get('/api/quarterly').query({ quarter: '2025-Q9' }).expect(400)).body,
      ).issues?.[0]?.field,
    ).toBe('quarter');
    expect(
      apiErrorSchema.parse(
        (await get('/api/review-calibration').query({ cursor: 'AAAA' }).expect(400)).body,
      ).issues?.[0]?.field,
    ).toBe('cursor');
    await get('/api/metrics/not-a-metric/explain')
      .query({ period: 'month', start: from })
      .expect(404);
  });

  it('answers a repository scope in its stored spelling whatever the case asked, and refuses an unknown one', async () => {
    const [repo] = await dataSource.query<Array<{ full_name: string }>>(
      'SELECT full_name FROM repository ORDER BY full_name LIMIT 1',
    );
    const name = repo?.full_name ?? '';
    const answer = metricsResponseSchema.parse(
      (
        await get('/api/metrics')
          .query({ period: 'quarter', from, to, repo: name.toUpperCase() })
          .expect(200)
      ).body,
    );
    expect(answer.scope).toEqual({ repository: name });
    expect(answer.values.length).toBeGreaterThan(0);
    expect(answer.computedAt).not.toBeNull();
    const unknown = apiErrorSchema.parse(
      (await get('/api/metrics').query({ repo: 'nobody/nothing' }).expect(400)).body,
    );
    expect(unknown.issues).toEqual([
      { field: 'repo', message: 'unknown repository: nobody/nothing' },
    ]);
  });

  it('exports CSV with a header and one escaped row per value, by format or Accept', async () => {
    const json = metricsResponseSchema.parse(
      (await get('/api/metrics').query({ period: 'quarter', from, to }).expect(200)).body,
    );
    const byFormat = await get('/api/metrics')
      .query({ period: 'quarter', from, to, format: 'csv' })
      .expect(200);
    expect(byFormat.headers['content-type']).toMatch(/^text\/csv/);
    const lines = byFormat.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'metric_id,team,repository,period_kind,period_label,period_start,period_end,value,reason,universe_count,universe_noun,previous_value,delta,excluded,linking_rule',
    );
    expect(lines).toHaveLength(json.values.length + 1);
    const byAccept = await get('/api/quarterly')
      .query({ quarter: '2025-Q2' })
      .set('Accept', 'text/csv')
      .expect(200);
    expect(byAccept.text.split('\r\n')[0]).toMatch(/^quarter,team,metric_id,/);
    expect(byAccept.text.trimEnd().split('\r\n')).toHaveLength(13);
  });

  it('explains a value with exactly the records of its universe, with links', async () => {
    const answer = metricExplainResponseSchema.parse(
      (
        await get('/api/metrics/velocity-pull-request-throughput/explain')
          .query({ team: 'payments', period: 'month', start: '2025-03-01', limit: 500 })
          .expect(200)
      ).body,
    );
    expect(answer.total).toBe(answer.value?.universe.count);
    expect(answer.items.length).toBe(answer.total);
    const titles = new Map(
      (
        await dataSource.query<Array<{ id: string; title: string }>>(
          'SELECT id, title FROM pull_request WHERE id = ANY($1::text[])',
          [answer.items.map((row) => row.id)],
        )
      ).map((row) => [row.id, row.title]),
    );
    for (const row of answer.items) {
      const [, repo, number] = /^github:(.+)#(\d+)$/.exec(row.id) ?? [];
      expect(row).toMatchObject({
        kind: 'pull-request',
        title: titles.get(row.id),
        url: `https://github.com/${repo ?? ''}/pull/${number ?? ''}`,
      });
      expect(row.title).toEqual(expect.any(String));
    }

    const items = metricExplainResponseSchema.parse(
      (
        await get('/api/metrics/velocity-work-item-throughput/explain')
          .query({ period: 'quarter', start: '2025-01-01', limit: 50 })
          .expect(200)
      ).body,
    ).items;
    expect(items.length).toBeGreaterThan(0);
    const summaries = new Map(
      (
        await dataSource.query<Array<{ key: string; summary: string }>>(
          'SELECT key, summary FROM work_item WHERE key = ANY($1::text[])',
          [items.map((row) => row.id)],
        )
      ).map((row) => [row.key, row.summary]),
    );
    for (const row of items)
      expect(row).toMatchObject({
        kind: 'work-item',
        title: summaries.get(row.id),
        url: `${jiraSite}/browse/${row.id}`,
      });

    const rework = metricExplainResponseSchema.parse(
      (
        await get('/api/metrics/rework-prs-execution/explain')
          .query({ period: 'quarter', start: '2025-01-01', limit: 20 })
          .expect(200)
      ).body,
    ).items;
    expect(rework.length).toBeGreaterThan(0);
    expect(rework.every((row) => row.kind === 'rework-item' && row.title !== null)).toBe(true);
  });

  it('pages through review calibration points once each, and scopes them to a team', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = reviewCalibrationResponseSchema.parse(
        (
          await get('/api/review-calibration')
            .query({ limit: 97, ...(cursor === null ? {} : { cursor }) })
            .expect(200)
        ).body,
      );
      page.items.forEach((item) => seen.add(item.pullRequestId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    const [row] = await dataSource.query<Array<{ count: string }>>(
      'SELECT count(*) FROM pull_request p JOIN pull_request_review_score s ON s.pull_request_id = p.id WHERE p.merged_at IS NOT NULL',
    );
    expect(seen.size).toBe(Number(row?.count));
    const team = reviewCalibrationResponseSchema.parse(
      (await get('/api/review-calibration').query({ team: 'payments', limit: 500 }).expect(200))
        .body,
    );
    expect(team.items.length).toBeGreaterThan(0);
    expect(team.items.length).toBeLessThan(seen.size);
  });

  /** Every review calibration point the query's pages hold. */
  const calibrationPages = async (query: Record<string, string | number>) => {
    const items: ReviewCalibrationPoint[] = [];
    let cursor: string | null = null;
    do {
      const page = reviewCalibrationResponseSchema.parse(
        (
          await get('/api/review-calibration')
            .query({ ...query, ...(cursor === null ? {} : { cursor }) })
            .expect(200)
        ).body,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  };

  it('lists every flagged pull request of a range by its flag, not only those on the first page', async () => {
    const range = { from: '2025-01-01', to: '2026-01-01' };
    const all = await calibrationPages({ ...range, limit: 500 });
    const ids = (points: ReviewCalibrationPoint[]) => points.map((point) => point.pullRequestId);
    for (const [flag, flagged] of [
      ['rubber-stamp', (point: ReviewCalibrationPoint) => point.rubberStamp],
      ['over-review', (point: ReviewCalibrationPoint) => point.overReview],
    ] as const) {
      const expected = ids(all.filter(flagged));
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(await calibrationPages({ ...range, flag, limit: 7 }))).toEqual(expected);
    }
    expect(
      apiErrorSchema.parse(
        (await get('/api/review-calibration').query({ flag: 'stamped' }).expect(400)).body,
      ).issues?.[0]?.field,
    ).toBe('flag');
  });

  it('samples pull requests evenly over the whole range, the same ones on every call, with the total', async () => {
    const range = { from: '2025-01-01', to: '2026-01-01' };
    const all = await calibrationPages({ ...range, limit: 500 });
    const sample = async () =>
      reviewCalibrationResponseSchema.parse(
        (
          await get('/api/review-calibration')
            .query({ ...range, sample: 100 })
            .expect(200)
        ).body,
      );
    const picked = await sample();
    expect(picked.total).toBe(all.length);
    expect(picked.items).toHaveLength(100);
    expect(picked.nextCursor).toBeNull();
    const mergedAt = picked.items.map((point) => point.mergedAt);
    expect(mergedAt).toEqual([...mergedAt].sort());
    // A first page of 100 would end in the range's first weeks; the sample reaches its second half.
    const middle = all[Math.floor(all.length / 2)]?.mergedAt ?? '';
    expect(mergedAt.filter((at) => at >= middle).length).toBeGreaterThan(25);
    const known = new Set(all.map((point) => point.pullRequestId));
    expect(picked.items.every((point) => known.has(point.pullRequestId))).toBe(true);
    expect((await sample()).items).toEqual(picked.items);
    expect(
      apiErrorSchema.parse(
        (await get('/api/review-calibration').query({ sample: 100, cursor: 'AAAA' }).expect(400))
          .body,
      ).issues?.[0]?.field,
    ).toBe('cursor');
  });

  it('lists exactly the rework items the team metrics count (same team rule for list and chart)', async () => {
    const expected = scopeDataset(
      await loadMetricDataset(dataSource.manager),
      { team: 'payments' },
      await loadMemberships(dataSource.manager),
    ).data.reworkItems;
    const listed = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = reworkListResponseSchema.parse(
        (
          await get('/api/rework')
            .query({ team: 'payments', limit: 500, ...(cursor === null ? {} : { cursor }) })
            .expect(200)
        ).body,
      );
      page.items.forEach((item) => listed.add(item.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(expected.length).toBeGreaterThan(0);
    expect([...listed].sort()).toEqual(expected.map((item) => item.id).sort());
    await get('/api/rework').query({ team: 'no-such-team' }).expect(400);
  });

  it('gives quarter over quarter deltas judged by the direction of good, with highlights', async () => {
    const answer = quarterlyResponseSchema.parse(
      (await get('/api/quarterly').query({ quarter: '2025-Q2', team: 'payments' }).expect(200))
        .body,
    );
    expect(answer.headlines).toHaveLength(12);
    const cycle = answer.headlines.find((h) => h.metricId === 'velocity-pull-request-cycle-time');
    expect(cycle?.directionOfGood).toBe('down');
    if (
      cycle?.value != null &&
      cycle.previousValue != null &&
      cycle.value < cycle.previousValue * 0.98
    )
      expect(cycle.verdict).toBe('better');
    expect(answer.highlights.length).toBeGreaterThan(0);
  });

  it('keeps history when a person moves team on a date (the change queues the refresh), and a second refresh reads nothing', async () => {
    const teams = demoTeamsConfig(7).teams;
    const payments = teams.find((team) => team.slug === 'payments');
    const growth = teams.find((team) => team.slug === 'growth');
    const mover = payments?.members[0];
    if (payments === undefined || growth === undefined || mover === undefined)
      throw new Error('demo teams changed');
    const before = metricsResponseSchema.parse(
      (
        await get('/api/metrics')
          .query({ team: 'payments', period: 'month', from: '2024-07-01', to: '2026-01-01' })
          .expect(200)
      ).body,
    );
    const { slug: _p, ...paymentsUpdate } = payments;
    const refused = apiErrorSchema.parse(
      (
        await put('/api/teams/payments')
          .send({
            ...paymentsUpdate,
            members: [{ ...mover, from: '2025-05-01', to: '2025-04-01' }],
          })
          .expect(400)
      ).body,
    );
    expect(refused.issues?.map((issue) => issue.field)).toEqual(['members.0.to']);
    const { slug: _g, ...growthUpdate } = growth;
    await put('/api/teams/payments')
      .send({
        ...paymentsUpdate,
        members: [{ ...mover, to: '2025-04-01' }, ...payments.members.slice(1)],
      })
      .expect(200);
    await put('/api/teams/growth')
      .send({ ...growthUpdate, members: [...growth.members, { ...mover, from: '2025-04-01' }] })
      .expect(200);
    // The changes queued one rollup refresh (they answer before it runs); run it as a worker does.
    const queued = await dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'refresh-rollups' AND state = 'created'`,
    );
    expect(queued[0]?.n).toBe(1);
    await refreshMetricRollups(dataSource, silentLogger());
    const after = metricsResponseSchema.parse(
      (
        await get('/api/metrics')
          .query({ team: 'payments', period: 'month', from: '2024-07-01', to: '2026-01-01' })
          .expect(200)
      ).body,
    );
    const value = (answer: typeof before, label: string): number | null | undefined =>
      answer.values.find(
        (v) => v.metricId === 'velocity-pull-request-throughput' && v.period.label === label,
      )?.value;
    // Before the move nothing changes; after it, the mover's PRs leave payments.
    for (const label of ['2024-09', '2025-01', '2025-03'])
      expect(value(after, label)).toBe(value(before, label));
    const moved = ['2025-05', '2025-07', '2025-09'].some(
      (label) => (value(after, label) ?? 0) < (value(before, label) ?? 0),
    );
    expect(moved).toBe(true);
    const expectedGrowth = await expectedValues(
      dataSource,
      { team: 'growth' },
      'month',
      new Date('2025-04-01'),
      new Date('2025-10-01'),
    );
    const growthAnswer = metricsResponseSchema.parse(
      (
        await get('/api/metrics')
          .query({ team: 'growth', period: 'month', from: '2025-04-01', to: '2025-10-01' })
          .expect(200)
      ).body,
    );
    expect(
      growthAnswer.values
        .map(strip)
        .sort(
          (a, b) =>
            a.period.start.localeCompare(b.period.start) || a.metricId.localeCompare(b.metricId),
        ),
    ).toEqual(
      expectedGrowth.sort(
        (a, b) =>
          a.period.start.localeCompare(b.period.start) || a.metricId.localeCompare(b.metricId),
      ),
    );
    const again = await refreshMetricRollups(dataSource, silentLogger());
    expect(again).toMatchObject({ skipped: true, rowsWritten: 0, rowsDeleted: 0 });
  });
});
