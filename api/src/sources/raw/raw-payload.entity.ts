import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A parsed JSON document (object or array). Kept non-recursive on purpose: a recursive JSON type
 * makes TypeORM's DeepPartial types explode.
 */
export type JsonDocument = object;

/** Request parameters as sent (query string or GraphQL variables), kept for replay and lineage. */
export type RequestParams = Record<string, string | number | boolean | null | string[]>;

export type SourceSystem = 'github' | 'jira';

/**
 * Layer 1 of the data flow: an API response exactly as fetched. Extractors re-run from these
 * rows without the network, and every source and domain row points back to one of them.
 */
@Entity({ name: 'raw_payload' })
@Index('raw_payload_request_content_uq', ['source', 'requestKey', 'contentHash'], { unique: true })
@Index('raw_payload_scope_idx', ['source', 'scope', 'fetchedAt'])
export class RawPayload {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'text' })
  source: SourceSystem;

  /** The operation, e.g. `GET /repos/{owner}/{repo}/deployments` or `graphql PullRequestPage`. */
  @Column({ type: 'text' })
  endpoint: string;

  @Column({ name: 'request_params', type: 'jsonb' })
  requestParams: RequestParams;

  /** Hash of endpoint + canonical parameters: the same request always has the same key. */
  @Column({ name: 'request_key', type: 'text' })
  requestKey: string;

  /** What the request was about: a repository (`owner/name`), a Jira project key, an org. */
  @Column({ type: 'text' })
  scope: string;

  /** Source ids of the records the payload carries (PR node ids, issue keys...). */
  @Column({ name: 'source_ids', type: 'text', array: true, default: () => "'{}'" })
  sourceIds: string[];

  @Column({ type: 'text', nullable: true })
  etag: string | null;

  @Column({ name: 'http_status', type: 'smallint' })
  httpStatus: number;

  @Column({ name: 'fetched_at', type: 'timestamptz' })
  fetchedAt: Date;

  @Column({ type: 'jsonb' })
  payload: JsonDocument;

  /** SHA-256 of the payload: an unchanged re-fetch of the same request adds no row. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;
}
