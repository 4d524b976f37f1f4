import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Engineering managers read (and override) only their own teams. A request is in scope when
 * everything it names belongs to those teams: `team=`, a repository (`repo=` or `:owner/:name`),
 * a Jira project (`project=` or an issue `:key`), or the resource itself when the route says how
 * to find its teams. A request that names nothing is organisation-wide and out of scope.
 */
export type ResourceTeams = (
  manager: EntityManager,
  params: Record<string, string>,
) => Promise<string[]>;

export const RESOURCE_TEAMS = 'rework-radar:resource-teams';

/** Declares how to find the teams a route's resource belongs to (e.g. a rework item's). */
export const TeamsOfResource = (resolve: ResourceTeams): MethodDecorator =>
  SetMetadata(RESOURCE_TEAMS, resolve);

export type ScopeDecision = { allowed: true } | { allowed: false; reason: string };

export interface ScopedRequest {
  query: Record<string, unknown>;
  params: Record<string, string>;
}

const values = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === 'string',
  );

export async function managerScope(
  manager: EntityManager,
  teamSlugs: string[],
  request: ScopedRequest,
  resourceTeams: ResourceTeams | undefined,
): Promise<ScopeDecision> {
  if (teamSlugs.length === 0) {
    return {
      allowed: false,
      reason: 'this manager account has no teams yet: ask an admin to add them',
    };
  }
  const outside = (what: string): ScopeDecision => ({
    allowed: false,
    reason: `${what} is not one of your teams' (${teamSlugs.join(', ')})`,
  });

  if (resourceTeams !== undefined) {
    const owners = await resourceTeams(manager, request.params);
    return owners.some((team) => teamSlugs.includes(team))
      ? { allowed: true }
      : outside('this item');
  }

  const teams = values(request.query.team);
  if (teams.length > 0) {
    const foreign = teams.find((team) => !teamSlugs.includes(team));
    return foreign === undefined ? { allowed: true } : outside(`team ${foreign}`);
  }

  const repos = values(request.query.repo);
  if (request.params.owner !== undefined && request.params.name !== undefined) {
    repos.push(`${request.params.owner}/${request.params.name}`);
  }
  if (repos.length > 0) {
    const rows: { name: string }[] = await manager.query(
      `SELECT DISTINCT repository_full_name AS name FROM team_repository
       WHERE team_slug = ANY($1) AND lower(repository_full_name) = ANY($2)`,
      [teamSlugs, repos.map((repo) => repo.toLowerCase())],
    );
    return rows.length === new Set(repos.map((repo) => repo.toLowerCase())).size
      ? { allowed: true }
      : outside('that repository');
  }

  const projects = values(request.query.project);
  if (request.params.key !== undefined) projects.push(request.params.key.split('-')[0] ?? '');
  if (projects.length > 0) {
    const rows: { key: string }[] = await manager.query(
      `SELECT DISTINCT project_key AS key FROM team_jira_project
       WHERE team_slug = ANY($1) AND upper(project_key) = ANY($2)`,
      [teamSlugs, projects.map((project) => project.toUpperCase())],
    );
    return rows.length === new Set(projects.map((project) => project.toUpperCase())).size
      ? { allowed: true }
      : outside('that Jira project');
  }

  return {
    allowed: false,
    reason: `engineering managers see their own teams: add team=${teamSlugs[0] ?? ''} (or one of ${teamSlugs.join(', ')})`,
  };
}
