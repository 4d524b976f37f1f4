import { reworkCauseSchema, reworkKindSchema, type ReworkItemView } from '@rework-radar/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The rework list's filters and sort, all held in the URL (shareable, survive reload). */
export interface ReworkFilters {
  cause: ReworkItemView['cause'] | undefined;
  kind: ReworkItemView['kind'] | undefined;
  repo: string | undefined;
  /** `YYYY-MM-DD`, inclusive. */
  from: string | undefined;
  /** `YYYY-MM-DD`, inclusive (sent to the api as the next midnight). */
  to: string | undefined;
  minConfidence: number | undefined;
  team: string | undefined;
}

export const sortKeys = [
  'occurredAt',
  'kind',
  'cause',
  'confidence',
  'effortLines',
  'effortHours',
] as const;
export type SortKey = (typeof sortKeys)[number];
export interface Sort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function optionalDate(value: string | null): string | undefined {
  return value !== null && datePattern.test(value) ? value : undefined;
}

export function readFilters(params: URLSearchParams): ReworkFilters {
  const cause = reworkCauseSchema.safeParse(params.get('cause'));
  const kind = reworkKindSchema.safeParse(params.get('kind'));
  const confidence = Number(params.get('minConfidence'));
  return {
    cause: cause.success ? cause.data : undefined,
    kind: kind.success ? kind.data : undefined,
    repo: params.get('repo') ?? undefined,
    from: optionalDate(params.get('from')),
    to: optionalDate(params.get('to')),
    minConfidence:
      params.has('minConfidence') && confidence >= 0 && confidence <= 1 ? confidence : undefined,
    team: params.get('team') ?? undefined,
  };
}

export function readSort(params: URLSearchParams): Sort {
  const key = params.get('sort');
  const found = sortKeys.find((candidate) => candidate === key);
  return { key: found ?? 'occurredAt', direction: params.get('dir') === 'asc' ? 'asc' : 'desc' };
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

/** The api's query for these filters: dates become UTC instants, `to` exclusive. */
export function apiQuery(filters: ReworkFilters): Record<string, string | number | undefined> {
  return {
    cause: filters.cause,
    kind: filters.kind,
    repo: filters.repo,
    from: filters.from === undefined ? undefined : `${filters.from}T00:00:00.000Z`,
    to: filters.to === undefined ? undefined : nextDay(filters.to),
    minConfidence: filters.minConfidence,
    team: filters.team,
  };
}

export function useReworkFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const sort = useMemo(() => readSort(params), [params]);
  const update = useCallback(
    (patch: Record<string, string | undefined>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { filters, sort, update };
}
