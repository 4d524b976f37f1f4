import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AnalysisConfig } from '../analysis/core';
import { loadDemoOrganisation } from './demo-loader';
import type { DemoStatusTracker } from './status/demo-status.tracker';

/**
 * `npm start` with no GitHub or Jira: generate (or reuse) the demo organisation and run it through
 * the real pipeline while the app already answers, so the UI can show the progress.
 */
export async function loadDemoInBackground(options: {
  dataDir: string;
  analysis: AnalysisConfig;
  dataSource: DataSource;
  logger: Logger;
  tracker: DemoStatusTracker;
  appUrl: string;
}): Promise<void> {
  const { logger, tracker } = options;
  let lastLogged = '';
  try {
    const result = await loadDemoOrganisation({
      dataDir: options.dataDir,
      analysis: options.analysis,
      dataSource: options.dataSource,
      logger,
      onProgress: (event) => {
        tracker.update(event);
        // One log line per stage step, not per page, so the terminal shows progress without a flood.
        const line = `${event.stage}: ${event.message}`;
        if (line !== lastLogged)
          logger.info({ demo: event.stage, done: event.done, total: event.total }, event.message);
        lastLogged = line;
      },
    });
    const seconds = (result.durationMs / 1000).toFixed(1);
    const message = `demo organisation ${result.reused ? 'reused' : 'generated'} and synced in ${seconds} s`;
    tracker.finish('ready', message);
    logger.info(`${message}: open ${options.appUrl}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    tracker.finish('failed', reason);
    logger.error({ err: error }, `the demo organisation could not be loaded: ${reason}`);
  }
}
