import type { EntityManager } from 'typeorm';
import type { GroundTruthFile, GroundTruthItem } from '../../demo/ground-truth';

/**
 * Scores stored rework items against the demo's ground truth. A detected item matches a true one
 * when they share rework (a PR, work item or incident) and their origins overlap (a PR or work
 * item). Recall per true kind: true items matched by any detected item (a fix of a linked bug
 * may be found as a traced follow-up fix: the same rework). Precision per detected kind: detected
 * items that match some true item. Causes: macro-F1 over the two causes on matched items, with
 * `unknown` counted as a miss, and the share of `unknown`.
 */
export interface DetectedItem {
  id: string;
  kind: string;
  reworkPullRequestIds: string[];
  reworkWorkItemKeys: string[];
  incidentId: string | null;
  originPullRequestIds: string[];
  originWorkItemKeys: string[];
  cause: 'missing_context' | 'execution' | 'unknown';
}

export interface KindFigures {
  truth: number;
  found: number;
  recall: number | null;
  detected: number;
  correct: number;
  precision: number | null;
}

export interface Evaluation {
  kinds: Record<string, KindFigures>;
  /** truth kind -> detected kind -> count, over matched pairs (the kind each item was filed as). */
  kindConfusion: Record<string, Record<string, number>>;
  /** truth cause -> predicted cause -> count. */
  causeConfusion: Record<string, Record<string, number>>;
  macroF1: number;
  unknownShare: number;
  matched: number;
}

const lower = (values: readonly string[]): string[] => values.map((value) => value.toLowerCase());

function keysOfTruth(
  truth: GroundTruthItem,
  org: string,
): { rework: Set<string>; origin: Set<string> } {
  const pr = (repo: string | null, number: number): string =>
    `github:${org}/${repo ?? ''}#${number}`.toLowerCase();
  const rework = new Set<string>([
    ...truth.rework.pullRequests.map((number) => pr(truth.rework.repo, number)),
    ...lower(truth.rework.workItems),
    ...(truth.rework.incidentIssue === null
      ? []
      : [
          `github:${org}/${truth.rework.repo ?? truth.origin.repo}!${truth.rework.incidentIssue}`.toLowerCase(),
        ]),
  ]);
  const origin = new Set<string>([
    ...truth.origin.pullRequests.map((number) => pr(truth.origin.repo, number)),
    ...lower(truth.origin.workItems),
  ]);
  return { rework, origin };
}

function matches(
  detected: DetectedItem,
  truth: { rework: Set<string>; origin: Set<string> },
): boolean {
  const rework = [
    ...lower(detected.reworkPullRequestIds),
    ...lower(detected.reworkWorkItemKeys),
    ...(detected.incidentId === null ? [] : [detected.incidentId.toLowerCase()]),
  ];
  const origin = [...lower(detected.originPullRequestIds), ...lower(detected.originWorkItemKeys)];
  return rework.some((key) => truth.rework.has(key)) && origin.some((key) => truth.origin.has(key));
}

const ratio = (a: number, b: number): number | null =>
  b === 0 ? null : Math.round((a / b) * 1000) / 1000;

function indexByReworkKey(detected: readonly DetectedItem[]): Map<string, DetectedItem[]> {
  const byKey = new Map<string, DetectedItem[]>();
  for (const item of detected) {
    for (const key of [
      ...lower(item.reworkPullRequestIds),
      ...lower(item.reworkWorkItemKeys),
      ...(item.incidentId === null ? [] : [item.incidentId.toLowerCase()]),
    ]) {
      const list = byKey.get(key) ?? [];
      list.push(item);
      byKey.set(key, list);
    }
  }
  return byKey;
}

/**
 * Each ground-truth item with the detected items that share its rework and its origin, and the
 * one it is scored against: the candidate filed under the same kind, else the first.
 */
function matchEach(
  truth: GroundTruthFile,
  detected: readonly DetectedItem[],
): Array<{ truth: GroundTruthItem; candidates: DetectedItem[]; best: DetectedItem | undefined }> {
  // Indexed by every rework key, so matching is linear.
  const byKey = indexByReworkKey(detected);
  return truth.items.map((item) => {
    const keys = keysOfTruth(item, truth.organization);
    const candidates = [...new Set([...keys.rework].flatMap((key) => byKey.get(key) ?? []))].filter(
      (candidate) => matches(candidate, keys),
    );
    return {
      truth: item,
      candidates,
      best: candidates.find((candidate) => candidate.kind === item.kind) ?? candidates[0],
    };
  });
}

/** The found ground-truth items, each with the detected item it is scored against. */
export function matchedPairs(
  truth: GroundTruthFile,
  detected: readonly DetectedItem[],
): Array<{ truth: GroundTruthItem; detected: DetectedItem }> {
  return matchEach(truth, detected).flatMap(({ truth: item, best }) =>
    best === undefined ? [] : [{ truth: item, detected: best }],
  );
}

/** Mean F1 of the two causes over a truth cause -> predicted cause confusion (`unknown` is a miss). */
export function causeMacroF1(confusion: Record<string, Record<string, number>>): number {
  const f1 = (side: 'missing_context' | 'execution'): number => {
    const tp = confusion[side]?.[side] ?? 0;
    const predicted = Object.values(confusion).reduce((sum, row) => sum + (row[side] ?? 0), 0);
    const actual = Object.values(confusion[side] ?? {}).reduce((sum, n) => sum + n, 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = actual === 0 ? 0 : tp / actual;
    return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  };
  return Math.round(((f1('missing_context') + f1('execution')) / 2) * 1000) / 1000;
}

export function evaluateAgainstGroundTruth(
  truth: GroundTruthFile,
  detected: readonly DetectedItem[],
): Evaluation {
  const kinds: Record<string, KindFigures> = {};
  const figure = (kind: string): KindFigures =>
    (kinds[kind] ??= {
      truth: 0,
      found: 0,
      recall: null,
      detected: 0,
      correct: 0,
      precision: null,
    });
  const kindConfusion: Record<string, Record<string, number>> = {};
  const causeConfusion: Record<string, Record<string, number>> = {};
  const matchedDetected = new Set<string>();
  let matched = 0;
  let unknown = 0;
  for (const { truth: item, candidates, best } of matchEach(truth, detected)) {
    const kind = figure(item.kind);
    kind.truth += 1;
    for (const candidate of candidates) matchedDetected.add(candidate.id);
    if (best === undefined) continue;
    kind.found += 1;
    matched += 1;
    (kindConfusion[item.kind] ??= {})[best.kind] = (kindConfusion[item.kind]?.[best.kind] ?? 0) + 1;
    (causeConfusion[item.cause] ??= {})[best.cause] =
      (causeConfusion[item.cause]?.[best.cause] ?? 0) + 1;
    if (best.cause === 'unknown') unknown += 1;
  }
  for (const item of detected) {
    const kind = figure(item.kind);
    kind.detected += 1;
    if (matchedDetected.has(item.id)) kind.correct += 1;
  }
  for (const kind of Object.values(kinds)) {
    kind.recall = ratio(kind.found, kind.truth);
    kind.precision = ratio(kind.correct, kind.detected);
  }
  return {
    kinds,
    kindConfusion,
    causeConfusion,
    macroF1: causeMacroF1(causeConfusion),
    unknownShare: matched === 0 ? 0 : Math.round((unknown / matched) * 1000) / 1000,
    matched,
  };
}

/** The stored items with their effective model cause (the active version's answer). */
export async function loadDetectedItems(manager: EntityManager): Promise<DetectedItem[]> {
  const rows = await manager.query<
    {
      id: string;
      kind: string;
      rework_pull_request_ids: string[];
      rework_work_item_keys: string[];
      incident_id: string | null;
      origin_pull_request_ids: string[];
      origin_work_item_keys: string[];
      cause: DetectedItem['cause'] | null;
    }[]
  >(
    `SELECT r.id, r.kind, r.rework_pull_request_ids, r.rework_work_item_keys, r.incident_id, r.origin_pull_request_ids, r.origin_work_item_keys, a.cause
     FROM rework_item r LEFT JOIN cause_attribution a ON a.rework_item_id = r.id AND a.model_version = r.model_version`,
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    reworkPullRequestIds: row.rework_pull_request_ids,
    reworkWorkItemKeys: row.rework_work_item_keys,
    incidentId: row.incident_id,
    originPullRequestIds: row.origin_pull_request_ids,
    originWorkItemKeys: row.origin_work_item_keys,
    cause: row.cause ?? 'unknown',
  }));
}

export function formatEvaluation(evaluation: Evaluation): string {
  const lines = ['kind             truth found recall  detected correct precision'];
  for (const [kind, figures] of Object.entries(evaluation.kinds)) {
    lines.push(
      `${kind.padEnd(16)} ${String(figures.truth).padStart(5)} ${String(figures.found).padStart(5)} ${String(figures.recall ?? '-').padStart(6)}  ${String(figures.detected).padStart(8)} ${String(figures.correct).padStart(7)} ${String(figures.precision ?? '-').padStart(9)}`,
    );
  }
  lines.push(
    'cause confusion (rows: truth, columns: predicted missing_context / execution / unknown)',
  );
  for (const side of ['missing_context', 'execution']) {
    const row = evaluation.causeConfusion[side] ?? {};
    lines.push(
      `${side.padEnd(16)} ${String(row.missing_context ?? 0).padStart(5)} ${String(row.execution ?? 0).padStart(5)} ${String(row.unknown ?? 0).padStart(5)}`,
    );
  }
  lines.push(
    `macro-F1 ${evaluation.macroF1}, unknown share ${evaluation.unknownShare}, matched ${evaluation.matched}`,
  );
  lines.push(`kind filed as: ${JSON.stringify(evaluation.kindConfusion)}`);
  return lines.join('\n');
}
