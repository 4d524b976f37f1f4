import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, APP_LOGGER } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import { JobModule } from '../jobs/job.module';
import { RollupRefreshQueue } from '../jobs/rollup-refresh.queue';
import { applyTeamsConfig, reresolveTeams } from './teams.store';
import { TeamsController } from './teams.controller';

/**
 * `GET/PUT /api/teams`, `PUT /api/teams/:slug`. At start, `TEAMS_FILE` (YAML) replaces the teams
 * and queues a rollup refresh; an invalid file stops the start with each bad field named.
 */
@Module({ imports: [JobModule], controllers: [TeamsController] })
export class TeamsModule implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rollups: RollupRefreshQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Validated with the rest of the configuration at start (a bad file never gets this far).
    const teams = this.config.teams;
    if (teams === undefined) return;
    await this.dataSource.transaction(async (manager) => {
      await applyTeamsConfig(manager, teams);
      await reresolveTeams(manager);
    });
    this.logger.info({ teams: teams.teams.length }, 'teams loaded from TEAMS_FILE');
    await this.rollups.request('teams loaded from TEAMS_FILE');
  }
}
