import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster from the system's packages (Debian: /usr/lib/postgresql/N/bin),
 * started once per test run with durability off. PostgreSQL refuses root, so as root it runs as
 * the `postgres` user that the Debian package creates.
 */
export interface ThrowawayServer {
  adminUrl: string;
  dataDir: string;
  binDir: string;
}

export function findPostgresBinDir(): string {
  const override = process.env.PG_BIN_DIR;
  if (override !== undefined && existsSync(join(override, 'initdb'))) return override;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((entry) => existsSync(join(root, entry, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0] === undefined) {
    throw new Error(
      'No PostgreSQL server binaries found for the tests. Install them (Debian: apt-get install postgresql), ' +
        'set PG_BIN_DIR to a directory holding initdb and pg_ctl, or set TEST_DATABASE_URL to a server to use.',
    );
  }
  return join(root, versions[0], 'bin');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

function runAsServerUser(command: string, args: string[]): void {
  const result = asRoot
    ? spawnSync(
        'su',
        ['postgres', '-s', '/bin/sh', '-c', [command, ...args].map(shellQuote).join(' ')],
        {
          encoding: 'utf8',
        },
      )
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Creates a cluster in `dataDir`, owned by the server user. `durable` keeps fsync on. */
function initCluster(binDir: string, dataDir: string, durable: boolean): void {
  if (asRoot) {
    execFileSync('chown', ['postgres:postgres', dataDir]);
    chmodSync(dataDir, 0o700);
  }
  runAsServerUser(join(binDir, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  appendFileSync(
    join(dataDir, 'postgresql.conf'),
    [
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dataDir}'`,
      // Tests want speed; a kept cluster must survive the machine stopping under it.
      `fsync = ${durable ? 'on' : 'off'}`,
      'synchronous_commit = off',
      `full_page_writes = ${durable ? 'on' : 'off'}`,
      'max_connections = 200',
      '',
    ].join('\n'),
  );
}

async function startCluster(binDir: string, dataDir: string): Promise<ThrowawayServer> {
  const port = await freePort();
  runAsServerUser(join(binDir, 'pg_ctl'), [
    '-D',
    dataDir,
    '-l',
    join(dataDir, 'server.log'),
    '-o',
    `-p ${port}`,
    '-w',
    'start',
  ]);
  return { adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`, dataDir, binDir };
}

export async function startThrowawayServer(): Promise<ThrowawayServer> {
  const binDir = findPostgresBinDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'rr-pg-'));
  initCluster(binDir, dataDir, false);
  return startCluster(binDir, dataDir);
}

/**
 * A cluster kept in `dataDir` across runs (created on first use), for benchmarks whose loads take
 * longer than one sitting. Stop it with `stopKeptServer`.
 */
export async function startKeptServer(dataDir: string): Promise<ThrowawayServer> {
  const binDir = findPostgresBinDir();
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true });
    initCluster(binDir, dataDir, true);
  } else if (existsSync(join(dataDir, 'postmaster.pid'))) {
    // Left running by an interrupted run: stopped, to start again on a port of our own.
    try {
      stopKeptServer({ dataDir, binDir });
    } catch {
      // Not running after all (a stale pid file): pg_ctl start deals with it.
    }
  }
  return startCluster(binDir, dataDir);
}

export function stopKeptServer(server: Pick<ThrowawayServer, 'dataDir' | 'binDir'>): void {
  runAsServerUser(join(server.binDir, 'pg_ctl'), ['-D', server.dataDir, '-m', 'fast', 'stop']);
}

export function stopThrowawayServer(server: Pick<ThrowawayServer, 'dataDir' | 'binDir'>): void {
  try {
    runAsServerUser(join(server.binDir, 'pg_ctl'), [
      '-D',
      server.dataDir,
      '-m',
      'immediate',
      'stop',
    ]);
  } finally {
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}
