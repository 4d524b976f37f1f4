import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type StoredCause = 'missing_context' | 'execution' | 'unknown';

/** One signal that weighed in the decision, with the link to the PR, comment, ticket or changelog behind it. */
export interface StoredEvidence {
  signal: string;
  side: 'missing_context' | 'execution';
  weight: number;
  kind: string;
  description: string;
  url?: string;
  excerpt?: string;
}

/** The model's answer for a rework item under one model version. Id: `<rework item id>@v<version>`. */
@Entity({ name: 'cause_attribution' })
@Index('cause_attribution_item_idx', ['reworkItemId', 'modelVersion'], { unique: true })
export class CauseAttributionRow {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'rework_item_id', type: 'text' })
  reworkItemId: string;

  @Column({ name: 'model_version', type: 'integer' })
  modelVersion: number;

  @Column({ type: 'text' })
  cause: StoredCause;

  @Column({ type: 'double precision' })
  confidence: number;

  @Column({ name: 'score_missing_context', type: 'double precision' })
  scoreMissingContext: number;

  @Column({ name: 'score_execution', type: 'double precision' })
  scoreExecution: number;

  /** decided, thin_evidence or small_margin. */
  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'jsonb' })
  evidence: StoredEvidence[];
}

/** A manager's correction of a cause. Never deleted or rewritten by re-analysis; the latest per item wins. */
@Entity({ name: 'cause_override' })
@Index('cause_override_item_idx', ['reworkItemId', 'overriddenAt'])
export class CauseOverride {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'rework_item_id', type: 'text' })
  reworkItemId: string;

  @Column({ type: 'text' })
  cause: StoredCause;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'overridden_by', type: 'text' })
  overriddenBy: string;

  @Column({ name: 'overridden_at', type: 'timestamptz' })
  overriddenAt: Date;

  /** What the model said when the manager overrode it, for the record. */
  @Column({ name: 'model_cause', type: 'text', nullable: true })
  modelCause: StoredCause | null;

  @Column({ name: 'model_version', type: 'integer', nullable: true })
  modelVersion: number | null;
}
