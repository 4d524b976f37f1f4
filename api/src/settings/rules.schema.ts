import { z } from 'zod';
import { analysisConfigSchema } from '../analysis/core/analysis-config';

/** `GET /api/settings/rules`: the analysis configuration in force, and what differs from defaults. */
export const rulesResponseSchema = z.object({
  /** Windows, signal weights, critical-path globs, agent logins…: defaults overlaid with ANALYSIS_CONFIG. */
  analysis: analysisConfigSchema,
  /** Dotted paths the ANALYSIS_CONFIG file changed from the defaults; empty when none. */
  changedFromDefaults: z.array(z.string()),
});
export type RulesResponse = z.output<typeof rulesResponseSchema>;
