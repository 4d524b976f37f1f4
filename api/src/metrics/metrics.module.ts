import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** `GET /api/metrics`, `/api/metrics/definitions`, `/api/metrics/:metricId/explain`, `/api/review-calibration`, `/api/quarterly`. */
@Module({ controllers: [MetricsController] })
export class MetricsModule {}
