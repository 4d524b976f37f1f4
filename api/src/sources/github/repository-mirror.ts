import { ensureMirror } from '../git';
import type { SyncContext } from './sync-context';

/**
 * Reads: the repository's git data over HTTPS (git traffic, not API requests). Writes: the bare
 * mirror under `<dataDir>/git/<owner>/<name>.git`, cloned once and fetched on every sync. A
 * failure is retried, then reported: it never fails the sync, whose API data stays good.
 */

export interface MirrorFailure {
  repository: string;
  reason: string;
}

export interface MirrorOutcome {
  repository: string;
  gitDir: string | null;
  attempts: number;
  failure: MirrorFailure | null;
}

export const MIRROR_ATTEMPTS = 3;

/** Git's words for answers that another attempt cannot change (no such repository, no access). */
const permanentFailure =
  /repository not found|not found|authentication failed|returned error: (401|403|404)|could not read username/i;

export function isPermanentGitFailure(reason: string): boolean {
  return permanentFailure.test(reason);
}

/** `https://host/owner/name` (GraphQL `url`) -> `https://host/owner/name.git`. */
export function cloneUrlOf(webUrl: string): string {
  const trimmed = webUrl.replace(/\/+$/, '');
  return trimmed.endsWith('.git') ? trimmed : `${trimmed}.git`;
}

/** The token git must send: the configured one, or the App's current installation token. */
export async function gitToken(context: SyncContext): Promise<string | undefined> {
  const auth = (await context.client.auth({ type: 'installation' })) as { token?: unknown };
  return typeof auth.token === 'string' && auth.token.length > 0 ? auth.token : undefined;
}

export async function mirrorRepository(
  context: SyncContext,
  dataDir: string,
  fullName: string,
  webUrl: string | null,
): Promise<MirrorOutcome> {
  if (webUrl === null) {
    return {
      repository: fullName,
      gitDir: null,
      attempts: 0,
      failure: { repository: fullName, reason: 'GitHub gave no repository URL' },
    };
  }
  let lastReason = '';
  for (let attempt = 1; attempt <= MIRROR_ATTEMPTS; attempt += 1) {
    try {
      // Asked each time: an installation token expires after an hour and auth-app renews it.
      const token = await gitToken(context);
      const gitDir = await ensureMirror({
        dataDir,
        fullName,
        cloneUrl: cloneUrlOf(webUrl),
        ...(token === undefined ? {} : { token }),
      });
      return { repository: fullName, gitDir, attempts: attempt, failure: null };
    } catch (error) {
      // GitCommandError messages are already redacted of the token.
      // One line for the report; git's stderr spans several.
      lastReason = (error instanceof Error ? error.message : String(error))
        .replace(/\s+/g, ' ')
        .trim();
      context.logger.warn(
        { repository: fullName, attempt, reason: lastReason },
        'git mirror failed',
      );
      if (isPermanentGitFailure(lastReason)) {
        return {
          repository: fullName,
          gitDir: null,
          attempts: attempt,
          failure: { repository: fullName, reason: lastReason },
        };
      }
      if (attempt < MIRROR_ATTEMPTS)
        await new Promise((resolve) =>
          setTimeout(resolve, context.retryBaseMs * 2 ** (attempt - 1)),
        );
    }
  }
  return {
    repository: fullName,
    gitDir: null,
    attempts: MIRROR_ATTEMPTS,
    failure: { repository: fullName, reason: lastReason },
  };
}
