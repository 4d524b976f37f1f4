import { Module } from '@nestjs/common';
import { ModelsController } from './models.controller';
import { ReworkController } from './rework.controller';

/** `GET /api/rework`, `GET /api/rework/:id`, `POST /api/rework/:id/override`, and the cause model versions under `/api/analysis/models`. */
@Module({ controllers: [ReworkController, ModelsController] })
export class ReworkModule {}
