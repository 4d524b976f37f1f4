import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RulesResponse } from '@rework-radar/shared';
import { APP_CONFIG } from '../app.tokens';
import { defaultAnalysisConfig } from '../analysis/core/analysis-config';
import { Access } from '../auth/access';
import type { AppConfig } from '../config/app-config';
import { openApiSchema } from '../http/openapi';
import { configDifferences } from './config-differences';
import { rulesDocumentSchema } from './rules.schema';

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('rules')
  @Access('admin')
  @ApiOperation({
    summary:
      'The analysis rules in force (read-only): windows, cause signal weights, decision thresholds, critical paths, agent logins, risk and depth weights; set with ANALYSIS_CONFIG',
  })
  @ApiOkResponse({ schema: openApiSchema(rulesDocumentSchema) })
  rules(): RulesResponse {
    return {
      analysis: this.config.analysis,
      changedFromDefaults: configDifferences(this.config.analysis, defaultAnalysisConfig),
    };
  }
}
