import {
  inPeriod,
  periodOf,
  periodsBetween,
  previousPeriod,
  sprintOf,
  toPeriodDto,
  weeksIn,
  type SprintRange,
} from './periods.js';

const at = (iso: string): Date => new Date(iso);
const iso = (date: Date): string => date.toISOString();

describe('periodOf', () => {
  it('puts a Wednesday in its ISO week starting Monday (2026-01-01 is a Thursday, so W01 starts 2025-12-29; W07 = +42 days)', () => {
    const week = periodOf(at('2026-02-11T15:00:00Z'), 'week');
    expect(week.label).toBe('2026-W07');
    expect(iso(week.start)).toBe('2026-02-09T00:00:00.000Z');
    expect(iso(week.end)).toBe('2026-02-16T00:00:00.000Z');
  });

  it('keeps Sunday 23:59 in the week that started on Monday', () => {
    expect(periodOf(at('2026-02-15T23:59:59Z'), 'week').label).toBe('2026-W07');
    expect(periodOf(at('2026-02-16T00:00:00Z'), 'week').label).toBe('2026-W08');
  });

  it('uses the ISO year of the Thursday at year ends', () => {
    // Friday 1 Jan 2027 sits in the week of Thursday 31 Dec 2026: (364 days / 7) + 1 = week 53.
    expect(periodOf(at('2027-01-01T12:00:00Z'), 'week').label).toBe('2026-W53');
    // Monday 30 Dec 2024: its Thursday is 2 Jan 2025, so week 1 of 2025.
    const week = periodOf(at('2024-12-30T00:00:00Z'), 'week');
    expect(week.label).toBe('2025-W01');
    expect(iso(week.start)).toBe('2024-12-30T00:00:00.000Z');
  });

  it('buckets months and quarters in UTC', () => {
    const month = periodOf(at('2026-03-31T23:59:59Z'), 'month');
    expect([month.label, iso(month.start), iso(month.end)]).toEqual([
      '2026-03',
      '2026-03-01T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
    ]);
    const q1 = periodOf(at('2026-02-10T00:00:00Z'), 'quarter');
    expect([q1.label, iso(q1.start), iso(q1.end)]).toEqual([
      '2026-Q1',
      '2026-01-01T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
    ]);
    const q4 = periodOf(at('2026-12-31T23:00:00Z'), 'quarter');
    expect([q4.label, iso(q4.end)]).toEqual(['2026-Q4', '2027-01-01T00:00:00.000Z']);
  });
});

describe('periodsBetween', () => {
  it('lists calendar periods overlapping [from, to)', () => {
    expect(
      periodsBetween(at('2026-01-01T00:00:00Z'), at('2026-04-01T00:00:00Z'), 'month').map(
        (p) => p.label,
      ),
    ).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(
      periodsBetween(at('2026-02-09T00:00:00Z'), at('2026-02-23T00:00:00Z'), 'week').map(
        (p) => p.label,
      ),
    ).toEqual(['2026-W07', '2026-W08']);
    expect(
      periodsBetween(at('2025-11-15T00:00:00Z'), at('2026-02-01T00:00:00Z'), 'quarter').map(
        (p) => p.label,
      ),
    ).toEqual(['2025-Q4', '2026-Q1']);
    expect(periodsBetween(at('2026-02-01T00:00:00Z'), at('2026-02-01T00:00:00Z'), 'month')).toEqual(
      [],
    );
  });

  const sprints: SprintRange[] = [
    {
      id: 's2',
      name: 'Sprint 2',
      startedAt: at('2026-01-19T00:00:00Z'),
      endedAt: at('2026-02-02T00:00:00Z'),
    },
    {
      id: 's1',
      name: 'Sprint 1',
      startedAt: at('2026-01-05T00:00:00Z'),
      endedAt: at('2026-01-19T00:00:00Z'),
    },
  ];

  it('lists sprints overlapping the range, oldest first, labelled by name', () => {
    expect(
      periodsBetween(at('2026-01-10T00:00:00Z'), at('2026-01-20T00:00:00Z'), 'sprint', sprints).map(
        (p) => p.label,
      ),
    ).toEqual(['Sprint 1', 'Sprint 2']);
    expect(
      periodsBetween(at('2026-02-02T00:00:00Z'), at('2026-03-01T00:00:00Z'), 'sprint', sprints),
    ).toEqual([]);
  });

  it('finds the sprint running at a time (half-open: the boundary belongs to the next sprint)', () => {
    expect(sprintOf(at('2026-01-19T00:00:00Z'), sprints)?.label).toBe('Sprint 2');
    expect(sprintOf(at('2026-01-18T23:59:59Z'), sprints)?.label).toBe('Sprint 1');
    expect(sprintOf(at('2026-03-01T00:00:00Z'), sprints)).toBeNull();
  });

  it('gives the previous period for deltas', () => {
    expect(previousPeriod(periodOf(at('2026-01-15T00:00:00Z'), 'month'))?.label).toBe('2025-12');
    // 2026-W01 starts Mon 29 Dec 2025; the week before starts 22 Dec, whose Thursday (25 Dec) is day 358: week 52.
    expect(previousPeriod(periodOf(at('2026-01-01T00:00:00Z'), 'week'))?.label).toBe('2025-W52');
    expect(previousPeriod(periodOf(at('2026-05-01T00:00:00Z'), 'quarter'))?.label).toBe('2026-Q1');
    const second = sprintOf(at('2026-01-20T00:00:00Z'), sprints);
    const first = sprintOf(at('2026-01-06T00:00:00Z'), sprints);
    expect(second && previousPeriod(second, sprints)?.label).toBe('Sprint 1');
    expect(first && previousPeriod(first, sprints)).toBeNull();
  });
});

describe('helpers', () => {
  it('measures periods in weeks and tests half-open membership', () => {
    const february = periodOf(at('2026-02-01T00:00:00Z'), 'month');
    expect(weeksIn(february)).toBe(4); // 28 days / 7
    expect(inPeriod(at('2026-02-01T00:00:00Z'), february)).toBe(true);
    expect(inPeriod(at('2026-03-01T00:00:00Z'), february)).toBe(false);
    expect(inPeriod(null, february)).toBe(false);
    expect(toPeriodDto(february)).toEqual({
      kind: 'month',
      start: '2026-02-01T00:00:00.000Z',
      end: '2026-03-01T00:00:00.000Z',
      label: '2026-02',
    });
  });
});
