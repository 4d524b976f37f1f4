import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AnalysisConfig } from '../core';

export interface StoredPrecisionRecall {
  precision: number | null;
  recall: number | null;
  f1?: number | null;
}

export interface ModelMetrics {
  /** Measured on held-back overrides: the previous model's answers, then this model's. */
  current: {
    missing_context: StoredPrecisionRecall;
    execution: StoredPrecisionRecall;
    coverage: number;
  };
  candidate: {
    missing_context: StoredPrecisionRecall;
    execution: StoredPrecisionRecall;
    coverage: number;
  };
  trainedOn: { labelled: number; training: number; heldBack: number };
  /** The scope the version was fitted for (`global`, `team:<slug>`) and the version it started from. */
  scope?: string;
  basedOn?: number;
}

/** A version of the cause model: its signal weights and, for re-fitted ones, how it scored. */
@Entity({ name: 'analysis_model' })
export class AnalysisModel {
  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  weights: AnalysisConfig['signalWeights'];

  /** `configured` (from the analysis configuration) or `refit` (from overrides). */
  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'jsonb', nullable: true })
  metrics: ModelMetrics | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Which model version a scope uses (`global`, later `team:<id>`), and the one before, for going back. */
@Entity({ name: 'analysis_model_activation' })
export class AnalysisModelActivation {
  @PrimaryColumn({ type: 'text' })
  scope: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'previous_versions', type: 'integer', array: true })
  previousVersions: number[];

  @Column({ name: 'activated_at', type: 'timestamptz' })
  activatedAt: Date;
}

export interface RunCounts {
  reworkItems: Record<string, number>;
  written: number;
  removed: number;
  attributions: number;
  contexts: number;
  reviewScores: number;
  traces: { cached: number; traced: number; failed: number };
  /** Items whose cause was (re-)attributed: all in a full run, the affected ones otherwise. */
  attributed?: number;
}

/** One run of the analysis: what ran, when, how long, what it found. */
@Entity({ name: 'analysis_run' })
export class AnalysisRun {
  @PrimaryColumn({ type: 'text' })
  id: string;

  /** full, incremental or skipped (nothing new since the last run). */
  @Column({ type: 'text' })
  mode: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;

  @Column({ name: 'model_version', type: 'integer' })
  modelVersion: number;

  @Column({ type: 'jsonb' })
  counts: RunCounts;
}

export interface StoredIntroducer {
  sha: string;
  lines: number;
  /** Committer time, ISO. */
  at: string;
}

export interface StoredExpectationReading {
  rewritesExpectations: boolean;
  changedAssertions: Array<{ file: string; line: number; removed: string }>;
  addedAssertions: number;
  testFilesTouched: string[];
  addsTestsOnly: boolean;
}

/** The line trace of one fix commit: git history never changes, so a re-analysis never traces twice. */
@Entity({ name: 'analysis_fix_trace' })
export class AnalysisFixTrace {
  /** `<repository id>@<fix sha>`. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'jsonb' })
  introducers: StoredIntroducer[];

  @Column({ type: 'jsonb' })
  expectations: StoredExpectationReading;

  @Column({ name: 'traced_at', type: 'timestamptz' })
  tracedAt: Date;
}
