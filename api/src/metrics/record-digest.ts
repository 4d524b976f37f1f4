import type { MetricDataset, Period } from '@rework-radar/shared';

/**
 * The fingerprint of one period's inputs: a digest per record (two FNV-1a hashes of its JSON,
 * cached per record object, so a record shared by many periods and scopes is hashed once), summed
 * per list with the count. Order-free sums are enough here: a list is a set of records, and a
 * changed, added or removed record moves the sum.
 */
const digests = new WeakMap<object, readonly [number, number]>();

function fnv(text: string, seed: number): number {
  let hash = seed;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function recordDigest(record: object): readonly [number, number] {
  const known = digests.get(record);
  if (known !== undefined) return known;
  const text = JSON.stringify(record);
  const digest = [fnv(text, 0x811c9dc5), fnv(text, 0x9747b28c)] as const;
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
