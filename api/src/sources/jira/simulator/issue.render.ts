import { findIssue } from './issue-index';
import { toAdf, toWiki } from './rich-text.render';
import type {
  JiraSimulatorDataset,
  SimBlock,
  SimHistory,
  SimIssue,
  SimSprint,
  SimUser,
} from './simulator-dataset';

/** Renders simulator data in the wire shapes of Jira Cloud (REST v3, ADF) or Data Center (v2, wiki). */
export type SimDeployment = 'cloud' | 'datacenter';

export interface RenderContext {
  dataset: JiraSimulatorDataset;
  deployment: SimDeployment;
  baseUrl: string;
  usersById: Map<string, SimUser>;
}

/** Jira's timestamp style: `2026-01-05T09:00:00.000+0000`. */
export function jiraTime(iso: string): string {
  return new Date(iso).toISOString().replace('Z', '+0000');
}

export function renderUser(context: RenderContext, id: string | null): object | null {
  if (id === null) return null;
  const user = context.usersById.get(id);
  if (user === undefined) return null;
  const email = user.email === null ? {} : { emailAddress: user.email };
  return context.deployment === 'cloud'
    ? {
        accountId: user.id,
        accountType: 'atlassian',
        displayName: user.displayName,
        active: true,
        ...email,
      }
    : { key: user.id, name: user.name, displayName: user.displayName, active: true, ...email };
}

function richText(context: RenderContext, blocks: SimBlock[] | null): object | string | null {
  if (blocks === null) return null;
  return context.deployment === 'cloud' ? toAdf(blocks) : toWiki(blocks);
}

function renderSprint(context: RenderContext, sprint: SimSprint): object | string {
  if (context.deployment === 'cloud') {
    return {
      id: sprint.id,
      name: sprint.name,
      state: sprint.state,
      boardId: sprint.boardId,
      goal: sprint.goal ?? '',
      ...(sprint.startDate === null ? {} : { startDate: sprint.startDate }),
      ...(sprint.endDate === null ? {} : { endDate: sprint.endDate }),
      ...(sprint.completeDate === null ? {} : { completeDate: sprint.completeDate }),
    };
  }
  // Data Center serialises sprints as Java toString() text.
  return (
    `com.atlassian.greenhopper.service.sprint.Sprint@${sprint.id.toString(16)}[id=${sprint.id},rapidViewId=${sprint.boardId},` +
    `state=${sprint.state.toUpperCase()},name=${sprint.name},startDate=${sprint.startDate ?? '<null>'},endDate=${sprint.endDate ?? '<null>'},` +
    `completeDate=${sprint.completeDate ?? '<null>'},activatedDate=${sprint.startDate ?? '<null>'},sequence=${sprint.id},goal=${sprint.goal ?? ''},synced=false,autoStartStop=false]`
  );
}

export function renderHistory(context: RenderContext, history: SimHistory): object {
  return {
    id: history.id,
    author: renderUser(context, history.authorId),
    created: jiraTime(history.created),
    items: history.items.map((item) => ({
      field: item.field,
      fieldtype: item.fieldtype,
      ...(context.deployment === 'cloud' && item.fieldId !== null ? { fieldId: item.fieldId } : {}),
      from: item.from,
      fromString: item.fromString,
      to: item.to,
      toString: item.toString,
    })),
  };
}

export function renderIssue(
  context: RenderContext,
  issue: SimIssue,
  changelogLimit: number | null,
): object {
  const { dataset, deployment } = context;
  const version = deployment === 'cloud' ? 3 : 2;
  const status = dataset.statuses.find((candidate) => candidate.id === issue.statusId);
  const project = dataset.projects.find((candidate) => candidate.key === issue.projectKey);
  const categoryIds = { new: 2, indeterminate: 4, done: 3 } as const;
  const categoryNames = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' } as const;
  const issueByKey = (key: string) => findIssue(dataset, key);
  const ref = (key: string) => ({
    id: issueByKey(key)?.id ?? '0',
    key,
    self: `${context.baseUrl}/rest/api/${version}/issue/${key}`,
  });
  const fields: Record<string, unknown> = {
    summary: issue.summary,
    issuetype: {
      id: String(issue.issueType.length),
      name: issue.issueType,
      subtask: issue.subtask,
    },
    project: {
      id: project?.id ?? '0',
      key: issue.projectKey,
      name: project?.name ?? issue.projectKey,
    },
    status:
      status === undefined
        ? null
        : {
            id: status.id,
            name: status.name,
            statusCategory: {
              id: categoryIds[status.category],
              key: status.category,
              name: categoryNames[status.category],
            },
          },
    created: jiraTime(issue.created),
    updated: jiraTime(issue.updated),
    resolutiondate: issue.resolutionDate === null ? null : jiraTime(issue.resolutionDate),
    resolution: issue.resolution === null ? null : { id: '10000', name: issue.resolution },
    description: richText(context, issue.description),
    labels: issue.labels,
    components: issue.components.map((name, index) => ({ id: String(10100 + index), name })),
    fixVersions: issue.fixVersions.map((name, index) => ({
      id: String(10200 + index),
      name,
      released: true,
    })),
    assignee: renderUser(context, issue.assigneeId),
    reporter: renderUser(context, issue.reporterId),
    subtasks: issue.subtaskKeys.map(ref),
    issuelinks: issue.links.map((link) => {
      const type = dataset.linkTypes.find((candidate) => candidate.name === link.typeName);
      return {
        id: link.id,
        type: {
          id: type?.id ?? '0',
          name: link.typeName,
          inward: type?.inward ?? link.typeName,
          outward: type?.outward ?? link.typeName,
        },
        [link.direction === 'inward' ? 'inwardIssue' : 'outwardIssue']: ref(link.otherKey),
      };
    }),
    comment: {
      comments: issue.comments.map((comment) => ({
        id: comment.id,
        author: renderUser(context, comment.authorId),
        body: richText(context, comment.body),
        created: jiraTime(comment.created),
        updated: jiraTime(comment.updated),
      })),
      maxResults: issue.comments.length,
      total: issue.comments.length,
      startAt: 0,
    },
    [dataset.fieldIds.storyPoints]: issue.storyPoints,
    [dataset.fieldIds.epicLink]: issue.epicKey,
    [dataset.fieldIds.acceptanceCriteria]: richText(context, issue.acceptanceCriteria),
    [dataset.fieldIds.sprint]:
      issue.sprintIds.length === 0
        ? null
        : issue.sprintIds.flatMap((id) => {
            const sprint = dataset.sprints.find((candidate) => candidate.id === id);
            return sprint === undefined ? [] : [renderSprint(context, sprint)];
          }),
  };
  // Cloud shows the parent for every level (epic -> story -> sub-task); Data Center only for sub-tasks.
  if (issue.parentKey !== null && (deployment === 'cloud' || issue.subtask))
    fields.parent = ref(issue.parentKey);

  const histories =
    changelogLimit === null ? issue.histories : issue.histories.slice(0, changelogLimit);
  const rendered: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${context.baseUrl}/rest/api/${version}/issue/${issue.id}`,
    key: issue.key,
    fields,
    changelog: {
      startAt: 0,
      maxResults: histories.length,
      total: issue.histories.length,
      histories: histories.map((history) => renderHistory(context, history)),
    },
  };
  switch (issue.malformed) {
    case 'missing-status':
      delete fields.status;
      break;
    case 'bad-created-date':
      fields.created = 'yesterday-ish';
      break;
    case 'fields-not-an-object':
      rendered.fields = 'oops';
      break;
    case undefined:
      break;
  }
  return rendered;
}
