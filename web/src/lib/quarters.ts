import { periodOf, type Period } from '@rework-radar/shared';

const quarterPattern = /^(\d{4})-Q([1-4])$/;

/** `2025-Q4` -> the calendar quarter (UTC); null for anything else. */
export function parseQuarter(label: string): Period | null {
  const match = quarterPattern.exec(label);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return periodOf(new Date(Date.UTC(Number(match[1]), (Number(match[2]) - 1) * 3, 1)), 'quarter');
}

export function quarterOf(date: Date): Period {
  return periodOf(date, 'quarter');
}

export function previousQuarter(quarter: Period): Period {
  return periodOf(new Date(quarter.start.getTime() - 1), 'quarter');
}

/** The `count` quarters ending with `last`, oldest first. */
export function quartersEndingWith(last: Period, count: number): Period[] {
  const quarters = [last];
  while (quarters.length < count) {
    const first = quarters[0];
    if (first === undefined) break;
    quarters.unshift(previousQuarter(first));
  }
  return quarters;
}
