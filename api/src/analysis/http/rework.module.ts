import { Module } from '@nestjs/common';
import { JobModule } from '../../jobs/job.module';
import { ModelsController } from './models.controller';
import { ReworkController } from './rework.controller';

/**
 * `GET /api/rework`, `GET /api/rework/:id`, `POST /api/rework/:id/override`, and the cause model
 * versions under `/api/analysis/models`. Both change effective causes, so both queue a rollup
 * refresh (the job queue's).
 */
@Module({ imports: [JobModule], controllers: [ReworkController, ModelsController] })
export class ReworkModule {}
