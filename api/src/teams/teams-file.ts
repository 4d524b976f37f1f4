import { readFile } from 'node:fs/promises';
import { teamsConfigSchema, toFieldIssues, type TeamsConfig } from '@rework-radar/shared';
import { parse } from 'yaml';

export class TeamsFileError extends Error {}

/** Reads and validates a teams YAML file; errors name the file and each bad field (`teams.0.members.1.github: ...`). */
export async function readTeamsFile(path: string): Promise<TeamsConfig> {
  let document: unknown;
  try {
    document = parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new TeamsFileError(`TEAMS_FILE ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = teamsConfigSchema.safeParse(document);
  if (!result.success) {
    const issues = toFieldIssues(result.error).map((issue) => `${issue.field}: ${issue.message}`);
    throw new TeamsFileError(`TEAMS_FILE ${path} is invalid:\n  ${issues.join('\n  ')}`);
  }
  return result.data;
}
