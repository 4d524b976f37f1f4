import { healthResponseSchema, type HealthResponse } from '@rework-radar/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';

export interface HealthReading {
  health: HealthResponse;
  /** Round trip measured by the browser. */
  latencyMs: number;
  receivedAt: number;
}

export async function fetchHealth(signal?: AbortSignal): Promise<HealthReading> {
  const started = performance.now();
  const health = await getJson('/api/health', healthResponseSchema, {
    acceptStatuses: [503],
    signal,
  });
  return {
    health,
    latencyMs: Math.round((performance.now() - started) * 10) / 10,
    receivedAt: Date.now(),
  };
}

export const healthPollMs = 5000;

export const healthQueryOptions = queryOptions({
  queryKey: ['health'],
  queryFn: ({ signal }) => fetchHealth(signal),
  refetchInterval: healthPollMs,
});

export function useHealth() {
  return useQuery(healthQueryOptions);
}
