import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TeamMemberInput } from '@rework-radar/shared';

/** A team as configured (YAML file or API). Members are kept as given so unresolved ones resolve later. */
@Entity({ name: 'team' })
export class Team {
  @PrimaryColumn({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  /** The members exactly as configured (identities and dates); `team_membership` holds them resolved to persons. */
  @Column({ name: 'member_config', type: 'jsonb' })
  memberConfig: TeamMemberInput[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One person in one team over [from, to); a move ends one row and starts another, so history keeps its team. */
@Entity({ name: 'team_membership' })
@Index('team_membership_person_idx', ['personId'])
@Index('team_membership_team_idx', ['teamSlug'])
export class TeamMembership {
  /** `<team>|<person>|<from or ->`: the same configuration gives the same rows. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'team_slug', type: 'text' })
  teamSlug: string;

  @Column({ name: 'person_id', type: 'text' })
  personId: string;

  @Column({ name: 'from_at', type: 'timestamptz', nullable: true })
  fromAt: Date | null;

  @Column({ name: 'to_at', type: 'timestamptz', nullable: true })
  toAt: Date | null;
}

@Entity({ name: 'team_repository' })
export class TeamRepository {
  @PrimaryColumn({ name: 'team_slug', type: 'text' })
  teamSlug: string;

  /** owner/name in lower case. */
  @PrimaryColumn({ name: 'repository_full_name', type: 'text' })
  repositoryFullName: string;
}

@Entity({ name: 'team_jira_project' })
export class TeamJiraProject {
  @PrimaryColumn({ name: 'team_slug', type: 'text' })
  teamSlug: string;

  @PrimaryColumn({ name: 'project_key', type: 'text' })
  projectKey: string;
}

export const teamEntities = [Team, TeamMembership, TeamRepository, TeamJiraProject];
