import { Module } from '@nestjs/common';
import { SettingsController } from './settings.controller';

/** `GET /api/settings/rules`. */
@Module({ controllers: [SettingsController] })
export class SettingsModule {}
