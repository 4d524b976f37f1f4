import { pairWithPrevious, type RollupRow } from './metrics-read.repository';

const row = (
  metric: string,
  start: string,
  end: string,
  label: string,
  value: number | null,
): RollupRow => ({
  metric_id: metric,
  period_kind: 'sprint',
  period_start: new Date(start),
  period_end: new Date(end),
  period_label: label,
  value,
  reason: null,
  universe_count: 1,
  universe_noun: 'items',
  excluded: [],
  linking_rule: null,
});

describe('pairWithPrevious', () => {
  it('pairs each row with its metric’s latest earlier start (highest label on ties) and answers only rows in range', () => {
    const rows = [
      row('a', '2025-01-01', '2025-01-15', 'S1', 1),
      row('b', '2025-01-01', '2025-01-15', 'S1', 10),
      row('a', '2025-01-15', '2025-01-29', 'S2 board x', 2),
      row('a', '2025-01-15', '2025-01-29', 'S2 board y', 3),
      row('a', '2025-01-29', '2025-02-12', 'S3', null),
      row('a', '2025-02-12', '2025-02-26', 'S4', 5),
      row('b', '2025-02-12', '2025-02-26', 'S4', 12),
    ];
    const answer = pairWithPrevious(rows, new Date('2025-01-20'));
    const seen = answer.map((value) => [
      value.metricId,
      value.period.label,
      value.previous?.period.label ?? null,
      value.delta,
    ]);
    expect(seen).toEqual([
      ['a', 'S2 board x', 'S1', 1],
      ['a', 'S2 board y', 'S1', 2],
      ['a', 'S3', 'S2 board y', null],
      ['a', 'S4', 'S3', null],
      ['b', 'S4', 'S1', 2],
    ]);
  });

  it('gives no previous to the first period a metric has', () => {
    const [only] = pairWithPrevious([row('a', '2025-01-01', '2025-01-15', 'S1', 1)], new Date(0));
    expect(only?.previous).toBeNull();
    expect(only?.delta).toBeNull();
  });
});
