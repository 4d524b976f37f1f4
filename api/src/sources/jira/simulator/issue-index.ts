import type { JiraSimulatorDataset, SimIssue } from './simulator-dataset';

/**
 * Issues by key and by id, built once per dataset: a scan per lookup (links, parents, changelog
 * pages) made a 150,000-issue backfill quadratic. Tests edit datasets in place, so a miss or a
 * stale entry falls back to a scan and the index is rebuilt.
 */
const indexes = new WeakMap<JiraSimulatorDataset, Map<string, SimIssue>>();

function build(dataset: JiraSimulatorDataset): Map<string, SimIssue> {
  const index = new Map<string, SimIssue>();
  for (const issue of dataset.issues) {
    index.set(`key:${issue.key}`, issue);
    index.set(`id:${issue.id}`, issue);
  }
  indexes.set(dataset, index);
  return index;
}

export function findIssue(dataset: JiraSimulatorDataset, keyOrId: string): SimIssue | undefined {
  const index = indexes.get(dataset) ?? build(dataset);
  const hit = index.get(`key:${keyOrId}`) ?? index.get(`id:${keyOrId}`);
  if (hit !== undefined && (hit.key === keyOrId || hit.id === keyOrId)) return hit;
  const scanned = dataset.issues.find((issue) => issue.key === keyOrId || issue.id === keyOrId);
  if (scanned !== undefined) build(dataset);
  return scanned;
}
