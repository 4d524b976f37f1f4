import type { SyncStatus } from '@rework-radar/shared';
import { firstValueFrom, take, toArray } from 'rxjs';
import { syncStatusChanges } from './sync-status-stream';

const status = (active: number): SyncStatus => ({
  queues: [
    {
      queue: 'sync-github',
      counts: { created: 0, retry: 0, active, completed: 0, cancelled: 0, failed: 0 },
    },
  ],
  jobs: [],
});

describe('syncStatusChanges', () => {
  it('emits a snapshot only when it changed, skipping failed reads', async () => {
    const answers: (SyncStatus | Error)[] = [
      status(1),
      status(1),
      new Error('database restarting'),
      status(1),
      status(2),
      status(2),
      status(0),
    ];
    let reads = 0;
    const errors: unknown[] = [];
    const read = () => {
      const answer = answers[Math.min(reads, answers.length - 1)] ?? status(0);
      reads += 1;
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    };
    const emitted = await firstValueFrom(
      syncStatusChanges(read, 5, (error) => errors.push(error)).pipe(take(3), toArray()),
    );
    expect(emitted.map((snapshot) => snapshot.queues[0]?.counts.active)).toEqual([1, 2, 0]);
    expect(errors).toHaveLength(1);
    expect(reads).toBe(7);
  });

  it('polls once for every listener and replays the current snapshot to a late one', async () => {
    let reads = 0;
    const read = () => {
      reads += 1;
      return Promise.resolve(status(reads < 3 ? 1 : 2));
    };
    const stream = syncStatusChanges(read, 20, () => undefined);
    const first = firstValueFrom(stream.pipe(take(2), toArray()));
    const second = firstValueFrom(stream.pipe(take(2), toArray()));
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual([status(1), status(2)]);
    expect(b).toEqual([status(1), status(2)]);
    // Two listeners, one poll: 3 reads reach the change (not 6).
    expect(reads).toBe(3);
  });
});
