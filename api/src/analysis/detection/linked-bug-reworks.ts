import { detectLinkedBugs, type AnalysisConfig, type BugLink, type StoryRecord } from '../core';
import type { AnalysisDataset } from '../domain/analysis-dataset';
import {
  pullRequestUrl,
  uniqueSorted,
  workItemUrl,
  type DetectedRework,
  type LinkBase,
} from './detected-rework';

/**
 * Reads: Bug-type work items and their links. Finds: bugs linked (causes, relates...) to a story
 * finished within the window before the bug. Origin: the story and its merged PRs; rework: the
 * bug and the PRs linked to it.
 */
export function detectLinkedBugReworks(
  dataset: AnalysisDataset,
  config: AnalysisConfig,
  links: LinkBase,
): DetectedRework[] {
  const bugTypes = new Set(config.classification.bugIssueTypes.map((type) => type.toLowerCase()));
  const found: DetectedRework[] = [];
  for (const bug of dataset.workItems.values()) {
    if (!bugTypes.has(bug.type.toLowerCase())) continue;
    const bugLinks: BugLink[] = (dataset.links.get(bug.id) ?? []).map((link) => ({
      linkType: link.linkType,
      direction: link.direction,
      relation: link.relation,
      otherKey: link.otherKey,
    }));
    if (bugLinks.length === 0) continue;
    const stories: StoryRecord[] = bugLinks
      .map((link) => dataset.workItemByKey.get(link.otherKey))
      .filter((story) => story !== undefined)
      .map((story) => ({ key: story.key, type: story.type, resolvedAt: story.resolvedAt }));
    const detection = detectLinkedBugs(
      { key: bug.key, createdAt: bug.createdAt },
      bugLinks,
      stories,
      {
        windowDays: config.windows.linkedBugDays,
        bugLinkTypes: config.classification.bugLinkTypes,
        bugIssueTypes: config.classification.bugIssueTypes,
      },
    );
    // Causal links decide when there are any; a "relates" link only when nothing causal exists.
    const causal = detection.origins.filter((origin) => origin.strength === 'causal');
    const origins = causal.length > 0 ? causal : detection.origins;
    if (origins.length === 0) continue;
    const originPrs = origins
      .flatMap((origin) => dataset.pullRequestsByWorkItem.get(origin.storyKey) ?? [])
      .map((id) => dataset.pullRequests.get(id))
      .filter((pr) => pr !== undefined);
    const fixPrs = (dataset.pullRequestsByWorkItem.get(bug.key) ?? [])
      .map((id) => dataset.pullRequests.get(id))
      .filter((pr) => pr !== undefined);
    found.push({
      id: `linked-bug:${bug.id}`,
      kind: 'linked-bug',
      repositoryId: fixPrs[0]?.repositoryId ?? originPrs[0]?.repositoryId ?? null,
      reworkPullRequestIds: uniqueSorted(fixPrs.map((pr) => pr.id)),
      reworkWorkItemKeys: [bug.key],
      incidentId: null,
      originPullRequestIds: uniqueSorted(
        originPrs
          .filter((pr) => pr.mergedAt.getTime() <= bug.createdAt.getTime())
          .map((pr) => pr.id),
      ),
      originWorkItemKeys: uniqueSorted(origins.map((origin) => origin.storyKey)),
      rule: `linked-bug:${origins[0]?.strength ?? 'causal'}`,
      detection: {
        rules: ['linked-bug'],
        facts: origins.map(
          (origin) =>
            `${bug.key} ${origin.relation || origin.linkType} ${origin.storyKey}, finished ${origin.daysBeforeBug} days before the bug`,
        ),
        links: [bug.key, ...origins.map((origin) => origin.storyKey)]
          .map((key) => ({ label: key, url: workItemUrl(links, key) }))
          .filter((link): link is { label: string; url: string } => link.url !== undefined)
          .concat(
            fixPrs.map((pr) => ({
              label: `#${pr.number}`,
              url: pullRequestUrl(links, pr.repo, pr.number),
            })),
          ),
      },
      occurredAt: bug.createdAt,
      endedAt: bug.resolvedAt,
      defectTexts: [
        {
          key: bug.key,
          url: workItemUrl(links, bug.key),
          text: `${bug.summary}\n\n${bug.description ?? ''}`,
        },
      ],
      expectations: null,
    });
  }
  return found;
}
