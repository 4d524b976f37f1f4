import 'reflect-metadata';
import { invocationDir, loadEnvironment } from '../config/app-config';
import { runSyncCommand } from './sync-command';

/** `npm run sync -w api`: one sync with the current configuration, then exit. */
const baseDir = invocationDir();
runSyncCommand({
  env: loadEnvironment(baseDir),
  baseDir,
  stdout: process.stdout,
  stderr: process.stderr,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `Sync failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
