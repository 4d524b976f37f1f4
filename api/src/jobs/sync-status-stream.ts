import type { SyncStatus } from '@rework-radar/shared';
import {
  catchError,
  distinctUntilChanged,
  EMPTY,
  exhaustMap,
  from,
  type Observable,
  shareReplay,
  timer,
} from 'rxjs';

/**
 * Sync status as a stream of snapshots: the reader is polled every `pollMs` and a snapshot is
 * emitted only when it differs from the last one. One poll per process however many clients
 * listen (shared, started by the first subscriber, stopped after the last leaves); a late
 * subscriber gets the current snapshot at once. A failed read is skipped, not fatal: the next
 * poll tries again (a database restart must not end every open stream).
 */
export function syncStatusChanges(
  read: () => Promise<SyncStatus>,
  pollMs: number,
  onReadError: (error: unknown) => void,
): Observable<SyncStatus> {
  return timer(0, pollMs).pipe(
    // A slow read is not overlapped by the next tick.
    exhaustMap(() =>
      from(read()).pipe(
        catchError((error: unknown) => {
          onReadError(error);
          return EMPTY;
        }),
      ),
    ),
    distinctUntilChanged((previous, next) => JSON.stringify(previous) === JSON.stringify(next)),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
}
