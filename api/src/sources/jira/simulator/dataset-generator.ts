import { toWiki } from './rich-text.render';
import type {
  JiraSimulatorDataset,
  SimBlock,
  SimBoard,
  SimComment,
  SimField,
  SimHistory,
  SimHistoryItem,
  SimIssue,
  SimSprint,
  SimStatus,
  SimUser,
} from './simulator-dataset';

/**
 * Builds a consistent Jira site: each issue's history is generated first (status transitions,
 * sprint moves, description and estimate churn) and its current state is what the history leads
 * to, so reconstructing "the ticket as it was" from the changelog can be checked exactly.
 * Deterministic for a seed.
 */
export interface DatasetOptions {
  seed?: number;
  projectKeys?: string[];
  issueCount: number;
  /** Every n-th issue gets more than `changelogPageSize` histories (search truncates them). */
  overflowEvery?: number;
  changelogPageSize?: number;
  /** Issue keys whose payload is broken on the wire. */
  malformed?: Record<string, SimIssue['malformed']>;
  startAt?: string;
}

export const simStatuses: SimStatus[] = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10001', name: 'In Review', category: 'indeterminate' },
  { id: '10002', name: 'Done', category: 'done' },
];

export const simFieldIds = {
  storyPoints: 'customfield_10016',
  sprint: 'customfield_10020',
  epicLink: 'customfield_10014',
  acceptanceCriteria: 'customfield_10050',
};

const simFields: SimField[] = [
  {
    id: simFieldIds.storyPoints,
    name: 'Story Points',
    customType: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
    schemaType: 'number',
  },
  {
    id: simFieldIds.sprint,
    name: 'Sprint',
    customType: 'com.pyxis.greenhopper.jira:gh-sprint',
    schemaType: 'array',
  },
  {
    id: simFieldIds.epicLink,
    name: 'Epic Link',
    customType: 'com.pyxis.greenhopper.jira:gh-epic-link',
    schemaType: 'any',
  },
  {
    id: simFieldIds.acceptanceCriteria,
    name: 'Acceptance Criteria',
    customType: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
    schemaType: 'string',
  },
  {
    id: 'customfield_10090',
    name: 'Team',
    customType: 'com.atlassian.jira.plugin.system.customfieldtypes:select',
    schemaType: 'any',
  },
];

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hour = 3_600_000;
const words = [
  'login',
  'checkout',
  'invoice',
  'search',
  'profile',
  'export',
  'billing',
  'sync',
  'report',
  'alerts',
];

function statusById(id: string): SimStatus {
  const status = simStatuses.find((candidate) => candidate.id === id);
  if (status === undefined) throw new Error(`unknown status ${id}`);
  return status;
}

function descriptionBlocks(
  topic: string,
  version: number,
  withCriteriaHeading: boolean,
): SimBlock[] {
  const blocks: SimBlock[] = [
    { type: 'paragraph', text: `Users need ${topic} to work (revision ${version}).` },
  ];
  if (withCriteriaHeading) {
    blocks.push({ type: 'heading', level: 3, text: 'Acceptance criteria' });
    blocks.push({
      type: 'bulletList',
      items: [`${topic} page loads in under 2 seconds`, `errors are shown inline`],
    });
  }
  return blocks;
}

export function generateJiraDataset(options: DatasetOptions): JiraSimulatorDataset {
  const random = prng(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const projectKeys = options.projectKeys ?? ['ENG'];
  const pageSize = options.changelogPageSize ?? 100;
  const start = Date.parse(options.startAt ?? '2026-01-05T09:00:00Z');

  const users: SimUser[] = Array.from({ length: 12 }, (_, index) => ({
    id: `5b10a2844c20165700ede${String(index).padStart(3, '0')}`,
    name: `user${index}`,
    displayName: `User ${index}`,
    // Some Cloud users hide their email.
    email: index % 5 === 4 ? null : `user${index}@acme.test`,
  }));

  const boards: SimBoard[] = projectKeys.map((key, index) => ({
    id: index + 1,
    name: `${key} board`,
    type: 'scrum',
    projectKey: key,
  }));
  const spanHours = Math.max(24 * 28, options.issueCount * 2);
  const now = start + spanHours * hour + 30 * 24 * hour;
  const sprints: SimSprint[] = [];
  for (const board of boards) {
    const sprintCount = Math.ceil(spanHours / (14 * 24)) + 2;
    for (let index = 0; index < sprintCount; index += 1) {
      const sprintStart = start + index * 14 * 24 * hour;
      const sprintEnd = sprintStart + 14 * 24 * hour;
      const closed = sprintEnd < now - 30 * 24 * hour;
      sprints.push({
        id: board.id * 1000 + index + 1,
        boardId: board.id,
        name: `${board.projectKey} Sprint ${index + 1}`,
        state: closed ? 'closed' : sprintStart < now ? 'active' : 'future',
        startDate: new Date(sprintStart).toISOString(),
        endDate: new Date(sprintEnd).toISOString(),
        completeDate: closed ? new Date(sprintEnd + hour).toISOString() : null,
        goal: index % 3 === 0 ? `Ship ${pick(words)}` : null,
      });
    }
  }
  const sprintAt = (projectIndex: number, at: number): SimSprint | undefined => {
    const index = Math.floor((at - start) / (14 * 24 * hour));
    return sprints.find((sprint) => sprint.id === (projectIndex + 1) * 1000 + index + 1);
  };

  const issues: SimIssue[] = [];
  const counters = new Map<string, number>();
  let historyId = 10000;
  let commentId = 50000;
  let linkId = 20000;

  for (let index = 0; index < options.issueCount; index += 1) {
    const projectIndex = index % projectKeys.length;
    const projectKey = projectKeys[projectIndex] as string;
    const number = (counters.get(projectKey) ?? 0) + 1;
    counters.set(projectKey, number);
    const key = `${projectKey}-${number}`;
    const roll = random();
    const issueType =
      index % 10 === 0
        ? 'Epic'
        : roll < 0.55
          ? 'Story'
          : roll < 0.8
            ? 'Bug'
            : roll < 0.92
              ? 'Task'
              : 'Sub-task';
    const topic = pick(words);
    const created = start + index * 2 * hour;
    let at = created;
    const reporterId = pick(users).id;
    const assigneeId = random() < 0.9 ? pick(users).id : null;

    // Initial state, then the history walks it forward.
    let statusId = '10000';
    let descriptionVersion = 1;
    let hasCriteriaHeading = random() < 0.3;
    let description: SimBlock[] | null =
      random() < 0.1 ? null : descriptionBlocks(topic, descriptionVersion, hasCriteriaHeading);
    let storyPoints: number | null =
      issueType === 'Story' && random() < 0.7 ? pick([1, 2, 3, 5, 8]) : null;
    let criteria: SimBlock[] | null =
      issueType === 'Story' && random() < 0.35
        ? [{ type: 'paragraph', text: `Given a user, when they open ${topic}, then it loads` }]
        : null;
    let sprintIds: number[] = [];
    let resolution: string | null = null;
    let resolutionDate: string | null = null;
    const histories: SimHistory[] = [];
    const push = (items: SimHistoryItem[]): void => {
      at += Math.floor(random() * 20 + 1) * hour;
      historyId += 1;
      histories.push({
        id: String(historyId),
        authorId: pick(users).id,
        created: new Date(at).toISOString(),
        items,
      });
    };
    const setStatus = (to: string): SimHistoryItem[] => {
      const items: SimHistoryItem[] = [
        {
          field: 'status',
          fieldId: 'status',
          fieldtype: 'jira',
          from: statusId,
          fromString: statusById(statusId).name,
          to,
          toString: statusById(to).name,
        },
      ];
      const done = statusById(to).category === 'done';
      if (done !== (resolution !== null)) {
        items.push({
          field: 'resolution',
          fieldId: 'resolution',
          fieldtype: 'jira',
          from: resolution === null ? null : '10000',
          fromString: resolution,
          to: done ? '10000' : null,
          toString: done ? 'Done' : null,
        });
        resolution = done ? 'Done' : null;
      }
      statusId = to;
      return items;
    };

    if (random() < 0.3) {
      const before = description === null ? null : toWiki(description);
      descriptionVersion += 1;
      hasCriteriaHeading = hasCriteriaHeading || random() < 0.3;
      description = descriptionBlocks(topic, descriptionVersion, hasCriteriaHeading);
      push([
        {
          field: 'description',
          fieldId: 'description',
          fieldtype: 'jira',
          from: null,
          fromString: before,
          to: null,
          toString: toWiki(description),
        },
      ]);
    }
    if (issueType !== 'Epic' && issueType !== 'Sub-task') {
      const sprint = sprintAt(projectIndex, at + 24 * hour);
      if (sprint !== undefined) {
        const before = sprintIds;
        sprintIds = [sprint.id];
        push([
          {
            field: 'Sprint',
            fieldId: simFieldIds.sprint,
            fieldtype: 'custom',
            from: before.join(', ') || null,
            fromString: null,
            to: String(sprint.id),
            toString: sprint.name,
          },
        ]);
      }
    }
    const progress = random();
    if (progress > 0.15) push(setStatus('3'));
    if (storyPoints !== null && random() < 0.25) {
      const before = storyPoints;
      storyPoints = before + 2;
      push([
        {
          field: 'Story Points',
          fieldId: simFieldIds.storyPoints,
          fieldtype: 'custom',
          from: null,
          fromString: String(before),
          to: null,
          toString: String(storyPoints),
        },
      ]);
    }
    if (issueType === 'Story' && random() < 0.15) {
      const before = criteria === null ? null : toWiki(criteria);
      criteria = [
        {
          type: 'taskList',
          items: [
            { text: `${topic} works offline`, done: false },
            { text: 'audit log entry written', done: false },
          ],
        },
      ];
      push([
        {
          field: 'Acceptance Criteria',
          fieldId: simFieldIds.acceptanceCriteria,
          fieldtype: 'custom',
          from: null,
          fromString: before,
          to: null,
          toString: toWiki(criteria),
        },
      ]);
    }
    if (progress > 0.35) push(setStatus('10001'));
    if (progress > 0.45) {
      push(setStatus('10002'));
      resolutionDate = histories.at(-1)?.created ?? null;
      if (random() < 0.12) {
        push(setStatus('3'));
        push(setStatus('10002'));
        resolutionDate = histories.at(-1)?.created ?? null;
      }
    }
    const overflow =
      options.overflowEvery !== undefined &&
      index % options.overflowEvery === options.overflowEvery - 1;
    const fillers = overflow
      ? pageSize + 1 + Math.floor(random() * (pageSize - 10)) - histories.length
      : Math.floor(random() * 4);
    for (let filler = 0; filler < fillers; filler += 1) {
      push([
        {
          field: 'labels',
          fieldId: 'labels',
          fieldtype: 'jira',
          from: null,
          fromString: `l${filler}`,
          to: null,
          toString: `l${filler + 1}`,
        },
      ]);
    }

    const comments: SimComment[] = Array.from(
      { length: Math.floor(random() * 3) },
      (_, commentIndex) => {
        commentId += 1;
        const when = new Date(created + (commentIndex + 1) * 3 * hour).toISOString();
        return {
          id: String(commentId),
          authorId: pick(users).id,
          created: when,
          updated: when,
          body: [
            {
              type: 'paragraph',
              text: commentIndex === 0 ? `Should ${topic} also cover mobile?` : 'Looks good to me.',
            },
          ],
        };
      },
    );

    const issue: SimIssue = {
      id: String(10000 + index),
      key,
      projectKey,
      issueType,
      subtask: issueType === 'Sub-task',
      statusId,
      created: new Date(created).toISOString(),
      updated: new Date(at).toISOString(),
      resolutionDate,
      resolution,
      summary: `${issueType} about ${topic} #${number}`,
      description,
      labels: histories.some((history) => history.items[0]?.field === 'labels')
        ? [`l${fillers}`]
        : [],
      components: random() < 0.5 ? [pick(['api', 'web', 'mobile'])] : [],
      fixVersions: resolutionDate === null ? [] : ['1.0'],
      assigneeId,
      reporterId,
      parentKey: null,
      epicKey: null,
      storyPoints,
      acceptanceCriteria: criteria,
      sprintIds,
      links: [],
      subtaskKeys: [],
      comments,
      histories,
      ...(options.malformed?.[key] === undefined ? {} : { malformed: options.malformed[key] }),
    };
    // Structure: stories under the latest epic of the project, sub-tasks under the latest story,
    // bugs caused by an earlier story.
    const earlier = issues.filter((candidate) => candidate.projectKey === projectKey);
    const epic = earlier.findLast((candidate) => candidate.issueType === 'Epic');
    const story = earlier.findLast((candidate) => candidate.issueType === 'Story');
    if (issueType === 'Sub-task' && story !== undefined) {
      issue.parentKey = story.key;
      story.subtaskKeys.push(key);
    } else if (issueType === 'Sub-task') {
      issue.issueType = 'Task';
      issue.subtask = false;
    } else if (issueType !== 'Epic' && epic !== undefined) {
      issue.epicKey = epic.key;
      issue.parentKey = epic.key;
    }
    if (issueType === 'Bug' && story !== undefined) {
      linkId += 1;
      issue.links.push({
        id: String(linkId),
        typeName: 'Causes',
        direction: 'inward',
        otherKey: story.key,
      });
      story.links.push({
        id: String(linkId),
        typeName: 'Causes',
        direction: 'outward',
        otherKey: key,
      });
    }
    issues.push(issue);
  }

  return {
    projects: projectKeys.map((key, index) => ({
      id: String(10000 + index),
      key,
      name: `${key} project`,
    })),
    users,
    statuses: simStatuses,
    linkTypes: [
      { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
      { id: '10001', name: 'Causes', inward: 'is caused by', outward: 'causes' },
      { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
    ],
    fields: simFields,
    fieldIds: simFieldIds,
    boards,
    sprints,
    issues,
  };
}
