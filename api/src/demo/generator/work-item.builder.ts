import type {
  SimBlock,
  SimHistoryItem,
  SimIssue,
  SimIssueLink,
} from '../../sources/jira/simulator/simulator-dataset';
import { toWiki } from '../../sources/jira/simulator/rich-text.render';

/**
 * Builds one Jira issue from its life events so that its changelog leads exactly to its current
 * state: status walk, sprint, description and criteria rewrites, estimate changes, reopenings.
 */

export const statusIds = { todo: '10000', progress: '3', review: '10001', done: '10002' } as const;
const statusNames: Record<string, string> = {
  '10000': 'To Do',
  '3': 'In Progress',
  '10001': 'In Review',
  '10002': 'Done',
};
export const demoFieldIds = {
  storyPoints: 'customfield_10016',
  sprint: 'customfield_10020',
  epicLink: 'customfield_10014',
  acceptanceCriteria: 'customfield_10050',
};

export type LifeEvent =
  | { at: number; by: string; kind: 'status'; to: keyof typeof statusIds }
  | { at: number; by: string; kind: 'sprint'; sprintId: number; sprintName: string }
  | { at: number; by: string; kind: 'description'; to: SimBlock[] }
  | { at: number; by: string; kind: 'criteria'; to: SimBlock[] }
  | { at: number; by: string; kind: 'points'; to: number };

export interface WorkItemInput {
  id: number;
  key: string;
  projectKey: string;
  issueType: string;
  created: number;
  reporterId: string;
  assigneeId: string | null;
  summary: string;
  description: SimBlock[] | null;
  criteria: SimBlock[] | null;
  storyPoints: number | null;
  labels: string[];
  epicKey: string | null;
  events: LifeEvent[];
  comments: { at: number; by: string; text: string }[];
  links: SimIssueLink[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function buildWorkItem(
  input: WorkItemInput,
  nextHistoryId: () => number,
  nextCommentId: () => number,
): SimIssue {
  let status: string = statusIds.todo;
  let description = input.description;
  let criteria = input.criteria;
  let points = input.storyPoints;
  let resolution: string | null = null;
  let resolutionDate: string | null = null;
  const sprintIds: number[] = [];
  const histories: SimIssue['histories'] = [];
  const events = [...input.events].sort((a, b) => a.at - b.at);
  for (const event of events) {
    const items: SimHistoryItem[] = [];
    switch (event.kind) {
      case 'status': {
        const to = statusIds[event.to];
        if (to === status) continue;
        items.push({
          field: 'status',
          fieldId: 'status',
          fieldtype: 'jira',
          from: status,
          fromString: statusNames[status] ?? null,
          to,
          toString: statusNames[to] ?? null,
        });
        const done = to === statusIds.done;
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
        resolutionDate = done ? iso(event.at) : null;
        status = to;
        break;
      }
      case 'sprint': {
        const before = sprintIds.join(', ');
        sprintIds.splice(0, sprintIds.length, event.sprintId);
        items.push({
          field: 'Sprint',
          fieldId: demoFieldIds.sprint,
          fieldtype: 'custom',
          from: before || null,
          fromString: null,
          to: String(event.sprintId),
          toString: event.sprintName,
        });
        break;
      }
      case 'description':
        items.push({
          field: 'description',
          fieldId: 'description',
          fieldtype: 'jira',
          from: null,
          fromString: description === null ? null : toWiki(description),
          to: null,
          toString: toWiki(event.to),
        });
        description = event.to;
        break;
      case 'criteria':
        items.push({
          field: 'Acceptance Criteria',
          fieldId: demoFieldIds.acceptanceCriteria,
          fieldtype: 'custom',
          from: null,
          fromString: criteria === null ? null : toWiki(criteria),
          to: null,
          toString: toWiki(event.to),
        });
        criteria = event.to;
        break;
      case 'points':
        items.push({
          field: 'Story Points',
          fieldId: demoFieldIds.storyPoints,
          fieldtype: 'custom',
          from: null,
          fromString: points === null ? null : String(points),
          to: null,
          toString: String(event.to),
        });
        points = event.to;
        break;
    }
    histories.push({
      id: String(nextHistoryId()),
      authorId: event.by,
      created: iso(event.at),
      items,
    });
  }
  const comments = input.comments
    .sort((a, b) => a.at - b.at)
    .map((comment) => ({
      id: String(nextCommentId()),
      authorId: comment.by,
      created: iso(comment.at),
      updated: iso(comment.at),
      body: [{ type: 'paragraph' as const, text: comment.text }],
    }));
  const last = Math.max(
    input.created,
    ...events.map((event) => event.at),
    ...input.comments.map((comment) => comment.at),
  );
  return {
    id: String(input.id),
    key: input.key,
    projectKey: input.projectKey,
    issueType: input.issueType,
    subtask: false,
    statusId: status,
    created: iso(input.created),
    updated: iso(last),
    resolutionDate,
    resolution,
    summary: input.summary,
    description,
    labels: input.labels,
    components: [],
    fixVersions: [],
    assigneeId: input.assigneeId,
    reporterId: input.reporterId,
    parentKey: input.epicKey,
    epicKey: input.epicKey,
    storyPoints: points,
    acceptanceCriteria: criteria,
    sprintIds,
    links: input.links,
    subtaskKeys: [],
    comments,
    histories,
  };
}
