import { Module } from '@nestjs/common';
import { ReworkController } from './rework.controller';

/** `GET /api/rework`, `GET /api/rework/:id`, `POST /api/rework/:id/override`. */
@Module({ controllers: [ReworkController] })
export class ReworkModule {}
