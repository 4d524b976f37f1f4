import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileHeader, renderFunction } from './code-render';
import type { CodeOp, GenCommit, GenPullRequest, GenRepo } from './org-model';
import { forgetOldLandings } from './org-stream';

/**
 * Writes one repository's real history with one `git fast-import` process: an initial commit,
 * then every PR in landing order. PR commits go to `refs/pull/<n>/head` (as GitHub keeps them)
 * on top of main; a merged PR lands as a merge commit or a squashed commit on main. Reverts undo
 * the origin's landing exactly and quote its SHA, which fast-import tells us (`get-mark`) in the
 * middle of the stream. Marks are the generator's commit ids; `finish()` returns id -> SHA.
 */

interface FunctionModel {
  fnId: number;
  length: number;
  isTest: boolean;
  /** line -> version of the lines changed since the function was added (null: none). */
  versions: Map<number, number> | null;
  cache: string[] | null;
}
interface FileModel {
  isTest: boolean;
  header: string[] | null;
  functions: FunctionModel[];
}
/**
 * How to take one change of a landed PR back out, kept as data (a function in its compact text
 * form) rather than a closure: a closure kept the function's rendered lines alive, and at a
 * million PRs the 45 days of landings a revert may still quote held most of the heap.
 */
type UndoStep =
  | { kind: 'remove-function'; path: string; fnId: number }
  | { kind: 'restore-function'; path: string; index: number; encoded: string }
  | { kind: 'restore-versions'; path: string; fnId: number; versions: string | null };

const rootMark = 999_999_999;

/**
 * Files kept as full models (rendered text cached); the rest are kept as a compact string and
 * rebuilt when touched again. Without this bound every function ever written, with its text,
 * stays in memory; 200 hot files of 14 functions cost about 3 MB per repository.
 */
export const defaultHotFiles = 200;

function encodeVersions(versions: Map<number, number>): string {
  return [...versions].map(([line, version]) => `${line}=${version}`).join(',');
}

function decodeVersions(text: string): Map<number, number> {
  if (text === '') return new Map();
  return new Map(
    text.split(',').map((pair) => {
      const [line = '0', version = '0'] = pair.split('=');
      return [Number(line), Number(version)] as const;
    }),
  );
}

function encodeFunction(fn: FunctionModel): string {
  const versions = fn.versions === null ? '' : `:${encodeVersions(fn.versions)}`;
  return `${fn.fnId}.${fn.length}.${fn.isTest ? 1 : 0}${versions}`;
}

function encodeFile(file: FileModel): string {
  return `${file.isTest ? 1 : 0}|${file.functions.map(encodeFunction).join(';')}`;
}

function decodeFile(text: string): FileModel {
  const [kind = '0', body = ''] = text.split('|');
  const functions = body === '' ? [] : body.split(';').map(decodeFunction);
  return { isTest: kind === '1', header: null, functions };
}

function decodeFunction(text: string): FunctionModel {
  const [head = '', versions] = text.split(':');
  const [fnId = '0', length = '0', isTest = '0'] = head.split('.');
  return {
    fnId: Number(fnId),
    length: Number(length),
    isTest: isTest === '1',
    versions: versions === undefined ? null : decodeVersions(versions),
    cache: null,
  };
}

export class RepoHistoryWriter {
  /** Full models, least recently touched first. */
  private readonly files = new Map<string, FileModel>();
  private readonly coldFiles = new Map<string, string>();
  /** Per landed PR, in landing order: how to take it back out (a revert). */
  private readonly undo = new Map<number, { steps: UndoStep[]; paths: string[]; at: number }>();
  private mainTip = rootMark;
  private readonly answers: ((line: string) => void)[] = [];
  private exited: Promise<number>;
  private failure: string[] = [];

  private constructor(
    readonly gitDir: string,
    private readonly repo: GenRepo,
    private readonly process: ChildProcessWithoutNullStreams,
    private readonly marksPath: string,
    private readonly hotFiles: number,
  ) {
    createInterface({ input: process.stdout }).on('line', (line) => this.answers.shift()?.(line));
    process.stderr.on('data', (chunk: Buffer) => this.failure.push(chunk.toString('utf8')));
    this.exited = new Promise((resolve) => process.on('close', (code) => resolve(code ?? 1)));
  }

  static async open(
    gitDir: string,
    repo: GenRepo,
    createdAt: string,
    options: { hotFiles?: number } = {},
  ): Promise<RepoHistoryWriter> {
    await rm(gitDir, { recursive: true, force: true });
    await mkdir(gitDir, { recursive: true });
    await run(['init', '--bare', '-q', '-b', 'main', gitDir]);
    const marksPath = join(gitDir, 'demo-marks');
    const child = spawn(
      'git',
      ['fast-import', '--quiet', '--done', `--export-marks=${marksPath}`],
      {
        cwd: gitDir,
        env: { ...process.env, GIT_DIR: gitDir, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' },
      },
    );
    const writer = new RepoHistoryWriter(
      gitDir,
      repo,
      child,
      marksPath,
      options.hotFiles ?? defaultHotFiles,
    );
    writer.commitRaw(
      'refs/heads/main',
      rootMark,
      { name: 'Acme Bot', email: 'bot@acme-corp.test', at: createdAt },
      `Initial commit of ${repo.name}`,
      null,
      null,
      [
        {
          path: 'README.md',
          content: `# ${repo.name}\n\nOwned by the ${repo.name.split('-')[0] ?? ''} team.\n`,
        },
      ],
    );
    return writer;
  }

  /** Writes one PR (in landing order). */
  async write(pr: GenPullRequest): Promise<void> {
    const merged = pr.state === 'MERGED' && pr.landing !== null;
    const snapshot = merged ? undefined : this.snapshot(pr);
    const steps: UndoStep[] = [];
    const paths = new Set<string>();
    let branchTip = this.mainTip;
    for (const commit of pr.commits) {
      const changed = this.apply(commit.ops, steps);
      changed.forEach((path) => paths.add(path));
      const message = await this.resolve(commit.message);
      this.commitRaw(
        `refs/pull/${pr.number}/head`,
        commit.id,
        identity(commit),
        message,
        branchTip,
        null,
        this.contents(changed),
      );
      branchTip = commit.id;
    }
    if (!merged || pr.landing === null) {
      snapshot?.();
      await this.drained();
      return;
    }
    const landing = pr.landing;
    const message = await this.resolve(landing.message);
    const who = { name: landing.authorName, email: landing.authorEmail, at: landing.committedAt };
    this.commitRaw(
      'refs/heads/main',
      landing.id,
      who,
      message,
      this.mainTip,
      this.repo.strategy === 'merge' ? branchTip : null,
      this.contents([...paths]),
    );
    this.mainTip = landing.id;
    const at = Date.parse(landing.committedAt);
    this.undo.set(pr.number, { steps, paths: [...paths], at });
    forgetOldLandings(this.undo, at, 800);
    await this.drained();
  }

  /** Backpressure: wait while fast-import lags, or the stream buffers every commit in memory. */
  private async drained(): Promise<void> {
    const stdin = this.process.stdin;
    if (stdin.writableLength < 4 * 1_048_576) return;
    await new Promise<void>((resolve) => stdin.once('drain', () => resolve()));
  }

  /** Stops fast-import without writing anything (after a failure elsewhere). */
  abort(): void {
    this.process.kill();
  }

  /**
   * Ends the import and leaves the marks (`:<commit id> <sha>` per line) on disk: the streaming
   * build keeps them there instead of holding every SHA in memory. Returns the marks file.
   */
  async close(): Promise<string> {
    this.process.stdin.end('done\n');
    const code = await this.exited;
    if (code !== 0)
      throw new Error(
        `git fast-import failed for ${this.repo.name}: ${this.failure.join('').slice(0, 2000)}`,
      );
    return this.marksPath;
  }

  /** Peak resident memory of the fast-import process so far (Linux /proc; null elsewhere). */
  async importerPeakRssBytes(): Promise<number | null> {
    try {
      const status = await readFile(`/proc/${this.process.pid ?? 0}/status`, 'utf8');
      const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
      return match === null ? null : Number(match[1]) * 1024;
    } catch {
      return null;
    }
  }

  async finish(): Promise<Map<number, string>> {
    await this.close();
    const marks = new Map<number, string>();
    for (const line of (await readFile(this.marksPath, 'utf8')).split('\n')) {
      const match = /^:(\d+) ([0-9a-f]{40})$/.exec(line);
      if (match !== null) marks.set(Number(match[1]), match[2] as string);
    }
    await rm(this.marksPath, { force: true });
    return marks;
  }

  private async resolve(text: string): Promise<string> {
    let result = text;
    for (const match of text.matchAll(/\{\{sha:(\d+)\}\}/g))
      result = result.replace(match[0], await this.markSha(Number(match[1])));
    return result;
  }

  private markSha(mark: number): Promise<string> {
    return new Promise((resolve) => {
      this.answers.push(resolve);
      this.process.stdin.write(`get-mark :${mark}\n`);
    });
  }

  private apply(ops: CodeOp[], steps: UndoStep[]): string[] {
    const changed = new Set<string>();
    for (const op of ops) {
      if (op.kind === 'revert-pr') {
        const origin = this.undo.get(op.originNumber);
        if (origin === undefined)
          throw new Error(`revert of unknown PR #${op.originNumber} in ${this.repo.name}`);
        for (const step of [...origin.steps].reverse()) this.undoStep(step);
        origin.paths.forEach((path) => changed.add(path));
        continue;
      }
      const path = op.path;
      changed.add(path);
      const file = this.file(path) ?? this.newFile(path, op.kind === 'add-function' && op.isTest);
      if (op.kind === 'add-function') {
        file.functions.push({
          fnId: op.fnId,
          length: op.length,
          isTest: op.isTest,
          versions: null,
          cache: null,
        });
        steps.push({ kind: 'remove-function', path, fnId: op.fnId });
      } else {
        const index = file.functions.findIndex((candidate) => candidate.fnId === op.fnId);
        const fn = file.functions[index];
        if (fn === undefined) throw new Error(`function ${op.fnId} not in ${path}`);
        if (op.kind === 'delete-function') {
          file.functions.splice(index, 1);
          steps.push({ kind: 'restore-function', path, index, encoded: encodeFunction(fn) });
        } else {
          const before = fn.versions === null ? null : encodeVersions(fn.versions);
          fn.versions ??= new Map();
          for (const line of op.lines) fn.versions.set(line, op.version);
          fn.cache = null;
          steps.push({ kind: 'restore-versions', path, fnId: op.fnId, versions: before });
        }
      }
    }
    return [...changed];
  }

  /** Takes one change back out. The file is found again by path: it may have gone cold since. */
  private undoStep(step: UndoStep): void {
    const functions = (this.file(step.path) ?? this.newFile(step.path, false)).functions;
    if (step.kind === 'remove-function') {
      functions.splice(
        functions.findIndex((fn) => fn.fnId === step.fnId),
        1,
      );
    } else if (step.kind === 'restore-function') {
      functions.splice(step.index, 0, decodeFunction(step.encoded));
    } else {
      const target = functions.find((candidate) => candidate.fnId === step.fnId);
      if (target === undefined) return;
      target.versions = step.versions === null ? null : decodeVersions(step.versions);
      target.cache = null;
    }
  }

  /** The file's full model (rebuilt from its compact form when cold), marked as just touched. */
  private file(path: string): FileModel | undefined {
    let file = this.files.get(path);
    if (file !== undefined) {
      this.files.delete(path);
    } else {
      const cold = this.coldFiles.get(path);
      if (cold === undefined) return undefined;
      this.coldFiles.delete(path);
      file = decodeFile(cold);
    }
    this.files.set(path, file);
    this.coolDown();
    return file;
  }

  private coolDown(): void {
    while (this.files.size > this.hotFiles) {
      const [path, file] = this.files.entries().next().value as [string, FileModel];
      this.files.delete(path);
      this.coldFiles.set(path, encodeFile(file));
    }
  }

  private newFile(path: string, isTest: boolean): FileModel {
    const file: FileModel = { isTest, header: null, functions: [] };
    this.files.set(path, file);
    this.coolDown();
    return file;
  }

  /** Restores the files a PR touched (for PRs closed without merging). */
  private snapshot(pr: GenPullRequest): () => void {
    const saved = new Map<string, FileModel | undefined>();
    for (const op of pr.commits.flatMap((commit) => commit.ops)) {
      if (op.kind === 'revert-pr' || saved.has(op.path)) continue;
      const file = this.file(op.path);
      saved.set(
        op.path,
        file === undefined
          ? undefined
          : {
              ...file,
              functions: file.functions.map((fn) => ({
                ...fn,
                versions: fn.versions === null ? null : new Map(fn.versions),
                cache: null,
              })),
            },
      );
    }
    return () => {
      for (const [path, file] of saved) {
        this.files.delete(path);
        this.coldFiles.delete(path);
        if (file !== undefined) this.files.set(path, file);
      }
      this.coolDown();
    };
  }

  private contents(paths: string[]): { path: string; content: string | null }[] {
    return paths.sort().map((path) => {
      const file = this.file(path);
      if (file === undefined || file.functions.length === 0) return { path, content: null };
      file.header ??= fileHeader(this.repo.language, path, file.isTest);
      const lines = [...file.header];
      for (const fn of file.functions) {
        fn.cache ??= renderFunction(
          this.repo.language,
          fn.fnId,
          fn.length,
          fn.isTest,
          fn.versions ?? new Map(),
        );
        lines.push(...fn.cache, '');
      }
      return { path, content: lines.join('\n') };
    });
  }

  private commitRaw(
    ref: string,
    mark: number,
    who: { name: string; email: string; at: string },
    message: string,
    from: number | null,
    merge: number | null,
    files: { path: string; content: string | null }[],
  ): void {
    const seconds = Math.floor(Date.parse(who.at) / 1000);
    const person = `${who.name} <${who.email}> ${seconds} +0000`;
    const parts = [
      `commit ${ref}\nmark :${mark}\nauthor ${person}\ncommitter ${person}\n${data(message)}`,
    ];
    if (from !== null) parts.push(`from :${from}\n`);
    if (merge !== null) parts.push(`merge :${merge}\n`);
    for (const file of files)
      parts.push(
        file.content === null
          ? `D ${file.path}\n`
          : `M 100644 inline ${file.path}\n${data(file.content)}`,
      );
    parts.push('\n');
    this.process.stdin.write(parts.join(''));
  }
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

function identity(commit: GenCommit): { name: string; email: string; at: string } {
  return { name: commit.authorName, email: commit.authorEmail, at: commit.authoredAt };
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`git ${args.join(' ')}: ${stderr}`)),
    );
  });
}
