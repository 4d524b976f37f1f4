import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../app.tokens';
import { JobQueueHolder } from './job-queue.holder';

/**
 * Queues a refresh of the metric rollups after a committed change that moves effective causes (an
 * override, a model activation). A worker runs it: at 1M PRs a refresh takes minutes, too long for
 * a request, and a burst of changes waits as one job (the queue's singleton key). Best effort: the
 * change is already committed, so a queue out of reach is logged rather than failing the request;
 * the rollups catch up at the next refresh.
 */
@Injectable()
export class RollupRefreshQueue {
  constructor(
    private readonly queue: JobQueueHolder,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /** @param after what changed, for the log */
  async request(after: string): Promise<void> {
    try {
      const queue = await this.queue.get();
      await queue.enqueue({ queue: 'refresh-rollups', data: {} });
    } catch (error) {
      this.logger.warn(
        { err: error, after },
        'metric rollup refresh not queued: the dashboard keeps the previous causes until the next refresh',
      );
    }
  }
}
