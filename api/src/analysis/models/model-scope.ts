import type { EntityManager } from 'typeorm';
import { projectOfKey, type AnalysisConfig } from '../core';
import { ensureActiveModel, globalScope, type ActiveModel } from '../store/model-versions';

/**
 * Which cause model answers for a rework item: the active model of the one team that owns the
 * item (its repository, or the Jira project of its origin or rework work items), when that team
 * has re-fitted its own; else the global model. An item that two teams own stays on the global
 * model, so one team's labels never decide another team's items.
 */
export interface OwnedItem {
  repositoryId: string | null;
  originWorkItemKeys: readonly string[];
  reworkWorkItemKeys: readonly string[];
}

export interface TeamOwnership {
  /** `github:owner/name` -> team slugs. */
  repositories: Map<string, string[]>;
  /** Jira project key -> team slugs. */
  projects: Map<string, string[]>;
}

export interface ScopeModels {
  global: ActiveModel;
  /** Team slug -> its own active model (teams on the global model are absent). */
  teams: Map<string, ActiveModel>;
  ownership: TeamOwnership;
}

export const teamScope = (slug: string): string => `team:${slug}`;

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(key, list);
}

export async function loadTeamOwnership(manager: EntityManager): Promise<TeamOwnership> {
  const repositories = new Map<string, string[]>();
  const projects = new Map<string, string[]>();
  for (const row of await manager.query<{ team_slug: string; repository_full_name: string }[]>(
    'SELECT team_slug, repository_full_name FROM team_repository',
  )) {
    push(repositories, `github:${row.repository_full_name.toLowerCase()}`, row.team_slug);
  }
  for (const row of await manager.query<{ team_slug: string; project_key: string }[]>(
    'SELECT team_slug, project_key FROM team_jira_project',
  )) {
    push(projects, row.project_key.toUpperCase(), row.team_slug);
  }
  return { repositories, projects };
}

/** The single team owning the item, or null (no team, or several). */
export function owningTeam(item: OwnedItem, ownership: TeamOwnership): string | null {
  const teams = new Set<string>([
    ...(item.repositoryId === null
      ? []
      : (ownership.repositories.get(item.repositoryId.toLowerCase()) ?? [])),
    ...[...item.originWorkItemKeys, ...item.reworkWorkItemKeys].flatMap(
      (key) => ownership.projects.get(projectOfKey(key).toUpperCase()) ?? [],
    ),
  ]);
  return teams.size === 1 ? ([...teams][0] ?? null) : null;
}

export function modelFor(item: OwnedItem, models: ScopeModels): ActiveModel {
  const team = owningTeam(item, models.ownership);
  return (team === null ? undefined : models.teams.get(team)) ?? models.global;
}

export async function loadScopeModels(
  manager: EntityManager,
  config: AnalysisConfig,
): Promise<ScopeModels> {
  const global = await ensureActiveModel(manager, config);
  const teams = new Map<string, ActiveModel>();
  for (const row of await manager.query<
    { scope: string; version: number; weights: AnalysisConfig['signalWeights'] }[]
  >(
    `SELECT a.scope, m.version, m.weights FROM analysis_model_activation a JOIN analysis_model m ON m.version = a.version WHERE a.scope <> $1`,
    [globalScope],
  )) {
    if (row.scope.startsWith('team:'))
      teams.set(row.scope.slice('team:'.length), { version: row.version, weights: row.weights });
  }
  return { global, teams, ownership: await loadTeamOwnership(manager) };
}

/** A short fingerprint of which versions are active where, for the analysis checkpoint. */
export function activationKey(models: ScopeModels): string {
  return [
    `global=${models.global.version}`,
    ...[...models.teams]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([team, model]) => `${team}=${model.version}`),
  ].join(',');
}
