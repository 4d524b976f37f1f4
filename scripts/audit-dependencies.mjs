#!/usr/bin/env node
// The dependency audit of `npm test`: no high or critical advisory in production dependencies.
// A registry without npm's audit endpoint (a mirror) cannot answer; that is said loudly, and the
// run is not failed for it, because nothing was found wrong (`AUDIT_REQUIRED=true` makes it fail).
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
  encoding: 'utf8',
  cwd: new URL('..', import.meta.url),
});

let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}

const unavailable =
  report === undefined ||
  report.error !== undefined ||
  report.statusCode !== undefined ||
  /audit endpoint returned an error|ENOAUDIT|405 Method Not Allowed/.test(run.stderr);
if (unavailable) {
  const reason =
    report?.message ||
    report?.error?.summary ||
    run.stderr.split('\n').find((line) => /error/i.test(line));
  console.warn(
    `dependency audit: NOT CHECKED, the registry has no audit endpoint (${reason ?? 'no answer'})`,
  );
  process.exit(process.env.AUDIT_REQUIRED === 'true' ? 1 : 0);
}

const counts = report.metadata?.vulnerabilities ?? {};
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `dependency audit: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate in production dependencies`,
);
if (serious > 0) {
  for (const [name, advisory] of Object.entries(report.vulnerabilities ?? {})) {
    if (advisory.severity === 'high' || advisory.severity === 'critical') {
      console.error(`  ${advisory.severity}: ${name} (${advisory.range})`);
    }
  }
}
process.exit(serious > 0 ? 1 : 0);
