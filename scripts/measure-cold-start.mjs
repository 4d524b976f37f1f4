#!/usr/bin/env node
/**
 * Cold and warm start of `npm start`, measured the way a new user meets it:
 *   1. `git clone` of the repository (default: /work/main, its committed HEAD) into a temp dir,
 *   2. `npm ci` (timed: install),
 *   3. `npm start` with a fresh DATA_DIR and a free PORT, no GitHub/Jira/DATABASE_URL in the
 *      environment (so the embedded database and the demo organisation are used); timed to
 *      `GET /api/health` answering 200 (build + health) and to `GET /api/demo/status` saying
 *      `ready` (demo loaded), with the time spent in each stage of the demo load,
 *   4. stop it (its own process group only), start it again on the same DATA_DIR: warm start.
 *
 * Usage: node scripts/measure-cold-start.mjs [--repo /work/main] [--out bench-results/cold-start.json] [--keep]
 *        node scripts/measure-cold-start.mjs --from-log <kept start-cold.log>  (adds the breakdown to the JSON)
 * Prints a table and writes the JSON. Timings are wall clock on whatever else the machine runs:
 * the JSON records the load average and core count next to them.
 */
import { spawn, execFileSync } from 'node:child_process';
import { chmod, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createWriteStream, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const repoSource = resolve(option('repo', '/work/main'));
const outFile = resolve(option('out', join(here, '..', 'bench-results', 'cold-start.json')));
const keep = args.includes('--keep');
const demoTimeoutMs = Number(option('demo-timeout-s', '900')) * 1000;

const seconds = (ms) => Math.round(ms / 100) / 10;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const log = (line) => process.stdout.write(`[cold-start] ${line}\n`);

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** The environment of a first run: none of this machine's connections or database settings. */
function cleanEnv(extra) {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (/^(GITHUB_|JIRA_|DATABASE_URL$|DEMO$|TEAMS_FILE$|PORT$|DATA_DIR$)/.test(key))
      delete env[key];
  return { ...env, TURBO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...extra };
}

/** Runs a command to completion, output to a log file; resolves with its wall time. */
function runTimed(command, commandArgs, cwd, logPath, env) {
  return new Promise((done, fail) => {
    const started = Date.now();
    const output = createWriteStream(logPath);
    const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(output);
    child.stderr.pipe(output);
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0
        ? done(Date.now() - started)
        : fail(new Error(`${command} ${commandArgs.join(' ')} exited ${code}: see ${logPath}`)),
    );
  });
}

async function getJson(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return { status: response.status, body: response.ok ? await response.json() : null };
  } catch {
    return { status: 0, body: null };
  }
}

/**
 * `npm start` in its own process group (detached), so stopping it stops turbo, node and the
 * embedded PostgreSQL it started, and nothing else on the machine.
 */
async function startAndMeasure(label, clone, dataDir, logPath) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const output = createWriteStream(logPath);
  const started = Date.now();
  const child = spawn('npm', ['start'], {
    cwd: clone,
    env: cleanEnv({ PORT: String(port), DATA_DIR: dataDir }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(output);
  child.stderr.pipe(output);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const result = { label, port, healthSeconds: null, demoSeconds: null, demo: null, stages: [] };
  try {
    while (Date.now() - started < demoTimeoutMs) {
      if (exited !== null)
        throw new Error(`npm start exited early (${JSON.stringify(exited)}): see ${logPath}`);
      const health = await getJson(`${base}/api/health`);
      if (health.status === 200) {
        result.healthSeconds = seconds(Date.now() - started);
        break;
      }
      await sleep(250);
    }
    if (result.healthSeconds === null)
      throw new Error(`no health within the timeout: see ${logPath}`);
    log(`${label}: health after ${result.healthSeconds} s`);
    let stage = null;
    let stageStarted = Date.now();
    while (Date.now() - started < demoTimeoutMs) {
      const { status, body } = await getJson(`${base}/api/demo/status`);
      if (status === 401 || status === 403)
        throw new Error(`/api/demo/status answered ${status}: it is meant to stay public`);
      if (body !== null) {
        if (body.stage !== stage) {
          if (stage !== null)
            result.stages.push({ stage, seconds: seconds(Date.now() - stageStarted) });
          stage = body.stage;
          stageStarted = Date.now();
        }
        if (body.state === 'ready' || body.state === 'failed' || body.state === 'disabled') {
          if (stage !== null)
            result.stages.push({ stage, seconds: seconds(Date.now() - stageStarted) });
          result.demoSeconds = seconds(Date.now() - started);
          result.demo = { state: body.state, message: body.message };
          break;
        }
      }
      await sleep(250);
    }
    if (result.demo === null)
      throw new Error(`the demo did not finish within the timeout: see ${logPath}`);
    log(
      `${label}: demo ${result.demo.state} after ${result.demoSeconds} s (${result.demo.message})`,
    );
    return result;
  } finally {
    await stopGroup(child, () => exited !== null);
  }
}

/** Whether any process of the group is still running (npm can exit before the node it started). */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopGroup(child, hasExited) {
  if (hasExited() && !groupAlive(child.pid)) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const stopped = () => hasExited() && !groupAlive(child.pid);
  for (let waited = 0; waited < 30_000 && !stopped(); waited += 250) await sleep(250);
  if (!stopped()) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await sleep(1000);
  }
}

/**
 * Native modules must load from their prebuilt binaries after `npm ci` (install scripts are not
 * allowed): a crash here means `npm start` cannot work, so stop and say which.
 */
const nativeModules = ['@node-rs/argon2'];
async function checkNativeModules(clone) {
  for (const name of nativeModules) {
    const exit = await new Promise((done) =>
      spawn(process.execPath, ['-e', `require(${JSON.stringify(name)})`], {
        cwd: join(clone, 'api'),
        stdio: 'ignore',
      }).on('exit', (code, signal) => done({ code, signal })),
    );
    if (exit.code !== 0) {
      throw new Error(`${name} does not load after npm ci (${JSON.stringify(exit)})`);
    }
  }
  return { checked: nativeModules };
}

/**
 * Where the demo load's time went, from the api's own log (pino JSON lines): each demo stage's
 * first line, the analysis and rollup durations it reports.
 */
export async function demoBreakdownFromLog(logPath) {
  const { readFile } = await import('node:fs/promises');
  const entries = (await readFile(logPath, 'utf8'))
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => {
      try {
        return JSON.parse(line);
      } catch {
        return null;
      }
    })
    .filter((entry) => entry !== null && typeof entry.time === 'number');
  const stages = [];
  for (const entry of entries)
    if (typeof entry.demo === 'string' && stages.at(-1)?.stage !== entry.demo)
      stages.push({ stage: entry.demo, at: entry.time });
  const breakdown = {};
  stages.forEach((stage, index) => {
    const next = stages[index + 1];
    if (next !== undefined) breakdown[`${stage.stage} seconds`] = seconds(next.at - stage.at);
  });
  const analysis = entries.find((entry) => entry.msg === 'analysis done');
  const rollups = entries.find((entry) => entry.msg === 'metric rollups refreshed');
  if (analysis?.report?.durationMs !== undefined) {
    breakdown['of which analysis seconds'] = seconds(analysis.report.durationMs);
    breakdown['analysis: fixes traced through git'] =
      analysis.report.counts?.traces?.traced ?? null;
    breakdown['analysis: rows written'] = analysis.report.counts?.written ?? null;
  }
  if (rollups?.durationMs !== undefined)
    breakdown['of which metric rollups seconds'] = seconds(rollups.durationMs);
  return breakdown;
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'rr-cold-start-'));
  // mkdtemp makes it 0700; the embedded PostgreSQL runs as its own OS user when started by root
  // and must reach its binaries and data directory under here.
  await chmod(work, 0o755);
  const clone = join(work, 'repo');
  const dataDir = join(work, 'data');
  const logs = join(work, 'logs');
  await mkdir(logs, { recursive: true });
  const before = { loadavg: loadavg().map((n) => Math.round(n * 100) / 100) };
  log(`working in ${work} (load average ${before.loadavg.join(' ')}, ${cpus().length} cores)`);
  let succeeded = false;
  try {
    const cloneMs = await runTimed(
      'git',
      ['clone', '--quiet', repoSource, clone],
      work,
      join(logs, 'clone.log'),
      process.env,
    );
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: clone,
      encoding: 'utf8',
    }).trim();
    log(`cloned ${commit.slice(0, 12)} in ${seconds(cloneMs)} s`);
    const installMs = await runTimed(
      'npm',
      ['ci', '--no-audit', '--no-fund'],
      clone,
      join(logs, 'npm-ci.log'),
      cleanEnv({}),
    );
    log(`npm ci in ${seconds(installMs)} s`);
    const native = await checkNativeModules(clone);
    const cold = await startAndMeasure('cold', clone, dataDir, join(logs, 'start-cold.log'));
    cold.fromLog = await demoBreakdownFromLog(join(logs, 'start-cold.log'));
    const warm = await startAndMeasure('warm', clone, dataDir, join(logs, 'start-warm.log'));
    const report = {
      name: 'cold-start',
      measuredAt: new Date().toISOString(),
      commit,
      machine: {
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        loadAverageBefore: before.loadavg,
        loadAverageAfter: loadavg().map((n) => Math.round(n * 100) / 100),
        note: 'shared machine: other engineers ran builds and tests at the same time',
      },
      figures: {
        'clone seconds': seconds(cloneMs),
        'npm ci seconds': seconds(installMs),
        'cold: npm start to health seconds (build + migrations + listen)': cold.healthSeconds,
        'cold: npm start to demo loaded seconds': cold.demoSeconds,
        'cold: health to demo loaded seconds':
          Math.round((cold.demoSeconds - cold.healthSeconds) * 10) / 10,
        'warm: npm start to health seconds': warm.healthSeconds,
        'warm: npm start to demo loaded seconds': warm.demoSeconds,
      },
      nativeModules: native,
      cold,
      warm,
    };
    await mkdir(dirname(outFile), { recursive: true });
    await writeFile(outFile, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(
      `\ncold start (${report.machine.cores} cores, load ${before.loadavg.join(' ')})\n`,
    );
    for (const [key, value] of Object.entries(report.figures))
      process.stdout.write(`  ${key.padEnd(68)} ${value}\n`);
    for (const run of [cold, warm])
      process.stdout.write(
        `  ${run.label} stages: ${run.stages.map((s) => `${s.stage} ${s.seconds} s`).join(', ')}\n`,
      );
    log(`wrote ${outFile}`);
    succeeded = true;
  } finally {
    // Kept after a failure, for its logs.
    if (succeeded && !keep) await rm(work, { recursive: true, force: true });
    else log(`kept ${work} (logs in ${logs})`);
  }
}

/** `--from-log <start-cold.log>`: add the breakdown of a kept run's log to the JSON written from that run. */
async function addBreakdown(logPath) {
  const { readFile } = await import('node:fs/promises');
  const report = JSON.parse(await readFile(outFile, 'utf8'));
  report.cold.fromLog = await demoBreakdownFromLog(logPath);
  await writeFile(outFile, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(report.cold.fromLog, null, 2)}\n`);
}

const fromLog = option('from-log', null);
(fromLog === null ? main() : addBreakdown(resolve(fromLog))).catch((error) => {
  process.stderr.write(`[cold-start] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
