import type { MetricDataset, Period } from '@rework-radar/shared';
import { hash } from 'node:crypto';

/**
 * The fingerprint of one period's inputs: a digest per record (the first 64 bits of the SHA-1 of
 * its JSON, as two 32-bit halves, cached per record object, so a record shared by many periods
 * and scopes is hashed once), summed per list with the count. Order-free sums are enough here:
 * a list is a set of records, and a changed, added or removed record moves the sum.
 */
const digests = new WeakMap<object, readonly [number, number]>();

export function recordDigest(record: object): readonly [number, number] {
  const known = digests.get(record);
  if (known !== undefined) return known;
  const bytes = hash('sha1', JSON.stringify(record), 'buffer');
  const digest = [bytes.readUInt32BE(0), bytes.readUInt32BE(4)] as const;
  digests.set(record, digest);
  return digest;
}

export function periodFingerprint(
  inputs: MetricDataset,
  period: Period,
  formulasVersion: string,
): string {
  const parts = [
    formulasVersion,
    period.kind,
    period.start.toISOString(),
    period.end.toISOString(),
    period.label,
  ];
  for (const list of [
    inputs.pullRequests,
    inputs.workItems,
    inputs.reworkItems,
    inputs.deployments,
    inputs.incidents,
    inputs.sprints,
  ]) {
    let first = 0;
    let second = 0;
    for (const record of list) {
      const [a, b] = recordDigest(record);
      first = (first + a) >>> 0;
      second = (second + b) >>> 0;
    }
    parts.push(`${list.length}:${first.toString(16)}:${second.toString(16)}`);
  }
  return parts.join('|');
}
