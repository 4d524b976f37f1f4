import { runGitProcess } from './git-runner';

/**
 * Every git call goes through here: an argument array (never a shell string), no terminal
 * prompts, and errors that say which command failed without repeating secrets.
 */

export interface GitRunOptions {
  /** Working directory (a work tree or a bare repository); omitted for `git clone`. */
  cwd?: string;
  /** Extra environment entries, e.g. `GIT_CONFIG_*` for one-off configuration. */
  env?: Record<string, string>;
  /** Strings that must never appear in an error message (tokens). */
  secrets?: readonly string[];
  /** Generous by default: blame and diff output of big files can be large. */
  maxBufferBytes?: number;
  timeoutMs?: number;
}

export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(
      `git ${args.join(' ')} failed (exit ${exitCode ?? 'signal'}): ${stderr.trim() || 'no output'}`,
    );
    this.name = 'GitCommandError';
  }
}

const redact = (text: string, secrets: readonly string[]): string =>
  secrets
    .filter((secret) => secret.length > 0)
    .reduce((acc, secret) => acc.split(secret).join('***'), text);

/** Environment for git: the caller's, minus anything that could make git interactive. */
export function gitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GIT_PAGER: 'cat',
    // Stable, untranslated output: the parsers read English porcelain.
    LC_ALL: 'C',
    ...extra,
  };
}

/** git's standard output as bytes (`cat-file --batch` sizes are in bytes); `input` goes to its stdin. */
export async function runGitBytes(
  args: readonly string[],
  options: GitRunOptions & { input?: string } = {},
): Promise<Buffer> {
  const secrets = options.secrets ?? [];
  const result = await runGitProcess({
    args,
    cwd: options.cwd,
    env: gitEnvironment(options.env),
    maxBufferBytes: options.maxBufferBytes ?? 512 * 1024 * 1024,
    timeoutMs: options.timeoutMs ?? 10 * 60 * 1000,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  if (result.code === 0) return result.stdout;
  throw new GitCommandError(
    args.map((arg) => redact(arg, secrets)),
    result.code,
    redact(result.stderr || (result.failure ?? ''), secrets),
  );
}

export async function runGit(
  args: readonly string[],
  options: GitRunOptions = {},
): Promise<string> {
  return (await runGitBytes(args, options)).toString('utf8');
}
