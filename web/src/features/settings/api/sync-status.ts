import { syncEnqueuedSchema, syncStatusSchema, type SyncStatus } from '@rework-radar/shared';
import { useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getJson } from '../../../lib/api-client';
import { sendJson } from '../../../lib/send-json';

const statusKey = ['settings', 'sync-status'] as const;

/** How the page learns about sync progress: pushed by the server, or polled when it cannot be. */
export type SyncFeed = 'live' | 'polling' | 'connecting';

/**
 * Live sync status: `GET /api/sync/events` (server-sent events) keeps the cached status fresh;
 * where EventSource is missing or the stream fails, `GET /api/sync/status` is polled every 5 s
 * instead. EventSource reconnects on its own, and the feed goes back to live when it does.
 */
export function useSyncStatus() {
  const client = useQueryClient();
  const [feed, setFeed] = useState<SyncFeed>(
    typeof EventSource === 'undefined' ? 'polling' : 'connecting',
  );
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/sync/events');
    const onStatus = (event: MessageEvent<string>) => {
      const parsed = syncStatusSchema.safeParse(JSON.parse(event.data));
      if (!parsed.success) return;
      client.setQueryData<SyncStatus>(statusKey, parsed.data);
      setFeed('live');
    };
    source.addEventListener('status', onStatus);
    source.addEventListener('error', () => setFeed('polling'));
    return () => source.close();
  }, [client]);
  const query = useQuery({
    queryKey: statusKey,
    queryFn: ({ signal }) => getJson('/api/sync/status', syncStatusSchema, { signal }),
    refetchInterval: feed === 'polling' ? 5000 : false,
    // While the stream is live, it is the source of truth.
    staleTime: feed === 'live' ? Infinity : 0,
  });
  return { ...query, feed };
}

/** `POST /api/sync`: queue a sync of the configured sources now. */
export function useStartSync() {
  return useMutation({
    mutationFn: () => sendJson('POST', '/api/sync', {}, syncEnqueuedSchema),
  });
}

/** `POST /api/analysis/reanalyse`: queue a full re-analysis (after the rules changed). */
export function useStartReanalysis() {
  return useMutation({
    mutationFn: () => sendJson('POST', '/api/analysis/reanalyse', {}, syncEnqueuedSchema),
  });
}
