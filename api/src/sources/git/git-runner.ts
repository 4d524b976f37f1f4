import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Starts git from a small helper process instead of this one. Starting a process from Node costs
 * time in proportion to the starting process's memory (libuv forks it): measured here, 5.6 ms per
 * `git --version` from a 50 MB process, 159 ms from a 1.5 GB one. The analysis holds its dataset
 * while it traces fixes with several git commands each, so at 100,000 PRs it spent nearly all its
 * time starting git. The helper stays small whatever this process holds.
 *
 * The helper is `node -e` with the program below (plain JavaScript, so it runs the same from the
 * build and under Jest); requests and answers go over the IPC channel, bytes as Uint8Array.
 */
const helperProgram = `
const { spawn } = require('node:child_process');
process.on('message', (request) => {
  const child = spawn('git', request.args, { cwd: request.cwd, env: request.env, windowsHide: true });
  const out = [];
  const err = [];
  let size = 0;
  let failure = null;
  const timer = setTimeout(() => { failure = 'timed out after ' + request.timeoutMs + ' ms'; child.kill('SIGKILL'); }, request.timeoutMs);
  child.stdout.on('data', (chunk) => {
    size += chunk.length;
    if (size > request.maxBufferBytes) { failure = 'output larger than ' + request.maxBufferBytes + ' bytes'; child.kill('SIGKILL'); return; }
    out.push(chunk);
  });
  child.stderr.on('data', (chunk) => err.push(chunk));
  child.on('error', (error) => { failure = error.message; });
  child.on('close', (code) => {
    clearTimeout(timer);
    process.send({ id: request.id, code: failure === null ? code : null, failure,
      stdout: new Uint8Array(Buffer.concat(out)), stderr: Buffer.concat(err).toString('utf8') });
  });
  if (request.input !== undefined) child.stdin.end(request.input); else child.stdin.end();
});
`;

export interface GitProcessRequest {
  args: readonly string[];
  cwd: string | undefined;
  env: NodeJS.ProcessEnv;
  input?: string;
  maxBufferBytes: number;
  timeoutMs: number;
}

export interface GitProcessResult {
  /** Exit code; null when git was killed (timeout, too much output) or could not start. */
  code: number | null;
  /** Why git did not finish by itself, when it did not. */
  failure: string | null;
  stdout: Buffer;
  stderr: string;
}

interface HelperAnswer {
  id: number;
  code: number | null;
  failure: string | null;
  stdout: Uint8Array;
  stderr: string;
}

interface Pending {
  resolve: (result: GitProcessResult) => void;
  reject: (error: Error) => void;
}

class GitHelper {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly child: ChildProcess) {
    child.on('message', (message: HelperAnswer) => {
      const waiting = this.pending.get(message.id);
      if (waiting === undefined) return;
      this.pending.delete(message.id);
      this.idleUnlessBusy();
      waiting.resolve({
        code: message.code,
        failure: message.failure,
        stdout: Buffer.from(
          message.stdout.buffer,
          message.stdout.byteOffset,
          message.stdout.length,
        ),
        stderr: message.stderr,
      });
    });
    child.on('exit', (code, signal) => this.fail(`git helper exited (${code ?? signal ?? '?'})`));
    child.on('error', (error) => this.fail(`git helper failed: ${error.message}`));
    this.idleUnlessBusy();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && this.child.connected;
  }

  run(request: GitProcessRequest): Promise<GitProcessResult> {
    return new Promise((resolve, reject) => {
      const id = (this.nextId += 1);
      this.pending.set(id, { resolve, reject });
      // Keep this process alive while git runs; an idle helper must not (see idleUnlessBusy).
      this.child.ref();
      this.child.channel?.ref();
      this.child.send({ id, ...request, args: [...request.args] }, (error) => {
        if (error === null) return;
        this.pending.delete(id);
        this.idleUnlessBusy();
        reject(error);
      });
    });
  }

  stop(): void {
    this.child.kill();
  }

  private idleUnlessBusy(): void {
    if (this.pending.size > 0) return;
    this.child.unref();
    this.child.channel?.unref();
  }

  private fail(reason: string): void {
    for (const waiting of this.pending.values()) waiting.reject(new Error(reason));
    this.pending.clear();
  }
}

let helper: GitHelper | undefined;

function currentHelper(): GitHelper {
  if (helper === undefined || !helper.alive) {
    helper = new GitHelper(
      spawn(process.execPath, ['-e', helperProgram], {
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        serialization: 'advanced',
      }),
    );
  }
  return helper;
}

/** Runs git through the helper process (started on first use, restarted if it died). */
export function runGitProcess(request: GitProcessRequest): Promise<GitProcessResult> {
  return currentHelper().run(request);
}

/** The running helper's process id, if one runs (diagnostics and tests). */
export function gitHelperPid(): number | undefined {
  return helper?.alive === true ? helper.pid : undefined;
}

/** Stops the helper (tests and CLIs that want no child left); the next call starts a new one. */
export function stopGitHelper(): void {
  helper?.stop();
  helper = undefined;
}
