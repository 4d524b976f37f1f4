import { rulesResponseSchema } from '@rework-radar/shared';
import { analysisConfigSchema } from '../analysis/core/analysis-config';

/**
 * `GET /api/settings/rules` as the OpenAPI document describes it: the shared answer
 * (`rulesResponseSchema`, which the web parses) with its `analysis` part in full, every setting
 * with its bounds and default. The handler is typed with the shared `RulesResponse`, so the
 * configuration it answers is checked against what the web reads.
 */
export const rulesDocumentSchema = rulesResponseSchema.extend({ analysis: analysisConfigSchema });
