import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runGit } from '../git-command';

/**
 * Builds real git histories with real `git` commands, deterministic dates and identities, for
 * the tracer's specs, its precision/recall harness and its benchmark. Used with
 * `isolateGitConfig` so the machine's git configuration does not leak in.
 */

export interface Author {
  name: string;
  email: string;
}

export const defaultAuthor: Author = { name: 'Ada Dev', email: 'ada@example.com' };

/** Points HOME and git's config lookups at a temp dir for this process; returns the undo. */
export function isolateGitConfig(homeDir: string): () => void {
  const keys = ['HOME', 'XDG_CONFIG_HOME', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL'] as const;
  const saved = keys.map((key) => [key, process.env[key]] as const);
  process.env.HOME = homeDir;
  process.env.XDG_CONFIG_HOME = join(homeDir, '.config');
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  process.env.GIT_CONFIG_GLOBAL = join(homeDir, '.gitconfig-none');
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) Reflect.deleteProperty(process.env, key);
      else process.env[key] = value;
    }
  };
}

export class HistoryBuilder {
  /** Seconds since the epoch of the next commit; each commit moves it forward an hour. */
  private clock: number;

  private constructor(
    readonly dir: string,
    startAt: Date,
  ) {
    this.clock = Math.floor(startAt.getTime() / 1000);
  }

  static async create(
    dir: string,
    startAt = new Date('2024-01-08T09:00:00Z'),
  ): Promise<HistoryBuilder> {
    await mkdir(dir, { recursive: true });
    const builder = new HistoryBuilder(dir, startAt);
    await builder.git(['init', '-q', '-b', 'main']);
    return builder;
  }

  get gitDir(): string {
    return join(this.dir, '.git');
  }

  git(args: readonly string[], author: Author = defaultAuthor): Promise<string> {
    const date = `${this.clock} +0000`;
    return runGit(['-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
      cwd: this.dir,
      env: {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    });
  }

  async write(path: string, content: string): Promise<void> {
    const target = join(this.dir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }

  read(path: string): Promise<string> {
    return readFile(join(this.dir, path), 'utf8');
  }

  async edit(path: string, change: (content: string) => string): Promise<void> {
    await this.write(path, change(await this.read(path)));
  }

  async move(from: string, to: string): Promise<void> {
    await mkdir(dirname(join(this.dir, to)), { recursive: true });
    await rename(join(this.dir, from), join(this.dir, to));
  }

  remove(path: string): Promise<void> {
    return rm(join(this.dir, path));
  }

  /** Stages everything and commits; returns the new commit's full sha. */
  async commit(message: string, author: Author = defaultAuthor): Promise<string> {
    this.clock += 3600;
    await this.git(['add', '-A']);
    await this.git(['commit', '-q', '--no-verify', '-m', message], author);
    return this.head();
  }

  async head(): Promise<string> {
    return (await this.git(['rev-parse', 'HEAD'])).trim();
  }

  async checkout(branch: string, create = false): Promise<void> {
    await this.git(create ? ['checkout', '-q', '-b', branch] : ['checkout', '-q', branch]);
  }

  /** A real merge commit (`--no-ff`) of `branch` into the current branch. */
  async merge(branch: string, message: string, author: Author = defaultAuthor): Promise<string> {
    this.clock += 3600;
    await this.git(['merge', '-q', '--no-ff', '--no-edit', '-m', message, branch], author);
    return this.head();
  }
}
