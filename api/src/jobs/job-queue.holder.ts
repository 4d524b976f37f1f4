import type { Logger } from 'pino';
import type { JobsSettings } from './jobs-env';
import { JobQueue } from './job-queue';

/**
 * The api's handle on the queue, started on first use: an api that never queues a job never
 * touches pg-boss (nor creates its schema). A failed start is retried on the next use.
 */
export class JobQueueHolder {
  private starting: Promise<JobQueue> | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly settings: JobsSettings,
    private readonly logger: Logger,
  ) {}

  get(): Promise<JobQueue> {
    if (this.starting === undefined) {
      this.starting = JobQueue.start(this.databaseUrl, this.settings, this.logger, false);
      this.starting.catch(() => {
        this.starting = undefined;
      });
    }
    return this.starting;
  }

  async stop(): Promise<void> {
    const starting = this.starting;
    this.starting = undefined;
    if (starting === undefined) return;
    const queue = await starting.catch(() => undefined);
    await queue?.stop({ timeout: 1000 });
  }
}
