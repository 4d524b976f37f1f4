import type {
  MetricSeriesValue,
  MetricsResponse,
  QuarterlyResponse,
  ReviewCalibrationPoint,
  ReworkDetail,
  ReworkItemView,
  Team,
} from '@rework-radar/shared';

/** Factories for api answers in route tests: valid by the shared schemas, overridable per test. */
export const build = {
  reworkItem(overrides: Partial<ReworkItemView> = {}): ReworkItemView {
    return {
      id: 'follow-up-fix:github:acme/pay#12',
      kind: 'follow-up-fix',
      repo: 'acme/pay',
      occurredAt: '2025-12-03T10:00:00.000Z',
      detectedAt: '2025-11-04T10:00:00.000Z',
      rework: { pullRequests: ['github:acme/pay#12'], workItems: [], incident: null },
      origin: { pullRequests: ['github:acme/pay#10'], workItems: ['PAY-7'] },
      detection: {
        rule: 'szz-trace',
        rules: ['szz-trace'],
        facts: ['5 of the 5 traced changed lines came from #10'],
        links: [{ label: '#12', url: 'https://github.example/acme/pay/pull/12' }],
      },
      effort: { pullRequests: 1, lines: 40, cycleHours: 6 },
      cause: 'missing_context',
      model: {
        version: 1,
        cause: 'missing_context',
        confidence: 0.8,
        scores: { missing_context: 2.4, execution: 0.5 },
        reason: 'decided',
      },
      confidence: 0.8,
      evidence: [
        {
          signal: 'no_acceptance_criteria_at_start',
          side: 'missing_context',
          weight: 1,
          kind: 'work_item_at_start',
          description: 'PAY-7 had no acceptance criteria when work started',
          url: 'https://jira.example/browse/PAY-7',
        },
      ],
      override: null,
      ...overrides,
    };
  },
  reworkDetail(overrides: Partial<ReworkDetail> = {}): ReworkDetail {
    return {
      ...build.reworkItem(),
      overrides: [],
      originContexts: [],
      sourceLinks: [],
      ...overrides,
    };
  },
  metricValue(
    metricId: string,
    label: string,
    start: string,
    end: string,
    value: number | null,
  ): MetricSeriesValue {
    return {
      metricId,
      period: { kind: 'month', label, start, end },
      scope: {},
      value,
      ...(value === null ? { reason: 'no records in the period' } : {}),
      universe: { count: 10, noun: 'records' },
      excluded: [],
      previous: null,
      delta: null,
    };
  },
  metrics(values: MetricSeriesValue[]): MetricsResponse {
    return {
      scope: {},
      periodKind: 'month',
      from: '2025-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
      values,
      computedAt: null,
    };
  },
  team(overrides: Partial<Team> = {}): Team {
    return {
      slug: 'payments',
      name: 'Payments',
      members: [],
      repositories: ['acme/pay'],
      jiraProjects: ['PAY'],
      unresolved: [],
      unresolvedMembers: [],
      ...overrides,
    };
  },
  calibrationPoint(overrides: Partial<ReviewCalibrationPoint> = {}): ReviewCalibrationPoint {
    return {
      pullRequestId: 'github:acme/pay#10',
      repo: 'acme/pay',
      number: 10,
      title: 'Add refunds',
      url: 'https://github.example/acme/pay/pull/10',
      author: 'ana',
      isAgent: false,
      mergedAt: '2025-11-01T10:00:00.000Z',
      risk: 70,
      depth: 10,
      riskBucket: 'high',
      rubberStamp: false,
      overReview: false,
      ...overrides,
    };
  },
  quarterly(overrides: Partial<QuarterlyResponse> = {}): QuarterlyResponse {
    return {
      quarter: {
        kind: 'quarter',
        label: '2025-Q4',
        start: '2025-10-01T00:00:00.000Z',
        end: '2026-01-01T00:00:00.000Z',
      },
      previousQuarter: {
        kind: 'quarter',
        label: '2025-Q3',
        start: '2025-07-01T00:00:00.000Z',
        end: '2025-10-01T00:00:00.000Z',
      },
      scope: {},
      headlines: [],
      highlights: [],
      computedAt: null,
      ...overrides,
    };
  },
};

/** A rework list page answer. */
export function reworkPage(items: ReworkItemView[], nextCursor: string | null = null) {
  return { status: 200, body: { items, nextCursor } };
}
