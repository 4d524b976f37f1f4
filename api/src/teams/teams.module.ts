import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { APP_LOGGER } from '../app.tokens';
import { applyTeamsConfig } from './teams.store';
import { readTeamsFile } from './teams-file';
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Read here until AppConfig grows a teamsFile field (config/ belongs to another engineer).
    const path = process.env.TEAMS_FILE;
    if (path === undefined || path === '') return;
    const config = await readTeamsFile(path);
    await this.dataSource.transaction((manager) => applyTeamsConfig(manager, config));
    this.logger.info({ teams: config.teams.length, path }, 'teams loaded from TEAMS_FILE');
  }
}
