import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ThrowawayServer } from '../testing/postgres-server';

const asRoot = process.getuid?.() === 0;

/** `pg_ctl restart` of a throwaway server (as the postgres user when we are root); returns the ms it took. */
export function restartServer(server: ThrowawayServer): number {
  const started = Date.now();
  const args = [
    '-D',
    server.dataDir,
    '-l',
    join(server.dataDir, 'server.log'),
    '-m',
    'fast',
    '-w',
    'restart',
  ];
  const command = join(server.binDir, 'pg_ctl');
  const quoted = [command, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = asRoot
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`pg_ctl restart failed:\n${result.stdout}\n${result.stderr}`);
  return Date.now() - started;
}

/** A new database on the throwaway server; returns its URL. */
export async function createDatabaseOn(server: ThrowawayServer, name: string): Promise<string> {
  const client = new Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
