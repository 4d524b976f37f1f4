import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The view scope every dashboard page shares, held in the URL so a link reproduces the view:
 * `team` (absent = the organisation), `quarter` (`2025-Q4`, absent = the latest quarter with
 * data) and `grain` (how charts bucket time).
 */
export const grains = ['week', 'month', 'quarter'] as const;
export type Grain = (typeof grains)[number];

export interface Scope {
  team: string | undefined;
  quarter: string | undefined;
  grain: Grain;
}

/** The search params that carry the scope from page to page. */
export const scopeParamNames = ['team', 'quarter', 'grain'] as const;

function isGrain(value: string | null): value is Grain {
  return value !== null && (grains as readonly string[]).includes(value);
}

export function useScope() {
  const [params, setParams] = useSearchParams();
  const team = params.get('team') ?? undefined;
  const quarter = params.get('quarter') ?? undefined;
  const rawGrain = params.get('grain');
  const scope = useMemo<Scope>(
    () => ({ team, quarter, grain: isGrain(rawGrain) ? rawGrain : 'month' }),
    [team, quarter, rawGrain],
  );
  const setScope = useCallback(
    (patch: Partial<Record<keyof Scope, string>>) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch) as [string, string | undefined][]) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      });
    },
    [setParams],
  );
  return { scope, setScope };
}

/** The scope part of the current search, to carry across navigation links. */
export function scopeSearch(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const name of scopeParamNames) {
    const value = params.get(name);
    if (value !== null) kept.set(name, value);
  }
  const text = kept.toString();
  return text === '' ? '' : `?${text}`;
}
