import type { PeriodDto, PeriodKind } from './metric-definition.js';

/**
 * Period bucketing, all in UTC so that a value never depends on the server's time zone.
 * A period is the half-open interval [start, end). Weeks are ISO weeks (Monday start, the week
 * belongs to the ISO year of its Thursday); sprints come from the sprint date ranges given.
 */
export interface Period {
  kind: PeriodKind;
  start: Date;
  end: Date;
  label: string;
}

export type CalendarPeriodKind = Exclude<PeriodKind, 'sprint'>;

/** A sprint's dates, as Jira reports them (start and completion or planned end). */
export interface SprintRange {
  id: string;
  name: string;
  startedAt: Date;
  endedAt: Date;
}

const dayMs = 86_400_000;
const weekMs = 7 * dayMs;
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function startOfUtcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

function isoWeek(start: Date): Period {
  // The Thursday of the week decides its ISO year; week 1 holds the year's first Thursday.
  const thursday = new Date(start.getTime() + 3 * dayMs);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / weekMs) + 1;
  return {
    kind: 'week',
    start,
    end: new Date(start.getTime() + weekMs),
    label: `${isoYear}-W${pad(week)}`,
  };
}

/** The calendar period (ISO week, month, quarter) that contains `date`. */
export function periodOf(date: Date, kind: CalendarPeriodKind): Period {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (kind) {
    case 'week': {
      const day = startOfUtcDay(date);
      const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
      return isoWeek(new Date(day - sinceMonday * dayMs));
    }
    case 'month':
      return {
        kind,
        start: new Date(Date.UTC(year, month, 1)),
        end: new Date(Date.UTC(year, month + 1, 1)),
        label: `${year}-${pad(month + 1)}`,
      };
    case 'quarter': {
      const quarter = Math.floor(month / 3);
      return {
        kind,
        start: new Date(Date.UTC(year, quarter * 3, 1)),
        end: new Date(Date.UTC(year, quarter * 3 + 3, 1)),
        label: `${year}-Q${quarter + 1}`,
      };
    }
  }
}

function sprintPeriod(sprint: SprintRange): Period {
  return { kind: 'sprint', start: sprint.startedAt, end: sprint.endedAt, label: sprint.name };
}

function byStart(sprints: readonly SprintRange[]): SprintRange[] {
  return [...sprints].sort(
    (a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id.localeCompare(b.id),
  );
}

/** The sprint running at `date` (the latest-started one when sprints overlap), or null. */
export function sprintOf(date: Date, sprints: readonly SprintRange[]): Period | null {
  const time = date.getTime();
  const running = byStart(sprints).filter(
    (sprint) => sprint.startedAt.getTime() <= time && time < sprint.endedAt.getTime(),
  );
  const latest = running.at(-1);
  return latest === undefined ? null : sprintPeriod(latest);
}

/**
 * Every period of `kind` that overlaps [from, to), oldest first. Sprints need `sprints`; a
 * sprint is included when it overlaps the range.
 */
export function periodsBetween(
  from: Date,
  to: Date,
  kind: PeriodKind,
  sprints: readonly SprintRange[] = [],
): Period[] {
  if (to.getTime() <= from.getTime()) return [];
  if (kind === 'sprint') {
    return byStart(sprints)
      .filter(
        (sprint) =>
          sprint.startedAt.getTime() < to.getTime() && sprint.endedAt.getTime() > from.getTime(),
      )
      .map(sprintPeriod);
  }
  const periods: Period[] = [];
  let current = periodOf(from, kind);
  while (current.start.getTime() < to.getTime()) {
    periods.push(current);
    current = periodOf(current.end, kind);
  }
  return periods;
}

/** The period before `period` (for deltas): the previous calendar period, or the sprint started last before it. */
export function previousPeriod(
  period: Period,
  sprints: readonly SprintRange[] = [],
): Period | null {
  if (period.kind !== 'sprint') return periodOf(new Date(period.start.getTime() - 1), period.kind);
  const earlier = byStart(sprints).filter(
    (sprint) => sprint.startedAt.getTime() < period.start.getTime(),
  );
  const last = earlier.at(-1);
  return last === undefined ? null : sprintPeriod(last);
}

/** Half-open membership: start <= date < end. */
export function inPeriod(
  date: Date | null | undefined,
  period: Pick<Period, 'start' | 'end'>,
): date is Date {
  if (date === null || date === undefined) return false;
  const time = date.getTime();
  return period.start.getTime() <= time && time < period.end.getTime();
}

/** The period's length in weeks (a month is ~4.3), the divisor of every per-week rate. */
export function weeksIn(period: Pick<Period, 'start' | 'end'>): number {
  return (period.end.getTime() - period.start.getTime()) / weekMs;
}

export function toPeriodDto(period: Period): PeriodDto {
  return {
    kind: period.kind,
    start: period.start.toISOString(),
    end: period.end.toISOString(),
    label: period.label,
  };
}
