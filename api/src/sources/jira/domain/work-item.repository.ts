import type { EntityManager } from 'typeorm';
import { upsertIdentities } from '../../../identity/identity.store';
import type {
  ChangeRow,
  CommentRow,
  ConvertedIssue,
  LinkRow,
  SprintStayRow,
  WorkItemRow,
} from '../issue.converter';
import { deleteStaleChildren, upsertRows, type UpsertSpec } from './upsert-rows';

/** Writes converted issues (domain layer). Call inside the page's transaction. */

const workItemSpec: UpsertSpec<WorkItemRow> = {
  table: 'work_item',
  columns: [
    ['id', (r) => r.id],
    ['key', (r) => r.key],
    ['project_key', (r) => r.projectKey],
    ['issue_type', (r) => r.issueType],
    ['is_subtask', (r) => r.isSubtask],
    ['status', (r) => r.status],
    ['status_id', (r) => r.statusId],
    ['status_category', (r) => r.statusCategory],
    ['summary', (r) => r.summary],
    ['description_text', (r) => r.descriptionText],
    ['acceptance_criteria_field_text', (r) => r.acceptanceCriteriaFieldText],
    ['acceptance_criteria_text', (r) => r.acceptanceCriteriaText],
    ['acceptance_criteria_source', (r) => r.acceptanceCriteriaSource],
    ['story_points', (r) => r.storyPoints],
    ['parent_key', (r) => r.parentKey],
    ['epic_key', (r) => r.epicKey],
    ['labels', (r) => r.labels],
    ['components', (r) => r.components],
    ['fix_versions', (r) => r.fixVersions],
    ['sprint_ids', (r) => r.sprintIds],
    ['resolution', (r) => r.resolution],
    ['assignee_identity_id', (r) => r.assigneeIdentityId],
    ['reporter_identity_id', (r) => r.reporterIdentityId],
    ['created_at', (r) => r.createdAt],
    ['updated_at', (r) => r.updatedAt],
    ['resolved_at', (r) => r.resolvedAt],
    ['reopen_count', (r) => r.reopenCount],
    ['raw_payload_id', (r) => r.rawPayloadId],
  ],
};

const changeSpec: UpsertSpec<ChangeRow> = {
  table: 'work_item_change',
  columns: [
    ['id', (r) => r.id],
    ['work_item_id', (r) => r.workItemId],
    ['history_id', (r) => r.historyId],
    ['field', (r) => r.field],
    ['field_key', (r) => r.fieldKey],
    ['field_id', (r) => r.fieldId],
    ['from_value', (r) => r.fromValue],
    ['from_string', (r) => r.fromString],
    ['to_value', (r) => r.toValue],
    ['to_string', (r) => r.toString],
    ['author_identity_id', (r) => r.authorIdentityId],
    ['changed_at', (r) => r.changedAt],
    ['raw_payload_id', (r) => r.rawPayloadId],
  ],
};

const commentSpec: UpsertSpec<CommentRow> = {
  table: 'work_item_comment',
  columns: [
    ['id', (r) => r.id],
    ['work_item_id', (r) => r.workItemId],
    ['author_identity_id', (r) => r.authorIdentityId],
    ['body_text', (r) => r.bodyText],
    ['created_at', (r) => r.createdAt],
    ['updated_at', (r) => r.updatedAt],
    ['raw_payload_id', (r) => r.rawPayloadId],
  ],
};

const linkSpec: UpsertSpec<LinkRow> = {
  table: 'work_item_link',
  columns: [
    ['id', (r) => r.id],
    ['work_item_id', (r) => r.workItemId],
    ['link_id', (r) => r.linkId],
    ['link_type', (r) => r.linkType],
    ['direction', (r) => r.direction],
    ['relation', (r) => r.relation],
    ['other_key', (r) => r.otherKey],
    ['raw_payload_id', (r) => r.rawPayloadId],
  ],
};

const staySpec: UpsertSpec<SprintStayRow> = {
  table: 'work_item_sprint',
  columns: [
    ['id', (r) => r.id],
    ['work_item_id', (r) => r.workItemId],
    ['sprint_id', (r) => r.sprintId],
    ['added_at', (r) => r.addedAt],
    ['removed_at', (r) => r.removedAt],
    ['raw_payload_id', (r) => r.rawPayloadId],
  ],
};

export async function writeConvertedIssues(
  manager: EntityManager,
  issues: readonly ConvertedIssue[],
): Promise<void> {
  if (issues.length === 0) return;
  await upsertIdentities(
    manager,
    'jira',
    issues.flatMap((issue) => issue.identities),
  );
  // A moved issue keeps its id but gets a new key: free the key first (unique index).
  const items = issues.map((issue) => issue.workItem);
  await manager.query(
    `DELETE FROM "work_item" WHERE "key" = ANY($1::text[]) AND NOT ("id" = ANY($2::text[]))`,
    [items.map((item) => item.key), items.map((item) => item.id)],
  );
  await upsertRows(manager, workItemSpec, items);
  const ids = items.map((item) => item.id);
  const children: [UpsertSpec<never>, (issue: ConvertedIssue) => { id: string }[]][] = [
    [changeSpec, (issue) => issue.changes],
    [commentSpec, (issue) => issue.comments],
    [linkSpec, (issue) => issue.links],
    [staySpec, (issue) => issue.sprintStays],
  ];
  for (const [spec, rowsOf] of children) {
    const rows = issues.flatMap(rowsOf);
    await deleteStaleChildren(
      manager,
      spec.table,
      'work_item_id',
      ids,
      rows.map((row) => row.id),
    );
    await upsertRows(manager, spec as UpsertSpec<{ id: string }>, rows);
  }
}

/** Removes work items (deleted in Jira) and everything that hangs off them. */
export async function deleteWorkItems(
  manager: EntityManager,
  workItemIds: readonly string[],
): Promise<void> {
  if (workItemIds.length === 0) return;
  for (const table of [
    'work_item_change',
    'work_item_comment',
    'work_item_link',
    'work_item_sprint',
  ]) {
    await manager.query(`DELETE FROM "${table}" WHERE "work_item_id" = ANY($1::text[])`, [
      workItemIds,
    ]);
  }
  await manager.query(`DELETE FROM "work_item" WHERE "id" = ANY($1::text[])`, [workItemIds]);
}
