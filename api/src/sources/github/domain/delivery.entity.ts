import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A deployment with its latest status. Id: `github:deployment:<database id>`. */
@Entity({ name: 'deployment' })
@Index('deployment_repository_idx', ['repositoryId', 'createdAt'])
export class Deployment {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'repository_id', type: 'text' })
  repositoryId: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId: string;

  @Column({ type: 'text' })
  environment: string;

  @Column({ type: 'text' })
  sha: string;

  @Column({ type: 'text', nullable: true })
  ref: string | null;

  @Column({ name: 'creator_login', type: 'text', nullable: true })
  creatorLogin: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Latest status state in lower case (success, failure, error, in_progress...), null if none. */
  @Column({ type: 'text', nullable: true })
  status: string | null;

  @Column({ name: 'status_at', type: 'timestamptz', nullable: true })
  statusAt: Date | null;

  /** Time of the latest status when it is terminal (success, failure, error, inactive). */
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}

/** A release. Id: `github:release:<database id>`. */
@Entity({ name: 'release' })
@Index('release_repository_idx', ['repositoryId'])
export class Release {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'repository_id', type: 'text' })
  repositoryId: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId: string;

  @Column({ name: 'tag_name', type: 'text' })
  tagName: string;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ name: 'author_login', type: 'text', nullable: true })
  authorLogin: string | null;

  @Column({ name: 'is_draft', type: 'boolean' })
  isDraft: boolean;

  @Column({ name: 'is_prerelease', type: 'boolean' })
  isPrerelease: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}

/** An incident read from an issue carrying an incident label. Id: `github:owner/name!number`. */
@Entity({ name: 'incident' })
@Index('incident_repository_idx', ['repositoryId'])
@Index('incident_created_idx', ['createdAt'])
export class Incident {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'repository_id', type: 'text' })
  repositoryId: string;

  @Column({ name: 'issue_number', type: 'integer' })
  issueNumber: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  state: string;

  @Column({ type: 'text', array: true })
  labels: string[];

  @Column({ name: 'author_login', type: 'text', nullable: true })
  authorLogin: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}

/** A webhook delivery already applied: a redelivery of the same id changes nothing. */
@Entity({ name: 'github_webhook_delivery' })
export class GithubWebhookDelivery {
  @PrimaryColumn({ name: 'delivery_id', type: 'text' })
  deliveryId: string;

  @Column({ type: 'text' })
  event: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
