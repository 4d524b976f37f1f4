import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Exclusion } from '@rework-radar/shared';

export type RollupScopeKind = 'org' | 'team' | 'repo';

/**
 * One metric value for one scope and period, as `computeMetricValues` returned it. The API reads
 * only this table; `refreshMetricRollups` rewrites a row only when its value changed. The key
 * starts with the scope so a chart's read is one index range.
 */
@Entity({ name: 'metric_rollup' })
export class MetricRollup {
  @PrimaryColumn({ name: 'scope_kind', type: 'text' })
  scopeKind: RollupScopeKind;

  /** '' for the organisation, the team slug, or the repository's owner/name. */
  @PrimaryColumn({ name: 'scope_key', type: 'text' })
  scopeKey: string;

  @PrimaryColumn({ name: 'period_kind', type: 'text' })
  periodKind: string;

  @PrimaryColumn({ name: 'period_start', type: 'timestamptz' })
  periodStart: Date;

  /** Part of the key: sprints of two boards can start at the same instant. */
  @PrimaryColumn({ name: 'period_label', type: 'text' })
  periodLabel: string;

  @PrimaryColumn({ name: 'metric_id', type: 'text' })
  metricId: string;

  @Column({ name: 'period_end', type: 'timestamptz' })
  periodEnd: Date;

  @Column({ type: 'double precision', nullable: true })
  value: number | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'universe_count', type: 'integer' })
  universeCount: number;

  @Column({ name: 'universe_noun', type: 'text' })
  universeNoun: string;

  @Column({ type: 'jsonb' })
  excluded: Exclusion[];

  @Column({ name: 'linking_rule', type: 'text', nullable: true })
  linkingRule: string | null;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;

  /** Hash of the scope's input records when this value was computed; equal hash = nothing to recompute. */
  @Column({ name: 'inputs_fingerprint', type: 'text' })
  inputsFingerprint: string;
}
