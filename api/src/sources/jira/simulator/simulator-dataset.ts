/**
 * The Jira simulator's data, as plain data: what a Jira site holds, independent of how Cloud or
 * Data Center render it. Tests build small ones; the demo-organisation generator fills big ones.
 * Times are ISO 8601 strings in UTC.
 */

/** Rich text as blocks; rendered as ADF (Cloud) or wiki markup (Data Center). */
export type SimBlock =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'bulletList'; items: string[] }
  | { type: 'orderedList'; items: string[] }
  | { type: 'taskList'; items: { text: string; done: boolean }[] }
  /** First row is the header row. */
  | { type: 'table'; rows: string[][] };

export interface SimUser {
  /** Cloud accountId, or Data Center user key. */
  id: string;
  /** Data Center user name (login). */
  name: string;
  displayName: string;
  /** Null when the user hides it (Cloud privacy settings). */
  email: string | null;
}

export interface SimProject {
  id: string;
  key: string;
  name: string;
}

export type SimStatusCategory = 'new' | 'indeterminate' | 'done';

export interface SimStatus {
  id: string;
  name: string;
  category: SimStatusCategory;
}

export interface SimLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export interface SimBoard {
  id: number;
  name: string;
  type: 'scrum' | 'kanban';
  projectKey: string;
}

export interface SimSprint {
  id: number;
  boardId: number;
  name: string;
  state: 'future' | 'active' | 'closed';
  startDate: string | null;
  endDate: string | null;
  completeDate: string | null;
  goal: string | null;
}

/** Custom fields the site has; their ids are used by issues' `customFields`. */
export interface SimField {
  id: string;
  name: string;
  /** e.g. `com.pyxis.greenhopper.jira:gh-sprint`, `com.atlassian.jira.plugin.system.customfieldtypes:float`. */
  customType: string;
  schemaType: 'number' | 'array' | 'string' | 'any';
}

export interface SimHistoryItem {
  /** The field's name as the changelog shows it (`status`, `description`, `Sprint`, `Story Points`). */
  field: string;
  /** Cloud only shows it; custom fields carry their id. */
  fieldId: string | null;
  fieldtype: 'jira' | 'custom';
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface SimHistory {
  id: string;
  authorId: string;
  created: string;
  items: SimHistoryItem[];
}

export interface SimComment {
  id: string;
  authorId: string;
  created: string;
  updated: string;
  body: SimBlock[];
}

export interface SimIssueLink {
  id: string;
  typeName: string;
  /** `outward`: this issue -> other (e.g. "blocks"); `inward`: other -> this ("is blocked by"). */
  direction: 'inward' | 'outward';
  otherKey: string;
}

/** Ways an issue can be broken on the wire, to exercise quarantine. */
export type SimMalformation = 'missing-status' | 'bad-created-date' | 'fields-not-an-object';

export interface SimIssue {
  id: string;
  key: string;
  projectKey: string;
  issueType: string;
  subtask: boolean;
  statusId: string;
  created: string;
  updated: string;
  resolutionDate: string | null;
  resolution: string | null;
  summary: string;
  description: SimBlock[] | null;
  labels: string[];
  components: string[];
  fixVersions: string[];
  assigneeId: string | null;
  reporterId: string | null;
  parentKey: string | null;
  /** Epic Link custom field (company-managed projects). */
  epicKey: string | null;
  storyPoints: number | null;
  acceptanceCriteria: SimBlock[] | null;
  sprintIds: number[];
  links: SimIssueLink[];
  subtaskKeys: string[];
  comments: SimComment[];
  /** Oldest first. */
  histories: SimHistory[];
  malformed?: SimMalformation;
}

export interface SimFieldIds {
  storyPoints: string;
  sprint: string;
  epicLink: string;
  acceptanceCriteria: string;
}

export interface JiraSimulatorDataset {
  projects: SimProject[];
  users: SimUser[];
  statuses: SimStatus[];
  linkTypes: SimLinkType[];
  fields: SimField[];
  /** Which of `fields` hold story points, sprint, epic link and acceptance criteria. */
  fieldIds: SimFieldIds;
  boards: SimBoard[];
  sprints: SimSprint[];
  issues: SimIssue[];
}
