/**
 * A Bug linked to a story (or task) finished shortly before the bug was created: the story is
 * the origin. Which links count, and why:
 * - `Causes` when the story causes the bug (the bug's side reads "is caused by"): causal;
 * - `Problem/Incident`, `Defect`, `Bug` link types (Jira Service Management and common custom
 *   types): causal;
 * - `Relates`: counted but marked `related`, a weaker link (teams use it for "found while...");
 * - not counted: `Blocks` (a dependency, not a cause), `Cloners` and `Duplicate` (copies), and a
 *   `Causes` link the other way round (the bug causes the story).
 * The link type list is configuration (`classification.bugLinkTypes`).
 */
export interface BugRecord {
  key: string;
  createdAt: Date;
}

/** One issue link seen from the bug's side (as the Jira connector stores them). */
export interface BugLink {
  linkType: string;
  direction: 'inward' | 'outward';
  /** The phrase from the bug's side, e.g. "is caused by", "relates to". */
  relation: string;
  otherKey: string;
}

export interface StoryRecord {
  key: string;
  type: string;
  resolvedAt: Date | null;
}

export interface LinkedBugOrigin {
  storyKey: string;
  linkType: string;
  relation: string;
  strength: 'causal' | 'related';
  daysBeforeBug: number;
}

export type LinkedBugExclusion =
  | 'link_type_not_counted'
  | 'wrong_direction'
  | 'story_unknown'
  | 'not_finished'
  | 'finished_after_bug'
  | 'outside_window'
  | 'is_a_bug';

export interface LinkedBugDetection {
  origins: LinkedBugOrigin[];
  excluded: Array<{ otherKey: string; linkType: string; reason: LinkedBugExclusion }>;
}

const dayMs = 86_400_000;

function strengthOf(
  link: BugLink,
  countedTypes: Set<string>,
): LinkedBugOrigin['strength'] | 'wrong_direction' | null {
  const type = link.linkType.toLowerCase();
  if (!countedTypes.has(type)) return null;
  if (type === 'causes') {
    // The bug must be the effect: "is caused by" on its side.
    return /caused by|is caused|caused_by/i.test(link.relation) ||
      (link.relation === '' && link.direction === 'inward')
      ? 'causal'
      : 'wrong_direction';
  }
  return type === 'relates' ? 'related' : 'causal';
}

export function detectLinkedBugs(
  bug: BugRecord,
  links: readonly BugLink[],
  stories: readonly StoryRecord[],
  options: {
    windowDays: number;
    bugLinkTypes: readonly string[];
    bugIssueTypes: readonly string[];
  },
): LinkedBugDetection {
  const countedTypes = new Set(options.bugLinkTypes.map((type) => type.toLowerCase()));
  const bugTypes = new Set(options.bugIssueTypes.map((type) => type.toLowerCase()));
  const byKey = new Map(stories.map((story) => [story.key, story]));
  const origins: LinkedBugOrigin[] = [];
  const excluded: LinkedBugDetection['excluded'] = [];
  for (const link of links) {
    const exclude = (reason: LinkedBugExclusion): void => {
      excluded.push({ otherKey: link.otherKey, linkType: link.linkType, reason });
    };
    const strength = strengthOf(link, countedTypes);
    if (strength === null) {
      exclude('link_type_not_counted');
      continue;
    }
    if (strength === 'wrong_direction') {
      exclude('wrong_direction');
      continue;
    }
    const story = byKey.get(link.otherKey);
    if (story === undefined) {
      exclude('story_unknown');
      continue;
    }
    if (bugTypes.has(story.type.toLowerCase())) {
      exclude('is_a_bug');
      continue;
    }
    if (story.resolvedAt === null) {
      exclude('not_finished');
      continue;
    }
    const gap = bug.createdAt.getTime() - story.resolvedAt.getTime();
    if (gap < 0) {
      exclude('finished_after_bug');
      continue;
    }
    if (gap > options.windowDays * dayMs) {
      exclude('outside_window');
      continue;
    }
    if (origins.some((origin) => origin.storyKey === story.key)) continue;
    origins.push({
      storyKey: story.key,
      linkType: link.linkType,
      relation: link.relation,
      strength,
      daysBeforeBug: Math.round((gap / dayMs) * 100) / 100,
    });
  }
  // Causal links first, then the most recent story.
  origins.sort((a, b) =>
    a.strength === b.strength
      ? a.daysBeforeBug - b.daysBeforeBug
      : a.strength === 'causal'
        ? -1
        : 1,
  );
  return { origins, excluded };
}
