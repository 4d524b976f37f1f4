import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, APP_LOGGER } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import { applyTeamsConfig } from './teams.store';
import { TeamsController } from './teams.controller';

/**
 * `GET/PUT /api/teams`, `PUT /api/teams/:slug`. At start, `TEAMS_FILE` (YAML) replaces the teams;
 * an invalid file stops the start with each bad field named.
 */
@Module({ controllers: [TeamsController] })
export class TeamsModule implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Validated with the rest of the configuration at start (a bad file never gets this far).
    const teams = this.config.teams;
    if (teams === undefined) return;
    await this.dataSource.transaction((manager) => applyTeamsConfig(manager, teams));
    this.logger.info({ teams: teams.teams.length }, 'teams loaded from TEAMS_FILE');
  }
}
