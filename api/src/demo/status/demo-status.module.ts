import { Module } from '@nestjs/common';
import { DemoStatusController } from './demo-status.controller';

@Module({ controllers: [DemoStatusController] })
export class DemoStatusModule {}
