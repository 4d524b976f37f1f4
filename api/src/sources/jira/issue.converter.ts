import { detectAcceptanceCriteria } from './acceptance-criteria';
import type { JiraFieldCatalog } from './field-discovery';
import type { JiraIssueRecord, JiraUserRecord } from './jira-issue.record';
import {
  reopenCount,
  sprintStays,
  type ChangeFact,
  type StatusCategory,
} from './work-item-history';

/**
 * Convert step: `JiraIssueRecord` -> domain rows (work item, changes, comments, links, sprint
 * stays, identities). Pure; ids are built from Jira ids so re-running gives the same rows.
 */
export interface IdentityRow {
  id: string;
  externalId: string;
  displayName: string | null;
  email: string | null;
  isBot: boolean;
  rawPayloadId: string;
}

export interface WorkItemRow {
  id: string;
  key: string;
  projectKey: string;
  issueType: string;
  isSubtask: boolean;
  status: string;
  statusId: string;
  statusCategory: string;
  summary: string;
  descriptionText: string | null;
  acceptanceCriteriaFieldText: string | null;
  acceptanceCriteriaText: string | null;
  acceptanceCriteriaSource: string | null;
  storyPoints: number | null;
  parentKey: string | null;
  epicKey: string | null;
  labels: string[];
  components: string[];
  fixVersions: string[];
  sprintIds: number[];
  resolution: string | null;
  assigneeIdentityId: string | null;
  reporterIdentityId: string | null;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  reopenCount: number;
  rawPayloadId: string;
}

export interface ChangeRow extends ChangeFact {
  id: string;
  workItemId: string;
  historyId: string;
  field: string;
  fieldId: string | null;
  authorIdentityId: string | null;
  rawPayloadId: string;
}

export interface CommentRow {
  id: string;
  workItemId: string;
  authorIdentityId: string | null;
  bodyText: string;
  createdAt: Date;
  updatedAt: Date;
  rawPayloadId: string;
}

export interface LinkRow {
  id: string;
  workItemId: string;
  linkId: string;
  linkType: string;
  direction: 'inward' | 'outward';
  relation: string;
  otherKey: string;
  rawPayloadId: string;
}

export interface SprintStayRow {
  id: string;
  workItemId: string;
  sprintId: number;
  addedAt: Date;
  removedAt: Date | null;
  rawPayloadId: string;
}

export interface ConvertedIssue {
  workItem: WorkItemRow;
  changes: ChangeRow[];
  comments: CommentRow[];
  links: LinkRow[];
  sprintStays: SprintStayRow[];
  identities: IdentityRow[];
}

export interface ConvertContext {
  fields: JiraFieldCatalog;
  /** Status id or name -> category, from `/rest/api/2/status` and the issues seen. */
  statusCategories: ReadonlyMap<string, StatusCategory>;
}

export const workItemIdOf = (issueId: string): string => `jira:${issueId}`;
export const identityIdOf = (externalId: string): string => `jira:${externalId}`;

/** A changelog field name (and Cloud field id) to a stable key the analysis can query. */
export function fieldKeyOf(
  field: string,
  fieldId: string | null,
  fields: JiraFieldCatalog,
): string {
  const name = field.toLowerCase();
  const is = (key: keyof JiraFieldCatalog['ids']): boolean => {
    const named = fields.names[key];
    return (
      (fieldId !== null && fieldId === fields.ids[key]) ||
      (named !== null && name === named.toLowerCase())
    );
  };
  if (is('storyPoints') || name === 'story points' || name === 'story point estimate')
    return 'story_points';
  if (is('acceptanceCriteria')) return 'acceptance_criteria';
  if (is('sprint') || name === 'sprint') return 'sprint';
  if (is('epicLink') || name === 'epic link') return 'epic';
  if (name === 'parent' || name === 'issueparentassociation') return 'parent';
  if (name === 'issuetype') return 'issue_type';
  return name.replace(/[^a-z0-9]+/g, '_');
}

function identity(
  user: JiraUserRecord | null,
  rawPayloadId: string,
  into: Map<string, IdentityRow>,
): string | null {
  if (user === null) return null;
  const id = identityIdOf(user.externalId);
  into.set(id, {
    id,
    externalId: user.externalId,
    displayName: user.displayName,
    email: user.email,
    isBot: user.isBot,
    rawPayloadId,
  });
  return id;
}

export function convertIssue(record: JiraIssueRecord, context: ConvertContext): ConvertedIssue {
  const workItemId = workItemIdOf(record.issueId);
  const identities = new Map<string, IdentityRow>();
  const changes: ChangeRow[] = [];
  for (const history of record.histories) {
    const authorIdentityId = identity(history.author, history.rawPayloadId, identities);
    history.items.forEach((item, index) => {
      changes.push({
        id: `${workItemId}:${history.id}:${index}`,
        workItemId,
        historyId: history.id,
        field: item.field,
        fieldKey: fieldKeyOf(item.field, item.fieldId, context.fields),
        fieldId: item.fieldId,
        fromValue: item.from,
        fromString: item.fromString,
        toValue: item.to,
        toString: item.toString,
        authorIdentityId,
        changedAt: new Date(history.created),
        rawPayloadId: history.rawPayloadId,
      });
    });
  }
  const criteria = detectAcceptanceCriteria(
    record.descriptionText,
    record.acceptanceCriteriaFieldText,
  );
  const categoryOf = (value: string): StatusCategory | undefined =>
    context.statusCategories.get(value);
  const created = new Date(record.created);
  const raw = record.rawPayloadId;
  const workItem: WorkItemRow = {
    id: workItemId,
    key: record.key,
    projectKey: record.projectKey,
    issueType: record.issueType,
    isSubtask: record.isSubtask,
    status: record.statusName,
    statusId: record.statusId,
    statusCategory: record.statusCategory,
    summary: record.summary,
    descriptionText: record.descriptionText,
    acceptanceCriteriaFieldText: record.acceptanceCriteriaFieldText,
    acceptanceCriteriaText: criteria.text,
    acceptanceCriteriaSource: criteria.source,
    storyPoints: record.storyPoints,
    parentKey: record.parentKey ?? record.epicKey,
    epicKey: record.epicKey,
    labels: record.labels,
    components: record.components,
    fixVersions: record.fixVersions,
    sprintIds: record.sprintIds,
    resolution: record.resolution,
    assigneeIdentityId: identity(record.assignee, raw, identities),
    reporterIdentityId: identity(record.reporter, raw, identities),
    createdAt: created,
    updatedAt: new Date(record.updated),
    resolvedAt: record.resolvedAt === null ? null : new Date(record.resolvedAt),
    reopenCount: reopenCount(changes, categoryOf),
    rawPayloadId: raw,
  };
  const comments: CommentRow[] = record.comments.map((comment) => ({
    id: `jira:comment:${comment.id}`,
    workItemId,
    authorIdentityId: identity(comment.author, raw, identities),
    bodyText: comment.bodyText,
    createdAt: new Date(comment.created),
    updatedAt: new Date(comment.updated),
    rawPayloadId: raw,
  }));
  const links: LinkRow[] = record.links.map((link) => ({
    id: `jira:link:${link.linkId}:${record.issueId}`,
    workItemId,
    linkId: link.linkId,
    linkType: link.typeName,
    direction: link.direction,
    relation: link.relation,
    otherKey: link.otherKey,
    rawPayloadId: raw,
  }));
  const stays: SprintStayRow[] = sprintStays(record.sprintIds, changes, created).map((stay) => ({
    id: `${workItemId}:${stay.sprintId}:${stay.addedAt.getTime()}`,
    workItemId,
    sprintId: stay.sprintId,
    addedAt: stay.addedAt,
    removedAt: stay.removedAt,
    rawPayloadId: raw,
  }));
  return {
    workItem,
    changes,
    comments,
    links,
    sprintStays: stays,
    identities: [...identities.values()],
  };
}
