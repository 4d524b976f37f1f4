import type { EntityManager } from 'typeorm';
import { upsertRows, type Row } from './domain-writer';
import { deploymentId, incidentId, releaseId, repositoryId } from './github-ids';
import type {
  GithubDeploymentRecord,
  GithubIssueRecord,
  GithubReleaseRecord,
} from './github-records';
import { writeIdentities } from './pull-request.converter';

/** Reads: deployment, release and issue source records. Writes: deployment, release, incident rows. */

const terminalStates = new Set(['success', 'failure', 'error', 'inactive']);

export async function writeDeployments(
  manager: EntityManager,
  records: GithubDeploymentRecord[],
  rawPayloadId: string,
): Promise<void> {
  await writeIdentities(
    manager,
    records.map((record) => record.creator),
    rawPayloadId,
  );
  const rows: Row[] = records.map((record) => ({
    id: deploymentId(record.databaseId),
    repository_id: repositoryId(record.repository),
    source_id: record.databaseId,
    environment: record.environment,
    sha: record.sha,
    ref: record.ref,
    creator_login: record.creator?.login.toLowerCase() ?? null,
    created_at: record.createdAt,
    status: record.status,
    status_at: record.statusAt,
    finished_at:
      record.status !== null && terminalStates.has(record.status) ? record.statusAt : null,
    raw_payload_id: rawPayloadId,
  }));
  await upsertRows(manager, 'deployment', rows);
}

export async function writeReleases(
  manager: EntityManager,
  records: GithubReleaseRecord[],
  rawPayloadId: string,
): Promise<void> {
  await writeIdentities(
    manager,
    records.map((record) => record.author),
    rawPayloadId,
  );
  await upsertRows(
    manager,
    'release',
    records.map((record) => ({
      id: releaseId(record.databaseId),
      repository_id: repositoryId(record.repository),
      source_id: record.databaseId,
      tag_name: record.tagName,
      name: record.name,
      author_login: record.author?.login.toLowerCase() ?? null,
      is_draft: record.isDraft,
      is_prerelease: record.isPrerelease,
      created_at: record.createdAt,
      published_at: record.publishedAt,
      raw_payload_id: rawPayloadId,
    })),
  );
}

/** Issues carrying one of the incident labels become incidents; pull requests never do. */
export async function writeIncidents(
  manager: EntityManager,
  records: GithubIssueRecord[],
  incidentLabels: string[],
  rawPayloadId: string,
): Promise<void> {
  const wanted = new Set(incidentLabels.map((label) => label.toLowerCase()));
  const incidents = records.filter(
    (record) =>
      !record.isPullRequest && record.labels.some((label) => wanted.has(label.toLowerCase())),
  );
  await writeIdentities(
    manager,
    incidents.map((record) => record.author),
    rawPayloadId,
  );
  await upsertRows(
    manager,
    'incident',
    incidents.map((record) => ({
      id: incidentId(record.repository, record.number),
      repository_id: repositoryId(record.repository),
      issue_number: record.number,
      title: record.title,
      body: record.body,
      state: record.state,
      labels: record.labels,
      author_login: record.author?.login.toLowerCase() ?? null,
      created_at: record.createdAt,
      closed_at: record.closedAt,
      raw_payload_id: rawPayloadId,
    })),
  );
}
