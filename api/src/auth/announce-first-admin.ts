import type { Logger } from 'pino';
import type { FirstAdminOutcome } from './first-admin';

/**
 * A generated admin password is written once, straight to the terminal (not into the JSON log,
 * which may be shipped elsewhere); it is never stored in clear and cannot be shown again.
 */
export function announceFirstAdmin(
  outcome: FirstAdminOutcome,
  appUrl: string,
  logger: Logger,
): void {
  if (outcome.kind === 'created-from-config') {
    logger.info({ email: outcome.email }, 'admin account created from ADMIN_EMAIL');
    return;
  }
  if (outcome.kind !== 'generated') return;
  logger.info(
    { email: outcome.email },
    'first admin account generated; its password was printed once',
  );
  process.stdout.write(
    [
      '',
      '  ┌─ First start: an admin account was created ──────────────────────',
      `  │  sign in at ${appUrl}`,
      `  │  e-mail    ${outcome.email}`,
      `  │  password  ${outcome.password}`,
      '  │  This password is shown only now. Set ADMIN_EMAIL and ADMIN_PASSWORD',
      '  │  to choose your own; add people under Settings → Users.',
      '  └───────────────────────────────────────────────────────────────────',
      '',
    ].join('\n') + '\n',
  );
}
