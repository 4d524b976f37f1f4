import {
  metricById,
  metricDefinitions,
  periodOf,
  previousPeriod,
  scopeDataset,
  toPeriodDto,
  type MetricExplainQuery,
  type MetricExplainResponse,
  type MetricsQuery,
  type MetricsResponse,
  type Period,
  type QuarterlyQuery,
  type QuarterlyResponse,
} from '@rework-radar/shared';
import type { EntityManager } from 'typeorm';
import type { LinkBase } from '../analysis/detection/detected-rework';
import { instant } from '../teams/team-members.resolve';
import { loadMemberships } from '../teams/teams.store';
import { AnswerCache, type CachedAnswer } from './answer-cache';
import { explainRuleFor } from './metric-explain';
import { withTitles } from './explain-titles';
import { loadExplainDataset } from './explain-dataset.repository';
import { readRollups, rollupScopeState, type RollupKey } from './metrics-read.repository';
import { headline, headlineMetricIds, highlights, quarterPeriod } from './quarterly';

/** Domain errors of the metrics routes; the controller maps them to 400/404 naming the field. */
export class MetricsInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

const yearMs = 365 * 86_400_000;

/** The scope's rollup key and refresh stamp; an unknown team or repository is a 400 naming the field. */
async function scopeState(
  manager: EntityManager,
  scope: { team?: string; repo?: string },
): Promise<{ key: RollupKey; computedAt: string | null }> {
  const state = await rollupScopeState(manager, scope);
  if (state !== null) return state;
  if (scope.team !== undefined) throw new MetricsInputError('team', `unknown team: ${scope.team}`);
  throw new MetricsInputError('repo', `unknown repository: ${scope.repo ?? ''}`);
}

/** Refuses an unknown team or repository (400 naming the field). */
export async function assertScope(
  manager: EntityManager,
  scope: { team?: string; repo?: string },
): Promise<void> {
  await scopeState(manager, scope);
}

const scopeOf = (key: RollupKey): { team?: string; repository?: string } =>
  key.kind === 'team' ? { team: key.key } : key.kind === 'repo' ? { repository: key.key } : {};

const metricsAnswers = new AnswerCache<MetricsResponse>(256);
const quarterlyAnswers = new AnswerCache<QuarterlyResponse>(256);

/** `GET /api/metrics`: rollups only, the same answer again until the scope is refreshed. */
export async function readMetrics(
  manager: EntityManager,
  query: MetricsQuery,
): Promise<CachedAnswer<MetricsResponse>> {
  const { key, computedAt } = await scopeState(manager, query);
  const to = instant(query.to) ?? new Date();
  const from = instant(query.from) ?? new Date(to.getTime() - yearMs);
  const question = JSON.stringify([key, query.period, from, to, query.metric ?? null, computedAt]);
  return metricsAnswers.getOrCompute(question, async () => {
    const scope = scopeOf(key);
    const values = await readRollups(manager, key, query.period, from, to, query.metric ?? null);
    return {
      scope,
      periodKind: query.period,
      from: from.toISOString(),
      to: to.toISOString(),
      values: values.map((value) => ({ ...value, scope })),
      computedAt,
    };
  });
}

/** The period a start date names: the calendar period containing it, or the sprint starting then. */
async function periodAt(
  manager: EntityManager,
  kind: MetricExplainQuery['period'],
  start: Date,
): Promise<Period> {
  if (kind !== 'sprint') return periodOf(start, kind);
  const rows = await manager.query<
    Array<{ period_start: Date; period_end: Date; period_label: string }>
  >(
    "SELECT DISTINCT period_start, period_end, period_label FROM metric_rollup WHERE period_kind = 'sprint' AND period_start = $1 ORDER BY period_label LIMIT 1",
    [start],
  );
  const row = rows[0];
  if (row === undefined) throw new MetricsInputError('start', 'no sprint starts at this time');
  return { kind, start: row.period_start, end: row.period_end, label: row.period_label };
}

const encodeOffset = (offset: number): string =>
  Buffer.from(`o${offset}`, 'utf8').toString('base64url');

function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^o(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match?.[1] === undefined)
    throw new MetricsInputError('cursor', 'cursor is not one this API gave');
  return Number(match[1]);
}

/**
 * `GET /api/metrics/:metricId/explain`: the records behind one value. A drill-down, not a chart:
 * it reads the period's records of the rule from the domain tables, with what scoping them needs
 * (the rollup value is returned beside it).
 */
export async function explainMetric(
  manager: EntityManager,
  metricId: string,
  query: MetricExplainQuery,
  links: LinkBase,
): Promise<MetricExplainResponse> {
  if (metricById(metricId) === undefined)
    throw new MetricsInputError('metricId', `unknown metric: ${metricId}`, 404);
  const { key } = await scopeState(manager, query);
  const start = instant(query.start) ?? new Date(0);
  const period = await periodAt(manager, query.period, start);
  const scope = scopeOf(key);
  const [rollup] = await readRollups(manager, key, period.kind, period.start, period.end, [
    metricId,
  ]);
  const rule = explainRuleFor(metricId);
  const data = scopeDataset(
    await loadExplainDataset(manager, rule.records, period),
    scope,
    await loadMemberships(manager),
  ).data;
  const rows = rule
    .rows(data, period, links)
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const offset = decodeOffset(query.cursor);
  const page = await withTitles(manager, rows.slice(offset, offset + query.limit));
  const value =
    rollup === undefined
      ? null
      : {
          metricId: rollup.metricId,
          period: rollup.period,
          scope,
          value: rollup.value,
          ...(rollup.reason === undefined ? {} : { reason: rollup.reason }),
          universe: rollup.universe,
          excluded: rollup.excluded,
          ...(rollup.linkingRule === undefined ? {} : { linkingRule: rollup.linkingRule }),
        };
  return {
    metricId,
    period: toPeriodDto(period),
    scope,
    value,
    rule: rule.rule,
    total: rows.length,
    items: page,
    nextCursor: offset + query.limit < rows.length ? encodeOffset(offset + query.limit) : null,
  };
}

/** `GET /api/quarterly`: rollups of the quarter and the one before, for the headline metrics. */
export async function readQuarterly(
  manager: EntityManager,
  query: QuarterlyQuery,
): Promise<CachedAnswer<QuarterlyResponse>> {
  const { key, computedAt } = await scopeState(manager, query);
  const question = JSON.stringify([key, query.quarter, computedAt]);
  return quarterlyAnswers.getOrCompute(question, async () => {
    const quarter = quarterPeriod(query.quarter);
    const before = previousPeriod(quarter) ?? quarter;
    const rows = await readRollups(
      manager,
      key,
      'quarter',
      quarter.start,
      quarter.end,
      headlineMetricIds,
    );
    const byMetric = new Map(
      rows
        .filter((row) => row.period.start === quarter.start.toISOString())
        .map((row) => [row.metricId, row]),
    );
    const headlines = headlineMetricIds.map((id) => {
      const row = byMetric.get(id);
      const previousValue =
        row?.previous?.period.start === before.start.toISOString() ? row.previous.value : null;
      return headline(id, row, previousValue);
    });
    return {
      quarter: toPeriodDto(quarter),
      previousQuarter: toPeriodDto(before),
      scope: key.kind === 'team' ? { team: key.key } : {},
      headlines,
      highlights: highlights(quarter.label, headlines),
      computedAt,
    };
  });
}

export const definitionsResponse = { definitions: [...metricDefinitions] };
