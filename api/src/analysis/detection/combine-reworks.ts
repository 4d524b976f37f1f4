import { push } from '../core/map-lists';
import { uniqueSorted, type DetectedRework } from './detected-rework';

/**
 * One piece of rework found by two rules is one item: a traced fix whose bug is linked to the
 * story (follow-up fix + linked bug), a fix that answered an incident (already absorbed by the
 * incident), a Jira incident that is also a linked bug. The line-level or incident evidence names
 * the kind; the other rule's facts are kept on the item.
 */
export function combineReworks(parts: {
  reverts: readonly DetectedRework[];
  followUps: readonly DetectedRework[];
  incidents: readonly DetectedRework[];
  linkedBugs: readonly DetectedRework[];
  reopens: readonly DetectedRework[];
  absorbedFixIds: ReadonlySet<string>;
}): DetectedRework[] {
  const followUps = parts.followUps.filter(
    (item) => !item.reworkPullRequestIds.some((id) => parts.absorbedFixIds.has(id)),
  );
  const hosts = [...parts.incidents, ...followUps];
  // Positions of the hosts naming each work item and PR: a scan of every host per linked bug was
  // quadratic, over half an hour at a million PRs.
  const hostsByKey = new Map<string, number[]>();
  const hostsByPullRequest = new Map<string, number[]>();
  hosts.forEach((host, position) => {
    for (const key of host.reworkWorkItemKeys) push(hostsByKey, key, position);
    for (const id of host.reworkPullRequestIds) push(hostsByPullRequest, id, position);
  });
  const incidentIds = new Set(parts.incidents.map((item) => item.incidentId));
  const linkedBugs: DetectedRework[] = [];
  for (const bug of parts.linkedBugs) {
    const bugKey = bug.reworkWorkItemKeys[0] ?? '';
    if (incidentIds.has(bug.id.replace(/^linked-bug:/, ''))) continue;
    // The first host, in host order, that names the bug or shares a PR with it.
    const positions = [
      ...(hostsByKey.get(bugKey) ?? []),
      ...bug.reworkPullRequestIds.flatMap((id) => hostsByPullRequest.get(id) ?? []),
    ];
    const hostPosition = positions.length === 0 ? undefined : Math.min(...positions);
    const host = hostPosition === undefined ? undefined : hosts[hostPosition];
    if (hostPosition === undefined || host === undefined) {
      linkedBugs.push(bug);
      continue;
    }
    push(hostsByKey, bugKey, hostPosition);
    host.reworkWorkItemKeys = uniqueSorted([...host.reworkWorkItemKeys, bugKey]);
    host.originWorkItemKeys = uniqueSorted([...host.originWorkItemKeys, ...bug.originWorkItemKeys]);
    host.detection = {
      rules: uniqueSorted([...host.detection.rules, ...bug.detection.rules]),
      facts: [...host.detection.facts, ...bug.detection.facts],
      links: [
        ...host.detection.links,
        ...bug.detection.links.filter(
          (link) => !host.detection.links.some((known) => known.url === link.url),
        ),
      ],
    };
    for (const text of bug.defectTexts)
      if (!host.defectTexts.some((known) => known.key === text.key)) host.defectTexts.push(text);
  }
  return [...parts.reverts, ...followUps, ...parts.incidents, ...linkedBugs, ...parts.reopens].sort(
    (a, b) => a.id.localeCompare(b.id),
  );
}
