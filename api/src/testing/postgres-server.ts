import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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

export async function startThrowawayServer(): Promise<ThrowawayServer> {
  const binDir = findPostgresBinDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'rr-pg-'));
  if (asRoot) {
    execFileSync('chown', ['postgres:postgres', dataDir]);
    chmodSync(dataDir, 0o700);
  }
  const port = await freePort();
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
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dataDir}'`,
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      'max_connections = 200',
      '',
    ].join('\n'),
  );
  runAsServerUser(join(binDir, 'pg_ctl'), [
    '-D',
    dataDir,
    '-l',
    join(dataDir, 'server.log'),
    '-w',
    'start',
  ]);
  return { adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`, dataDir, binDir };
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
