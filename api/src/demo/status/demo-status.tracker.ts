import type { DemoStatus } from '@rework-radar/shared';
import type { DemoProgressEvent } from '../demo-loader';

/** The demo load's progress, held in memory for the status route and the UI banner. */
export class DemoStatusTracker {
  private status: DemoStatus;

  constructor(enabled: boolean) {
    this.status = {
      enabled,
      state: enabled ? 'loading' : 'disabled',
      stage: null,
      message: null,
      done: null,
      total: null,
      startedAt: enabled ? new Date().toISOString() : null,
      finishedAt: null,
    };
  }

  update(event: DemoProgressEvent): void {
    this.status = {
      ...this.status,
      stage: event.stage,
      message: event.message,
      done: event.done ?? null,
      total: event.total ?? null,
    };
  }

  finish(outcome: 'ready' | 'failed', message: string): void {
    this.status = { ...this.status, state: outcome, message, finishedAt: new Date().toISOString() };
  }

  snapshot(): DemoStatus {
    return this.status;
  }
}
