import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The inputs each scope's rollups were last computed from: equal fingerprint, nothing to recompute. */
@Entity({ name: 'metric_rollup_scope' })
export class MetricRollupScope {
  @PrimaryColumn({ name: 'scope_kind', type: 'text' })
  scopeKind: string;

  @PrimaryColumn({ name: 'scope_key', type: 'text' })
  scopeKey: string;

  @Column({ name: 'inputs_fingerprint', type: 'text' })
  inputsFingerprint: string;

  @Column({ name: 'refreshed_at', type: 'timestamptz' })
  refreshedAt: Date;
}
