import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One attempt of a job by a worker: written when the handler starts, finished in the same
 * transaction that completes the job in pg-boss, so "done exactly once" can be checked from
 * the database (an attempt killed half-way keeps `finishedAt` null).
 */
@Entity({ name: 'job_run' })
@Index('IDX_job_run_job_id', ['jobId'])
@Index('IDX_job_run_completed', ['finishedAt', 'queue'], { where: "outcome = 'completed'" })
export class JobRun {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'job_id', type: 'uuid' })
  jobId: string;

  @Column({ type: 'text' })
  queue: string;

  @Column({ type: 'text' })
  scope: string;

  /** host:pid of the worker process. */
  @Column({ type: 'text' })
  worker: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** 'completed' or 'failed'; null while running or when the worker died. */
  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
