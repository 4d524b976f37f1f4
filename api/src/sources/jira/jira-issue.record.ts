/** The source record (layer between the raw payload and the domain rows) of one Jira issue. */
export interface JiraUserRecord {
  /** Cloud accountId, or Data Center user key (name when no key). */
  externalId: string;
  displayName: string | null;
  email: string | null;
  isBot: boolean;
}

export interface JiraHistoryRecord {
  id: string;
  author: JiraUserRecord | null;
  created: string;
  items: {
    field: string;
    fieldId: string | null;
    from: string | null;
    fromString: string | null;
    to: string | null;
    toString: string | null;
  }[];
  rawPayloadId: string;
}

export interface JiraIssueRecord {
  issueId: string;
  key: string;
  projectKey: string;
  issueType: string;
  isSubtask: boolean;
  statusId: string;
  statusName: string;
  statusCategory: string;
  created: string;
  updated: string;
  resolvedAt: string | null;
  resolution: string | null;
  summary: string;
  descriptionText: string | null;
  acceptanceCriteriaFieldText: string | null;
  storyPoints: number | null;
  parentKey: string | null;
  epicKey: string | null;
  labels: string[];
  components: string[];
  fixVersions: string[];
  sprintIds: number[];
  assignee: JiraUserRecord | null;
  reporter: JiraUserRecord | null;
  subtaskKeys: string[];
  links: {
    linkId: string;
    typeName: string;
    direction: 'inward' | 'outward';
    relation: string;
    otherKey: string;
  }[];
  comments: {
    id: string;
    author: JiraUserRecord | null;
    bodyText: string;
    created: string;
    updated: string;
  }[];
  histories: JiraHistoryRecord[];
  /** The search page the issue came from. */
  rawPayloadId: string;
}
