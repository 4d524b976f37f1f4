import { readFileSync } from 'node:fs';
import { parseAnalysisConfig, type AnalysisConfig } from './core';

/**
 * Where the analysis configuration comes from: the defaults, overlaid with the JSON file named by
 * `ANALYSIS_CONFIG` when set (any subset of the schema in `core/analysis-config.ts`, e.g.
 * `{"windows": {"followUpFixDays": 14}}`). Invalid files fail with the field names.
 */
export function loadAnalysisConfig(env: Record<string, string | undefined> = process.env): AnalysisConfig {
  const path = env.ANALYSIS_CONFIG;
  if (path === undefined || path.trim() === '') return parseAnalysisConfig({});
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`ANALYSIS_CONFIG ${path} is not a readable JSON file: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return parseAnalysisConfig(input);
}
