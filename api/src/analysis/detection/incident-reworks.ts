import {
  linkIncident,
  type AnalysisConfig,
  type DeploymentRecord,
  type ExplicitIncidentLink,
} from '../core';
import type { AnalysisDataset, PullRequestRecord } from '../domain/analysis-dataset';
import {
  issueUrl,
  pullRequestUrl,
  uniqueSorted,
  workItemUrl,
  type DetectedRework,
  type LinkBase,
} from './detected-rework';
import type { FixFacts } from './follow-up-fix-reworks';
import { push } from '../core/map-lists';

/**
 * Reads: incidents (GitHub issues with an incident label; Jira items of an incident type or
 * label), deployments and merged PRs. Finds: incident rework linked to its change(s): a PR or
 * work item the incident names first; else the deployment window. When a fix merged after the
 * incident traces back to one of the changes deployed in the window, that change is the origin
 * and the fix joins the incident as its rework (`absorbedFixIds`).
 */
export interface IncidentResult {
  items: DetectedRework[];
  absorbedFixIds: Set<string>;
}

const dayMs = 86_400_000;

/** Each deployment ships the PRs merged since the previous deployment of its repository that did not fail. */
export function deploymentRecords(dataset: AnalysisDataset): DeploymentRecord[] {
  // By merge time, so each deployment finds what it shipped by binary search.
  const merged = inTimeByRepository(
    dataset.pullRequests.values(),
    (pr) => pr.repositoryId,
    (pr) => pr.mergedAt,
  );
  const records: DeploymentRecord[] = [];
  let previous: { repositoryId: string; at: number } | null = null;
  for (const deployment of dataset.deployments) {
    const status =
      deployment.status === 'success'
        ? 'success'
        : deployment.status === 'failure' || deployment.status === 'error'
          ? 'failure'
          : 'unknown';
    const since: number =
      previous !== null && previous.repositoryId === deployment.repositoryId
        ? previous.at
        : Number.NEGATIVE_INFINITY;
    const at = deployment.createdAt.getTime();
    records.push({
      id: deployment.id,
      repo: dataset.repositories.get(deployment.repositoryId)?.fullName ?? deployment.repositoryId,
      deployedAt: deployment.createdAt,
      status,
      changeRefs:
        status === 'failure'
          ? []
          : between(merged.get(deployment.repositoryId) ?? [], since, at).map(
              (entry) => entry.item.id,
            ),
    });
    if (status !== 'failure') previous = { repositoryId: deployment.repositoryId, at };
    else if (previous === null || previous.repositoryId !== deployment.repositoryId)
      previous = { repositoryId: deployment.repositoryId, at: since };
  }
  return records;
}

function mentionedPullRequests(
  dataset: AnalysisDataset,
  repositoryId: string,
  text: string,
): ExplicitIncidentLink[] {
  const found: ExplicitIncidentLink[] = [];
  for (const match of text.matchAll(
    /(?:^|[\s(])(?:([\w.-]+\/[\w.-]+))?#(\d+)\b|\/pull\/(\d+)\b/g,
  )) {
    const repoName = match[1];
    const repo = repoName === undefined ? repositoryId : `github:${repoName.toLowerCase()}`;
    const id = dataset.pullRequestByNumber.get(`${repo}#${match[2] ?? match[3] ?? ''}`);
    if (id !== undefined) found.push({ kind: 'change', ref: id, source: 'github-mention' });
  }
  for (const match of text.matchAll(/\b([A-Z][A-Z0-9]+-\d+)\b/g)) {
    const key = match[1] ?? '';
    if (dataset.workItemByKey.has(key))
      found.push({ kind: 'work_item', ref: key, source: 'jira-key-mention' });
  }
  return found;
}

/**
 * The entries with `from < at <= to` of a list sorted by `at`, in their original order (`order`):
 * a scan of the whole list per deployment or incident was quadratic at a million PRs.
 */
function between<T extends { at: number; order: number }>(
  sorted: readonly T[],
  from: number,
  to: number,
): T[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle]?.at ?? Infinity) <= from) low = middle + 1;
    else high = middle;
  }
  const found: T[] = [];
  for (let index = low; index < sorted.length; index += 1) {
    const entry = sorted[index];
    if (entry === undefined || entry.at > to) break;
    found.push(entry);
  }
  return found.sort((a, b) => a.order - b.order);
}

interface Timed<T> {
  item: T;
  at: number;
  /** Position in the input: `between` gives its entries back in this order. */
  order: number;
}

/** The items per repository, sorted by `timeOf`. */
function inTimeByRepository<T>(
  items: Iterable<T>,
  repositoryOf: (item: T) => string,
  timeOf: (item: T) => Date,
): Map<string, Array<Timed<T>>> {
  const byRepository = new Map<string, Array<Timed<T>>>();
  let order = 0;
  for (const item of items)
    push(byRepository, repositoryOf(item), {
      item,
      at: timeOf(item).getTime(),
      order: order++,
    });
  for (const list of byRepository.values()) list.sort((a, b) => a.at - b.at);
  return byRepository;
}

export function detectIncidentReworks(
  dataset: AnalysisDataset,
  config: AnalysisConfig,
  links: LinkBase,
  fixes: ReadonlyMap<string, FixFacts>,
): IncidentResult {
  const deployments = deploymentRecords(dataset);
  const windowHours = config.windows.incidentAfterDeployHours;
  const absorbedFixIds = new Set<string>();
  const items: DetectedRework[] = [];
  const incidentLabels = new Set(
    config.classification.incidentLabels.map((label) => label.toLowerCase()),
  );
  const fixesByRepository = inTimeByRepository(
    fixes.values(),
    (fix) => fix.pr.repositoryId,
    (fix) => fix.pr.createdAt,
  );
  for (const incident of dataset.incidents) {
    const explicit = mentionedPullRequests(
      dataset,
      incident.repositoryId,
      `${incident.title}\n${incident.body}`,
    );
    const link = linkIncident(
      { id: incident.id, startedAt: incident.createdAt, affectedRepos: [incident.repo] },
      explicit,
      deployments,
      windowHours,
    );
    const start = incident.createdAt.getTime();
    // Every change deployed in the window is a suspect; a fix after the incident that traces to one names it.
    const suspects = new Set(
      link.rule === 'deployment-window'
        ? deployments
            .filter(
              (d) =>
                d.repo === incident.repo &&
                d.status !== 'failure' &&
                d.deployedAt.getTime() <= start &&
                start - d.deployedAt.getTime() <= windowHours * 3_600_000,
            )
            .flatMap((d) => d.changeRefs)
        : link.changeRefs,
    );
    // Opened from an hour before the incident (`between` excludes its lower bound) to 3 days after.
    const hotfixes = between(
      fixesByRepository.get(incident.repositoryId) ?? [],
      start - 3_600_000 - 1,
      start + 3 * dayMs,
    )
      .map((entry) => entry.item)
      .filter(
        (fix) =>
          fix.pr.mergedAt.getTime() - start <= 3 * dayMs &&
          fix.originIds.some((id) => suspects.has(id)),
      );
    let originIds = link.changeRefs;
    let rule: string = link.rule;
    const facts = [link.explanation];
    if (hotfixes.length > 0 && link.rule !== 'explicit-change') {
      originIds = uniqueSorted(
        hotfixes.flatMap((fix) => fix.originIds.filter((id) => suspects.has(id))),
      );
      rule = `${link.rule}+fix-trace`;
      facts.push(
        `fix ${hotfixes.map((fix) => `#${fix.pr.number}`).join(', ')} merged after the incident traces to ${originIds.map((id) => `#${dataset.pullRequests.get(id)?.number ?? id}`).join(', ')}`,
      );
    }
    const workItemOrigins = link.workItemKeys;
    const originPrs = [
      ...originIds,
      ...workItemOrigins.flatMap((key) => dataset.pullRequestsByWorkItem.get(key) ?? []),
    ]
      .map((id) => dataset.pullRequests.get(id))
      .filter((pr): pr is PullRequestRecord => pr !== undefined && pr.mergedAt.getTime() <= start);
    if (originPrs.length === 0 && workItemOrigins.length === 0) continue;
    for (const fix of hotfixes) absorbedFixIds.add(fix.pr.id);
    items.push({
      id: `incident:${incident.id}`,
      kind: 'incident',
      repositoryId: incident.repositoryId,
      reworkPullRequestIds: uniqueSorted(hotfixes.map((fix) => fix.pr.id)),
      reworkWorkItemKeys: uniqueSorted(
        hotfixes
          .flatMap((fix) => fix.pr.workItemKeys)
          .filter((key) => !workItemOrigins.includes(key)),
      ),
      incidentId: incident.id,
      originPullRequestIds: uniqueSorted(originPrs.map((pr) => pr.id)),
      originWorkItemKeys: uniqueSorted([
        ...workItemOrigins,
        ...originPrs.flatMap((pr) => pr.workItemKeys),
      ]),
      rule,
      detection: {
        rules: [`incident:${rule}`],
        facts,
        links: [
          {
            label: `${incident.repo}!${incident.issueNumber}`,
            url: issueUrl(links, incident.repo, incident.issueNumber),
          },
          ...originPrs.map((pr) => ({
            label: `#${pr.number}`,
            url: pullRequestUrl(links, pr.repo, pr.number),
          })),
        ],
      },
      occurredAt: incident.createdAt,
      endedAt: incident.closedAt,
      defectTexts: [
        {
          key: `incident ${incident.repo}!${incident.issueNumber}`,
          url: issueUrl(links, incident.repo, incident.issueNumber),
          text: `${incident.title}\n\n${incident.body}`,
        },
        ...hotfixes.flatMap((fix) =>
          fix.pr.workItemKeys
            .map((key) => dataset.workItemByKey.get(key))
            .filter((item) => item !== undefined)
            .map((item) => ({
              key: item.key,
              url: workItemUrl(links, item.key),
              text: `${item.summary}\n\n${item.description ?? ''}`,
            })),
        ),
      ],
      expectations: hotfixes[0]?.trace?.expectations ?? null,
    });
  }
  // Jira incidents: work items of an incident type or label, tied by their links to other work.
  const incidentTypes = new Set(
    config.classification.incidentIssueTypes.map((type) => type.toLowerCase()),
  );
  for (const item of dataset.workItems.values()) {
    if (
      !incidentTypes.has(item.type.toLowerCase()) &&
      !item.labels.some((label) => incidentLabels.has(label.toLowerCase()))
    )
      continue;
    const explicit: ExplicitIncidentLink[] = (dataset.links.get(item.id) ?? [])
      .filter((l) => dataset.workItemByKey.has(l.otherKey))
      .map((l) => ({
        kind: 'work_item',
        ref: l.otherKey,
        source: `jira-link:${l.linkType.toLowerCase()}`,
      }));
    const link = linkIncident(
      { id: item.id, startedAt: item.createdAt, affectedRepos: [] },
      explicit,
      deployments,
      windowHours,
    );
    if (link.workItemKeys.length === 0) continue;
    const originPrs = link.workItemKeys
      .flatMap((key) => dataset.pullRequestsByWorkItem.get(key) ?? [])
      .map((id) => dataset.pullRequests.get(id))
      .filter(
        (pr): pr is PullRequestRecord =>
          pr !== undefined && pr.mergedAt.getTime() <= item.createdAt.getTime(),
      );
    const fixPrs = (dataset.pullRequestsByWorkItem.get(item.key) ?? [])
      .map((id) => dataset.pullRequests.get(id))
      .filter((pr): pr is PullRequestRecord => pr !== undefined);
    items.push({
      id: `incident:${item.id}`,
      kind: 'incident',
      repositoryId: fixPrs[0]?.repositoryId ?? originPrs[0]?.repositoryId ?? null,
      reworkPullRequestIds: uniqueSorted(fixPrs.map((pr) => pr.id)),
      reworkWorkItemKeys: [item.key],
      incidentId: item.id,
      originPullRequestIds: uniqueSorted(originPrs.map((pr) => pr.id)),
      originWorkItemKeys: uniqueSorted(link.workItemKeys),
      rule: link.rule,
      detection: { rules: [`incident:${link.rule}`], facts: [link.explanation], links: [] },
      occurredAt: item.createdAt,
      endedAt: item.resolvedAt,
      defectTexts: [
        {
          key: item.key,
          url: workItemUrl(links, item.key),
          text: `${item.summary}\n\n${item.description ?? ''}`,
        },
      ],
      expectations: null,
    });
  }
  return { items, absorbedFixIds };
}
